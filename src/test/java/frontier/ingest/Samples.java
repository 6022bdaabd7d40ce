package frontier.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The real samples the tests read. Most are vendored in src/test/resources/samples (their origins and licences in
 * the NOTICE there) and always present; the others live only in ../shared/samples (the system property
 * {@code frontier.samples}), and a test that needs one of them is skipped when it is absent, with a reason that
 * names the file and why it is not vendored ({@code frontier.testing.SkipSummary} prints one line per reason at
 * the end of the run).
 */
public final class Samples {
    /** The shared samples directory (absent in a fresh clone). */
    public static final Path SHARED = Path.of(System.getProperty("frontier.samples", "../shared/samples"));

    public static final Path DIR = SHARED.resolve("billing");
    public static final Path TRACES = SHARED.resolve("traces");

    /** Files the tests use that are not vendored, and why. */
    private static final Map<String, String> NOT_VENDORED = Map.of(
            "traces/mooncake_fast25_conversation_trace.jsonl", "3 MB",
            "traces/alibaba_genai2026_sd_lora_request_trace.csv", "its licence needs review before redistribution",
            "traces/alibaba_genai2026_model_predict_latency_anon.csv", "its licence needs review before redistribution",
            "pricing/aws_spot_advisor_data_2025-06-28.json", "AWS price feed: the provider's terms apply",
            "pricing/aws_spot_advisor_inference_subset_2025-06-28.csv", "AWS price feed: the provider's terms apply",
            "pricing/gcp_gpu_vm_prices_excerpt_cyclenerd_2025-03-06.csv",
                    "Google Cloud price data: the provider's terms apply");

    private Samples() {}

    /** The billing sample; skips the calling test if it is neither vendored nor in the shared samples. */
    public static Path billing(String name) {
        return sample("billing/" + name);
    }

    /** The trace sample; skips the calling test if it is neither vendored nor in the shared samples. */
    public static Path trace(String name) {
        return sample("traces/" + name);
    }

    /** The pricing sample; skips the calling test if it is neither vendored nor in the shared samples. */
    public static Path pricing(String name) {
        return sample("pricing/" + name);
    }

    /** The vendored copy of {@code relative} (like "traces/x.csv"), else the shared one; skips the calling test if neither exists. */
    public static Path sample(String relative) {
        Path vendored = vendored(relative);
        if (vendored != null) return vendored;
        Path shared = SHARED.resolve(relative);
        if (Files.isRegularFile(shared)) return shared;
        String why = NOT_VENDORED.getOrDefault(relative, "not vendored");
        String where = Files.isDirectory(SHARED)
                ? shared.toAbsolutePath().normalize() + " not found"
                : SHARED.toAbsolutePath().normalize() + " not found (set -Dfrontier.samples)";
        assumeTrue(false, where + ": needs " + relative + " (not vendored: " + why + ")");
        return shared;
    }

    /** The vendored copy in src/test/resources/samples, or null. */
    public static Path vendored(String relative) {
        URL url = Samples.class.getResource("/samples/" + relative);
        if (url == null || !url.getProtocol().equals("file")) return null;
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
