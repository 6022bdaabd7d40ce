package frontier.ingest;

import frontier.domain.Coded;
import java.util.Optional;

/** What kind of charge a row is, after FOCUS ChargeCategory. */
public enum ChargeCategory implements Coded {
    USAGE("usage", "Usage"),
    PURCHASE("purchase", "Purchase"),
    TAX("tax", "Tax"),
    CREDIT("credit", "Credit"),
    ADJUSTMENT("adjustment", "Adjustment");

    private final String code;
    private final String label;

    ChargeCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stored and JSON value. */
    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The category with this code; BadInputException naming the codes if there is none. */
    public static ChargeCategory fromCode(String code) {
        return Coded.fromCode(ChargeCategory.class, code, "charge category");
    }

    /** The category with this code, if any. */
    public static Optional<ChargeCategory> find(String code) {
        return Coded.find(ChargeCategory.class, code);
    }

    /** A stored code read back from a workspace: an unknown or missing one (never written) reads as {@link #USAGE}. */
    public static ChargeCategory stored(String code) {
        return find(code).orElse(USAGE);
    }
}
