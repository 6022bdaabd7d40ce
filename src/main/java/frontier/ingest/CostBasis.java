package frontier.ingest;

/**
 * Which cost figures an export carries. FOCUS, AWS CUR and GCP exports carry both the billed and the
 * effective (amortised) cost of each row; an Azure cost-details export is either the actual (billed)
 * or the amortised view of the same charges, so it fills only one of the two.
 */
public enum CostBasis {
    BOTH("both"), ACTUAL("actual"), AMORTIZED("amortized");

    private final String code;

    CostBasis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True if imports of the two bases fill a common cost figure (and so can double count). */
    public boolean overlaps(CostBasis other) {
        return this == BOTH || other == BOTH || this == other;
    }

    public static CostBasis fromCode(String code) {
        for (CostBasis b : values()) if (b.code.equals(code)) return b;
        throw new IllegalArgumentException(code);
    }
}
