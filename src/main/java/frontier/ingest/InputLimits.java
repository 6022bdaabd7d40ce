package frontier.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import frontier.sim.BadInputException;
import java.util.Locale;

/**
 * Size limits on one record of a text input (billing export or request log), checked while it streams so
 * that a hostile file (a 4 GB field packed into a 1 MB .gz) is refused with file, line and limit instead
 * of growing a buffer until the JVM dies. Lengths are in characters (UTF-16 units) after decompression.
 *
 * <p>Defaults: a field (a CSV cell, a JSON string) at most 1 Mi characters, a line (a CSV record, quoted
 * line breaks included; a JSON Lines or access-log line) at most 4 Mi characters, JSON nesting at most
 * 200 levels. Real exports stay far below (the widest AWS CUR line in the samples is under 10 k). They can
 * be raised or lowered per run with the system properties {@value #FIELD_PROPERTY} and
 * {@value #LINE_PROPERTY}, or the environment variables {@value #FIELD_ENV} and {@value #LINE_ENV}
 * (a number, optionally followed by K, M or G for binary multiples).
 *
 * @param maxFieldChars longest field accepted
 * @param maxLineChars  longest record (CSV) or line (JSON Lines, access logs) accepted
 */
public record InputLimits(long maxFieldChars, long maxLineChars) {
    public static final String FIELD_PROPERTY = "frontier.input.maxFieldChars";
    public static final String LINE_PROPERTY = "frontier.input.maxLineChars";
    public static final String FIELD_ENV = "FRONTIER_MAX_FIELD_CHARS";
    public static final String LINE_ENV = "FRONTIER_MAX_LINE_CHARS";
    public static final long DEFAULT_FIELD = 1L << 20;
    public static final long DEFAULT_LINE = 4L << 20;
    /** Deeper JSON than this is refused; the deepest real record (an OTLP span with array attributes) has about 10 levels. */
    public static final int MAX_JSON_DEPTH = 200;
    /** Largest limit accepted: a Java array (and so a String) cannot hold more. */
    private static final long MAX = Integer.MAX_VALUE - 64;

    public InputLimits {
        if (maxFieldChars < 1 || maxFieldChars > MAX)
            throw new BadInputException("field limit: expected 1 to " + MAX + " characters, got " + maxFieldChars);
        if (maxLineChars < 1 || maxLineChars > MAX)
            throw new BadInputException("line limit: expected 1 to " + MAX + " characters, got " + maxLineChars);
    }

    /** The defaults, or what the system properties (first) or environment variables set. */
    public static InputLimits configured() {
        return new InputLimits(
                setting(FIELD_PROPERTY, FIELD_ENV, DEFAULT_FIELD), setting(LINE_PROPERTY, LINE_ENV, DEFAULT_LINE));
    }

    private static long setting(String property, String env, long fallback) {
        String v = System.getProperty(property);
        String from = property;
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
            from = env;
        }
        if (v == null || v.isBlank()) return fallback;
        return parseSize(v, from);
    }

    /** "1048576", "512K", "4M", "1G" (binary multiples). */
    static long parseSize(String v, String from) {
        String s = v.strip().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K' -> mult = 1L << 10;
                case 'M' -> mult = 1L << 20;
                case 'G' -> mult = 1L << 30;
                default -> {}
            }
        }
        String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadInputException(
                    from + ": expected a number of characters such as 1048576, 512K or 4M, got '" + v + "'");
        }
        long n = Long.parseLong(digits) * mult;
        if (n < 1 || n > MAX)
            throw new BadInputException(from + ": expected 1 to " + MAX + " characters, got '" + v + "'");
        return n;
    }

    /** "1,048,576 characters (1 MiB)" for messages. */
    static String describe(long chars) {
        String exact = String.format(Locale.ROOT, "%,d characters", chars);
        if (chars % (1L << 20) == 0) return exact + " (" + (chars >> 20) + " Mi)";
        if (chars % (1L << 10) == 0) return exact + " (" + (chars >> 10) + " Ki)";
        return exact;
    }

    /** How to change a limit, for messages. */
    static String howToRaise(boolean field) {
        return "raise it with -D" + (field ? FIELD_PROPERTY : LINE_PROPERTY) + "=… or " + (field ? FIELD_ENV : LINE_ENV)
                + "=… if the file is genuine";
    }

    /** The error for a field longer than the limit. */
    public BadInputException fieldTooLong(String where) {
        return new BadInputException(
                where + ": a field longer than the limit of " + describe(maxFieldChars) + "; " + howToRaise(true));
    }

    /** The error for a record or line longer than the limit. */
    public BadInputException lineTooLong(String where) {
        return new BadInputException(
                where + ": a line longer than the limit of " + describe(maxLineChars) + "; " + howToRaise(false));
    }

    /**
     * A Jackson factory for user input under these limits: strings at most {@link #maxFieldChars}, nesting at
     * most {@link #MAX_JSON_DEPTH}, and duplicate keys in one object refused (which of two values counts would
     * otherwise be an accident of the parser). Exceeding a limit is a {@code StreamConstraintsException}.
     */
    public JsonFactory jsonFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(maxFieldChars, Integer.MAX_VALUE))
                        .maxNestingDepth(MAX_JSON_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** A message for a Jackson limit error, in the user's terms. */
    public String jsonLimitMessage(String original) {
        return "a JSON value beyond the limits (strings at most " + describe(maxFieldChars) + ", nesting at most "
                + MAX_JSON_DEPTH + " levels): " + original;
    }
}
