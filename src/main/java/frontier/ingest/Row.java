package frontier.ingest;

import frontier.sim.BadInputException;

/** One input row as the format mappers see it: values by column index, plus where it came from. */
public interface Row {
    /** The value of column i, or null when it is absent, empty or an unquoted NULL. */
    String get(int i);

    /** 1-based line where the row starts. */
    long line();

    /** A name for the source, for messages. */
    String file();

    /** The column's name as written in the source. */
    String columnName(int i);

    /** "column 7 (BilledCost)" for CSV, "field cost" for JSON. */
    String describeColumn(int i);

    /** Where the row is, for messages: "FILE: line 12". */
    default String where() {
        return file() + ": line " + line();
    }

    /** A bad-input error naming file, line, column, what was expected and what was found. */
    default BadInputException bad(int column, String expected) {
        String v = get(column);
        String shown = v == null ? "nothing" : "'" + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "'";
        return new BadInputException(
                where() + ", " + describeColumn(column) + ": expected " + expected + ", got " + shown);
    }
}
