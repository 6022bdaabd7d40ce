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
    static final Path SPLITWISE = Path.of(
            System.getProperty("frontier.samples", "../shared/samples"), "llm", "splitwise_perf_model_a100_h100.csv");

    static Map<String, List<IterationTableFit.Row>> splitwiseRows() throws IOException {
        Map<String, List<IterationTableFit.Row>> groups = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(SPLITWISE)) {
            for (CSVRecord rec : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                String key = rec.get("hardware") + "-" + rec.get("model") + "-tp" + rec.get("tensor_parallel");
                double p = Double.parseDouble(rec.get("prompt_size"));
                double b = Double.parseDouble(rec.get("batch_size"));
                double t = Double.parseDouble(rec.get("token_size"));
                List<IterationTableFit.Row> rows = groups.computeIfAbsent(key, k -> new ArrayList<>());
                rows.add(new IterationTableFit.Row(b * p, 0, b * p, Double.parseDouble(rec.get("prompt_time")) / 1000));
                rows.add(new IterationTableFit.Row(
                        0, b, b * (p + t / 2), Double.parseDouble(rec.get("token_time")) / 1000));
            }
        }
        return groups;
    }

    /**
     * Splitwise's grid is a cross: batch 1–64 at 512-token prompts and 128 output tokens (context 512 +
     * 128/2 = 576 per sequence), and prompt or output length varied at batch 1. Prefill points are keyed
     * by batch × prompt tokens; decode points by batch (at context 576) and by context (at batch 1).
     */
    static Map<String, frontier.model.llm.IterationTable> splitwiseTables() throws IOException {
        Map<String, List<TableProfileBuilder.Point>[]> groups = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(SPLITWISE)) {
            for (CSVRecord rec : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                String key =
                        rec.get("hardware") + "-" + rec.get("model") + "-tp" + rec.get("tensor_parallel") + "-table";
                double p = Double.parseDouble(rec.get("prompt_size"));
                double b = Double.parseDouble(rec.get("batch_size"));
                double t = Double.parseDouble(rec.get("token_size"));
                @SuppressWarnings("unchecked")
                List<TableProfileBuilder.Point>[] g = groups.computeIfAbsent(
                        key, k -> new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
                g[0].add(new TableProfileBuilder.Point(b * p, Double.parseDouble(rec.get("prompt_time")) / 1000));
                double step = Double.parseDouble(rec.get("token_time")) / 1000;
                if (p == 512 && t == 128) g[1].add(new TableProfileBuilder.Point(b, step));
                if (b == 1) g[2].add(new TableProfileBuilder.Point(p + t / 2, step));
            }
        }
        Map<String, frontier.model.llm.IterationTable> out = new TreeMap<>();
        for (Map.Entry<String, List<TableProfileBuilder.Point>[]> g : groups.entrySet()) {
            out.put(g.getKey(), TableProfileBuilder.build(g.getValue()[0], g.getValue()[1], 576, g.getValue()[2]));
        }
        return out;
    }

    @Test
    void shippedTableProfilesAreTheSplitwiseTablesAndPredictLeftOutPointsBetterThanTheLinearForm() throws IOException {
        assumeTrue(
                Files.isRegularFile(SPLITWISE),
                "LLM sample " + SPLITWISE.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        Map<String, IterationProfile> shipped = LlmProfiles.bundled();
        Map<String, List<IterationTableFit.Row>> rows = splitwiseRows();
        int tableBetter = 0;
        for (Map.Entry<String, frontier.model.llm.IterationTable> g :
                splitwiseTables().entrySet()) {
            frontier.model.llm.IterationTable t = g.getValue();
            String linearName = g.getKey().substring(0, g.getKey().length() - "-table".length());
            String[] k = linearName.split("-");
            String gpu = linearName.startsWith("h100-80gb-pcap") ? "h100-80gb-pcap" : k[0] + "-" + k[1];
            String model = linearName.substring(gpu.length() + 1, linearName.lastIndexOf("-tp"));
            String tp = linearName.substring(linearName.lastIndexOf("-tp") + 3);
            String head = g.getKey() + "," + gpu + "," + model + "," + tp + ",";
            String tail =
                    ",splitwise-sim data/perf_model.csv @8f99e7d (MIT) averaged by TableProfileBuilder,2026-12-07";
            for (int i = 0; i < t.prefillTokens().length; i++) {
                System.out.println(String.format(
                        Locale.ROOT,
                        "TABLECSV %sprefill,%.0f,%.6f%s",
                        head,
                        t.prefillTokens()[i],
                        t.prefillSeconds()[i] * 1e3,
                        tail));
            }
            for (int i = 0; i < t.decodeSeqs().length; i++) {
                System.out.println(String.format(
                        Locale.ROOT,
                        "TABLECSV %sdecode_batch,%.0f,%.6f%s",
                        head,
                        t.decodeSeqs()[i],
                        t.decodeBatchSeconds()[i] * 1e3,
                        tail));
            }
            System.out.println(
                    String.format(Locale.ROOT, "TABLECSV %sref_context,%.0f,0%s", head, t.refContext(), tail));
            for (int i = 0; i < t.contextTokens().length; i++) {
                System.out.println(String.format(
                        Locale.ROOT,
                        "TABLECSV %sdecode_context,%.0f,%.6f%s",
                        head,
                        t.contextTokens()[i],
                        t.decodeContextSeconds()[i] * 1e3,
                        tail));
            }
            TableProfileBuilder.Quality loo = TableProfileBuilder.leaveOneOut(t);
            TableProfileBuilder.Quality lin =
                    TableProfileBuilder.linearOnPoints(IterationTableFit.fit(rows.get(linearName)), t);
            System.out.println(String.format(
                    Locale.ROOT,
                    "QUALITY %s: table leave-one-out median %.1f%% max %.1f%% (%d points); linear in-sample median %.1f%% max %.1f%%",
                    g.getKey(),
                    100 * loo.medianAbsRelError(),
                    100 * loo.maxAbsRelError(),
                    loo.points(),
                    100 * lin.medianAbsRelError(),
                    100 * lin.maxAbsRelError()));
            if (loo.medianAbsRelError() < lin.medianAbsRelError()) tableBetter++;
        }
        for (Map.Entry<String, frontier.model.llm.IterationTable> g :
                splitwiseTables().entrySet()) {
            frontier.model.llm.IterationTable t = g.getValue();
            IterationProfile p = shipped.get(g.getKey());
            assertTrue(p != null && p.isTable(), "no shipped table profile " + g.getKey());
            // The shipped points are these to the 6 decimals (of ms) the file keeps.
            for (double[] probe : new double[][] {{2048, 0, 0}, {0, 16, 16 * 576}, {0, 1, 3000}, {64, 8, 8 * 1500}}) {
                double expect = t.seconds((long) probe[0], (int) probe[1], (long) probe[2]);
                assertEquals(
                        expect,
                        p.meanSeconds((long) probe[0], (int) probe[1], 0, (long) probe[2]),
                        1e-8 + 1e-6 * expect,
                        g.getKey());
            }
        }
        // Leave-one-out is harder than in-sample, yet the tables beat the linear form on most profiles.
        assertTrue(tableBetter >= 8, "table profiles better on " + tableBetter + " of 12");
    }

    @Test
    void shippedSplitwiseProfilesAreTheFitOfTheSplitwiseTables() throws IOException {
        assumeTrue(
                Files.isRegularFile(SPLITWISE),
                "LLM sample " + SPLITWISE.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        Map<String, IterationProfile> shipped = LlmProfiles.bundled();
        Map<String, IterationTableFit.Result> fits = new TreeMap<>();
        for (Map.Entry<String, List<IterationTableFit.Row>> g : splitwiseRows().entrySet()) {
            IterationTableFit.Result f = IterationTableFit.fit(g.getValue());
            fits.put(g.getKey(), f);
            String[] k = g.getKey().split("-");
            System.out.println(String.format(
                    Locale.ROOT,
                    "%s,%s,%s,%s,%.6f,%.8f,%.6f,%.8f,0,0,%.4f,%.3f,%d,splitwise-sim data/perf_model.csv @8f99e7d (MIT) fitted by IterationTableFit,2026-12-07",
                    g.getKey(),
                    k[0] + "-" + k[1],
                    g.getKey()
                            .substring(
                                    k[0].length() + k[1].length() + 2,
                                    g.getKey().lastIndexOf("-tp")),
                    g.getKey().substring(g.getKey().lastIndexOf("-tp") + 3),
                    f.a() * 1e3,
                    f.b() * 1e3,
                    f.c() * 1e3,
                    f.d() * 1e6,
                    f.r2(),
                    f.maxRelError(),
                    f.rows()));
        }
        for (Map.Entry<String, IterationTableFit.Result> g : fits.entrySet()) {
            IterationTableFit.Result f = g.getValue();
            IterationProfile p = shipped.get(g.getKey());
            assertTrue(p != null && !p.isTable(), "no shipped profile " + g.getKey());
            assertEquals(f.a(), p.a(), 1e-7 + 1e-4 * f.a(), g.getKey() + " a");
            assertEquals(f.b(), p.b(), 1e-10 + 1e-4 * f.b(), g.getKey() + " b");
            assertEquals(f.c(), p.c(), 1e-8 + 1e-4 * f.c(), g.getKey() + " c");
            assertEquals(f.d(), p.d(), 1e-11 + 1e-4 * f.d(), g.getKey() + " d");
        }
    }
}
