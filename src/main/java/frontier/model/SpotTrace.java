package frontier.model;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A spot availability trace: rows {@code time,add|remove,node} (no header, or a header starting with
 * "time"), times in seconds or milliseconds from the start, as in the SpotServe AWS traces. Read whole:
 * such traces hold one row per capacity change, hundreds at most.
 */
final class SpotTrace {
    record Event(double timeS, boolean add, String node) {}

    private SpotTrace() {}

    static List<Event> read(Path file, String timeUnit) {
        double scale = "ms".equals(timeUnit) ? 1e-3 : 1.0;
        List<Event> events = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setIgnoreSurroundingSpaces(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(in)) {
            double last = Double.NEGATIVE_INFINITY;
            for (CSVRecord r : csv) {
                long line = csv.getCurrentLineNumber();
                if (r.getRecordNumber() == 1
                        && r.get(0).toLowerCase(java.util.Locale.ROOT).startsWith("time")) continue;
                if (r.size() < 3)
                    throw new BadInputException(
                            file + ": line " + line + ": expected 3 fields 'time,add|remove,node', got " + r.size());
                double t;
                try {
                    t = Double.parseDouble(r.get(0)) * scale;
                } catch (NumberFormatException e) {
                    throw new BadInputException(file + ": line " + line + ", column 1: expected a time in " + timeUnit
                            + ", got '" + r.get(0) + "'");
                }
                if (!(t >= 0) || Double.isInfinite(t))
                    throw new BadInputException(
                            file + ": line " + line + ", column 1: expected a time >= 0, got '" + r.get(0) + "'");
                if (t < last)
                    throw new BadInputException(file + ": line " + line + ", column 1: times must not decrease (" + t
                            + " s after " + last + " s)");
                last = t;
                String action = r.get(1).toLowerCase(java.util.Locale.ROOT);
                if (!action.equals("add") && !action.equals("remove")) {
                    throw new BadInputException(
                            file + ": line " + line + ", column 2: expected 'add' or 'remove', got '" + r.get(1) + "'");
                }
                if (r.get(2).isBlank())
                    throw new BadInputException(file + ": line " + line + ", column 3: expected a node name");
                events.add(new Event(t, action.equals("add"), r.get(2)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file + ": cannot read the spot availability trace (" + e.getMessage() + ")", e);
        }
        return events;
    }
}
