package frontier.cli;

import frontier.sim.BadInputException;
import java.math.BigDecimal;

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

    /** An exact amount as a plain decimal; empty for null. */
    static String decimal(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    /** A command prints a table, {@code --json} or {@code --csv}: asking for both is bad input. */
    static void requireNotWithJson(boolean csv, boolean json) {
        if (json && csv) throw new BadInputException("--json and --csv: choose one");
    }
}
