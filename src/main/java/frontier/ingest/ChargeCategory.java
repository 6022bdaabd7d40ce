package frontier.ingest;

/** What kind of charge a row is, after FOCUS ChargeCategory. */
public enum ChargeCategory {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static ChargeCategory fromCode(String code) {
        for (ChargeCategory c : values()) if (c.code.equals(code)) return c;
        return USAGE;
    }
}
