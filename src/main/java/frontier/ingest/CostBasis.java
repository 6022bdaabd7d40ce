package frontier.ingest;

import frontier.domain.Coded;
import java.util.Optional;

/**
 * Which cost figures an export carries. FOCUS, AWS CUR and GCP exports carry both the billed and the
 * effective (amortised) cost of each row; an Azure cost-details export is either the actual (billed)
 * or the amortised view of the same charges, so it fills only one of the two.
 */
public enum CostBasis implements Coded {
    BOTH("both"),
    ACTUAL("actual"),
    AMORTIZED("amortized");

    private final String code;

    CostBasis(String code) {
        this.code = code;
    }

    /** The stored value. */
    @Override
    public String code() {
        return code;
    }

    /** True if imports of the two bases fill a common cost figure (and so can double count). */
    public boolean overlaps(CostBasis other) {
        return this == BOTH || other == BOTH || this == other;
    }

    /** The basis with this code; BadInputException naming the codes if there is none. */
    public static CostBasis fromCode(String code) {
        return Coded.fromCode(CostBasis.class, code, "cost basis");
    }

    /** The basis with this code, if any. */
    public static Optional<CostBasis> find(String code) {
        return Coded.find(CostBasis.class, code);
    }
}
