package frontier.cli;

/** CSV output of the commands (RFC 4180 quoting). */
final class Csv {
    private Csv() {
    }

    /** {@code v} quoted when it holds a comma, quote or line break; empty for null. */
    static String field(String v) {
        if (v == null) return "";
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
