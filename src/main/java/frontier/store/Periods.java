package frontier.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting of charge periods (epoch seconds, UTC) for messages and tables. */
public final class Periods {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Periods() {}

    /** "2024-09-01 – 2024-10-01" (or with hours when a bound is not midnight); end exclusive. */
    public static String range(long start, long end) {
        return time(start) + " – " + time(end);
    }

    public static String time(long epochSeconds) {
        Instant t = Instant.ofEpochSecond(epochSeconds);
        return (epochSeconds % 86400 == 0 ? DAY : MINUTE).format(t);
    }
}
