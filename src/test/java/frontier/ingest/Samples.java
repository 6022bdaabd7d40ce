package frontier.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The real samples of ../shared/samples (billing, traces); tests that need them skip with a message when absent. */
public final class Samples {
    public static final Path DIR = Path.of(System.getProperty("frontier.samples", "../shared/samples"), "billing");
    public static final Path TRACES = DIR.resolveSibling("traces");

    private Samples() {
    }

    /** The sample file; skips the calling test if the samples directory is not there. */
    public static Path billing(String name) {
        Path p = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(p), "billing sample " + p.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        return p;
    }

    /** The trace sample; skips the calling test if it is not there. */
    public static Path trace(String name) {
        Path p = TRACES.resolve(name);
        assumeTrue(Files.isRegularFile(p), "trace sample " + p.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        return p;
    }

    /** Exact sum of a column, computed independently of Frontier's reader (commons-csv, BigDecimal); "NULL" and "" count as absent. */
    public static BigDecimal columnSum(Path csv, String column) throws IOException {
        BigDecimal sum = BigDecimal.ZERO;
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().get().parse(new java.io.StringReader(text))) {
            String v = rec.get(column);
            if (v.isEmpty() || v.equals("NULL")) continue;
            sum = sum.add(new BigDecimal(v));
        }
        return sum;
    }
}
