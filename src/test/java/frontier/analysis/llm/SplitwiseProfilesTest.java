package frontier.analysis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmProfiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The shipped Splitwise profiles (pricing-data/llm-profiles.csv) are what {@link IterationTableFit} makes
 * of Splitwise's perf_model.csv: prefill rows (batch × prompt tokens, context the same) and decode rows
 * (batch sequences, context batch × (prompt + half the output)), per model × GPU × tensor parallelism.
 */
class SplitwiseProfilesTest {
    static final Path SPLITWISE = Path.of(System.getProperty("frontier.samples", "../shared/samples"), "llm", "splitwise_perf_model_a100_h100.csv");

    static Map<String, List<IterationTableFit.Row>> splitwiseRows() throws IOException {
        Map<String, List<IterationTableFit.Row>> groups = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(SPLITWISE)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String key = rec.get("hardware") + "-" + rec.get("model") + "-tp" + rec.get("tensor_parallel");
                double p = Double.parseDouble(rec.get("prompt_size"));
                double b = Double.parseDouble(rec.get("batch_size"));
                double t = Double.parseDouble(rec.get("token_size"));
                List<IterationTableFit.Row> rows = groups.computeIfAbsent(key, k -> new ArrayList<>());
                rows.add(new IterationTableFit.Row(b * p, 0, b * p, Double.parseDouble(rec.get("prompt_time")) / 1000));
                rows.add(new IterationTableFit.Row(0, b, b * (p + t / 2), Double.parseDouble(rec.get("token_time")) / 1000));
            }
        }
        return groups;
    }

    @Test
    void shippedSplitwiseProfilesAreTheFitOfTheSplitwiseTables() throws IOException {
        assumeTrue(Files.isRegularFile(SPLITWISE), "LLM sample " + SPLITWISE.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        Map<String, IterationProfile> shipped = LlmProfiles.bundled();
        Map<String, IterationTableFit.Result> fits = new TreeMap<>();
        for (Map.Entry<String, List<IterationTableFit.Row>> g : splitwiseRows().entrySet()) {
            IterationTableFit.Result f = IterationTableFit.fit(g.getValue());
            fits.put(g.getKey(), f);
            String[] k = g.getKey().split("-");
            System.out.println(String.format(Locale.ROOT, "%s,%s,%s,%s,%.6f,%.8f,%.6f,%.8f,0,0,%.4f,%.3f,%d,splitwise-sim data/perf_model.csv @8f99e7d (MIT) fitted by IterationTableFit,2026-12-07",
                    g.getKey(), k[0] + "-" + k[1], g.getKey().substring(k[0].length() + k[1].length() + 2, g.getKey().lastIndexOf("-tp")),
                    g.getKey().substring(g.getKey().lastIndexOf("-tp") + 3), f.a() * 1e3, f.b() * 1e3, f.c() * 1e3, f.d() * 1e6, f.r2(), f.maxRelError(), f.rows()));
        }
        for (Map.Entry<String, IterationTableFit.Result> g : fits.entrySet()) {
            IterationTableFit.Result f = g.getValue();
            IterationProfile p = shipped.get(g.getKey());
            assertTrue(p != null, "no shipped profile " + g.getKey());
            assertEquals(f.a(), p.a(), 1e-7 + 1e-4 * f.a(), g.getKey() + " a");
            assertEquals(f.b(), p.b(), 1e-10 + 1e-4 * f.b(), g.getKey() + " b");
            assertEquals(f.c(), p.c(), 1e-8 + 1e-4 * f.c(), g.getKey() + " c");
            assertEquals(f.d(), p.d(), 1e-11 + 1e-4 * f.d(), g.getKey() + " d");
        }
    }
}
