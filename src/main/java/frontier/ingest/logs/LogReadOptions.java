package frontier.ingest.logs;

import frontier.ingest.InputLimits;
import frontier.sim.BadInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a log.
 *
 * @param preset      the preset to use, or null to recognise one from the columns or detect a mapping
 * @param overrides   mapping entries ({@code key=value} of {@link LogMapping#KEYS}, an empty value unsets
 *                    the key) applied over the preset or the detected mapping, in order
 * @param start       the instant relative timestamps count from (and the day of per-minute counts);
 *                    null: 1970-01-01T00:00Z, with a note
 * @param skipBadRows how many rows with an unusable value may be skipped (each is noted); 0 = none
 * @param limits      field and line limits; null for the {@linkplain InputLimits#configured() configured} ones
 */
public record LogReadOptions(
        LogPreset preset, Map<String, String> overrides, Instant start, long skipBadRows, InputLimits limits) {
    public static final LogReadOptions DETECT = new LogReadOptions(null, Map.of(), null, 0);

    public LogReadOptions {
        overrides =
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides == null ? Map.of() : overrides));
        for (String k : overrides.keySet()) {
            if (!LogMapping.KEYS.contains(k) || k.equals("layout")) {
                throw new BadInputException("--map " + k + ": unknown field; expected one of "
                        + String.join(", ", LogMapping.KEYS.subList(1, LogMapping.KEYS.size())));
            }
        }
        if (skipBadRows < 0) throw new BadInputException("--skip-bad-rows: expected a count >= 0, got " + skipBadRows);
    }

    public LogReadOptions(LogPreset preset, Map<String, String> overrides, Instant start, long skipBadRows) {
        this(preset, overrides, start, skipBadRows, null);
    }

    /** The limits given, else the configured ones (read when asked, so a property set later counts). */
    @Override
    public InputLimits limits() {
        return limits != null ? limits : InputLimits.configured();
    }

    public LogReadOptions withLimits(InputLimits l) {
        return new LogReadOptions(preset, overrides, start, skipBadRows, l);
    }

    public static LogReadOptions preset(LogPreset p) {
        return new LogReadOptions(p, Map.of(), null, 0);
    }

    public LogReadOptions withStart(Instant s) {
        return new LogReadOptions(preset, overrides, s, skipBadRows, limits);
    }

    /** Parses "key=value" entries as given to {@code --map}. */
    public static Map<String, String> parseEntries(Iterable<String> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq <= 0)
                throw new BadInputException("--map: expected field=column (e.g. latency=duration_ms), got '" + e + "'");
            m.put(e.substring(0, eq).strip(), e.substring(eq + 1));
        }
        return m;
    }
}
