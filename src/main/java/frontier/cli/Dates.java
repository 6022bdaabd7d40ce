package frontier.cli;

import frontier.sim.BadInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Day options of the commands: {@code yyyy-MM-dd} or {@code yyyy-MM}, read as UTC midnight. */
final class Dates {
    private Dates() {}

    /** Epoch seconds of the day (or first day of the month) {@code v}, or null when absent. */
    static Long day(String option, String v) {
        if (v == null) return null;
        try {
            if (v.length() == 7)
                return YearMonth.parse(v).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            return LocalDate.parse(v).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    option + ": expected a date like 2024-09-01 or a month like 2024-09, got '" + v + "'");
        }
    }
}
