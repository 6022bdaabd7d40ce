package frontier.ingest.logs;

import java.util.List;

/**
 * The records of one log file as named text fields, one record at a time, whatever the layout. Fields
 * are resolved to {@link Field} handles once, then read per record. Implementations throw
 * {@link frontier.sim.BadInputException} for malformed input and {@link java.io.UncheckedIOException}
 * when the bytes cannot be read.
 */
abstract class Records implements AutoCloseable {
    /** A resolved field: a column index (CSV-like layouts), or keys tried in order (JSON, where any key may be absent). */
    record Field(String name, int index, List<String> keys) {}

    final String file;

    Records(String file) {
        this.file = file;
    }

    /** The field names known before reading (the header, or the keys of the first record), for detection and messages. */
    abstract List<String> names();

    /**
     * The field for a name, or for the first present of alternatives "a|b"; null when the layout cannot
     * have it (not in the header, never seen in the first JSON record).
     */
    abstract Field field(String spec);

    /** Advances to the next record; false at the end. */
    abstract boolean next();

    /** The field's value in the current record, or null when it is absent or empty. */
    abstract String text(Field f);

    /** The 1-based columns holding the same name as the field's, when the header repeats it; else empty. */
    List<Integer> copies(Field f) {
        return List.of();
    }

    /** 1-based line of the current record. */
    abstract long line();

    /** The field for messages: "field timestamp" here; CSV-like layouts say "column 3 (TIMESTAMP)". */
    String describe(Field f) {
        return "field " + f.name();
    }

    /** Leaves the field out of {@link #attrs()}. */
    abstract void exclude(Field f);

    /** The fields of the current record not excluded and not empty, as a JSON object; null when there are none. */
    abstract String attrs();

    /** Notes about what was skipped or assumed, known at the end. */
    List<String> notes() {
        return List.of();
    }

    @Override
    public abstract void close();

    /** Starts the next entry of the {@link #attrs()} object being built in {@code b}: its key and the colon. */
    static void attrKey(StringBuilder b, String key) {
        b.append(b.isEmpty() ? '{' : ',');
        quote(b, key);
        b.append(':');
    }

    /** The {@link #attrs()} object built in {@code b}, closed; null when it has no entry. */
    static String attrsObject(StringBuilder b) {
        if (b.isEmpty()) return null;
        return b.append('}').toString();
    }

    /** Appends {@code s} as a JSON string literal. */
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
