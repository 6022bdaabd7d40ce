package frontier.ingest;

import static org.junit.jupiter.api.Assertions.fail;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random mutations of real headers and rows (deleted, inserted and swapped characters, quotes, separators,
 * line breaks, cut files, shuffled columns, garbage values) must give charges or a BadInputException,
 * never another exception. Seeded: a failure names the seed and the mutated file.
 */
@Tag("slow")
class FuzzTest {
    private static final int ROUNDS = 250;
    private static final String ALPHABET = "\",\n\r;0123456789.-+eE:/TZ NULLabc{}[]\\\u00e9\uFEFF";

    @TempDir
    Path dir;

    private static final String GCP = """
            {"billing_account_id":"01","service":{"description":"Compute Engine"},"sku":{"id":"X","description":"Spot Preemptible L4"},"usage_start_time":"2025-03-01T00:00:00Z","usage_end_time":"2025-03-01T01:00:00Z","cost":2.93,"currency":"USD","credits":[{"amount":-1.1,"type":"COMMITTED_USAGE_DISCOUNT"}],"cost_type":"regular"}
            {"billing_account_id":"01","service":{"description":"Vertex AI"},"usage_start_time":"2025-03-01 01:00:00 UTC","usage_end_time":"2025-03-01 02:00:00 UTC","cost":0.2,"currency":"USD","cost_type":"tax"}
            """;
    private static final String GCP_CSV = """
            billing_account_id,service_description,sku_description,usage_start_time,usage_end_time,cost,currency,credits,cost_type
            01,Vertex AI,A100,2025-03-01 00:00:00 UTC,2025-03-01 01:00:00 UTC,10.5,USD,"[{""amount"":-0.5}]",regular
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "focus_1.0_sample_official_1000rows.csv",
                "focus_1.3_synthetic_aws_header_plus_3rows.csv",
                "aws_cur1_legacy_anonymized_focus_converters.csv",
                "aws_cur2_mock_keboola.csv",
                "azure_ea_actualcost_small.csv",
                "azure_ea_amortizedcost_small.csv",
                "azure_ea_export_anonymized_focus_converters.csv",
                "gcp.jsonl",
                "gcp.csv",
                "oci_cost_report_focus_converters.csv"
            })
    void mutatedExportsGiveChargesOrBadInput(String sample) throws IOException {
        String text;
        if (sample.equals("gcp.jsonl")) text = GCP;
        else if (sample.equals("gcp.csv")) text = GCP_CSV;
        else text = head(Samples.billing(sample), 12);
        SplittableRandom rnd = new SplittableRandom(sample.hashCode());
        for (int round = 0; round < ROUNDS; round++) {
            long seed = rnd.nextLong();
            String mutated = mutate(text, new SplittableRandom(seed));
            String name = round % 5 == 4
                    ? "fuzz-" + round + ".csv.gz"
                    : "fuzz-" + round + (sample.endsWith(".jsonl") ? ".jsonl" : ".csv");
            Path f = dir.resolve(name);
            byte[] bytes = mutated.getBytes(StandardCharsets.UTF_8);
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
                    out.write(bytes);
                }
                if (new SplittableRandom(seed).nextBoolean()) {
                    byte[] gz = Files.readAllBytes(f);
                    Files.write(
                            f,
                            java.util.Arrays.copyOf(
                                    gz, Math.max(1, gz.length - 1 - new SplittableRandom(seed).nextInt(gz.length))));
                }
            } else {
                Files.write(f, bytes);
            }
            for (ReadOptions o : new ReadOptions[] {
                ReadOptions.DETECT,
                new ReadOptions(BillingFormat.values()[round % BillingFormat.values().length], CostBasis.AMORTIZED)
            }) {
                try (BillingSource s = BillingSource.open(f, o)) {
                    while (s.next() != null) {
                        // drain
                    }
                } catch (BadInputException expected) {
                    if (expected.getMessage() == null || expected.getMessage().isBlank())
                        fail("empty message, seed " + seed);
                } catch (RuntimeException | Error e) {
                    Path kept = dir.resolve("failing-" + seed);
                    Files.copy(f, kept);
                    throw new AssertionError(
                            sample + ": mutation seed " + seed + " (" + o + ") threw " + e + "; input:\n"
                                    + (mutated.length() > 3000 ? mutated.substring(0, 3000) : mutated),
                            e);
                }
            }
        }
    }

    private static String head(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(0, Math.min(lines, all.size()))) + "\n";
    }

    static String mutate(String text, SplittableRandom r) {
        StringBuilder b = new StringBuilder(text);
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(9)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 2 -> b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 3 -> b.setLength(at);
                case 4 -> {
                    // Replace a field (between separators) with a garbage token.
                    int s = Math.max(0, b.lastIndexOf(",", at) + 1);
                    int e = b.indexOf(",", at);
                    if (e < 0) e = b.length();
                    String[] tokens = {
                        "",
                        "NULL",
                        "\"\"",
                        "1E+999999",
                        "-0",
                        "9999-99-99",
                        "2024-02-30T00:00:00Z",
                        "12/31/1999",
                        "\"a,b\"",
                        "{",
                        "[]",
                        "Usage",
                        "Committed",
                        "\u0000",
                        "x".repeat(300)
                    };
                    if (s <= e) b.replace(s, e, tokens[r.nextInt(tokens.length)]);
                }
                case 5 -> {
                    // Swap two header columns.
                    int nl = b.indexOf("\n");
                    if (nl > 0) {
                        List<String> cols =
                                new ArrayList<>(List.of(b.substring(0, nl).split(",", -1)));
                        if (cols.size() > 1) {
                            java.util.Collections.swap(cols, r.nextInt(cols.size()), r.nextInt(cols.size()));
                            b.replace(0, nl, String.join(",", cols));
                        }
                    }
                }
                case 6 -> {
                    // Duplicate a line.
                    int s = b.lastIndexOf("\n", at) + 1;
                    int e = b.indexOf("\n", at);
                    if (e > s) b.insert(s, b.substring(s, e + 1));
                }
                case 7 -> b.insert(at, "\r\n");
                default -> {
                    // Drop a column from the header only.
                    int nl = b.indexOf("\n");
                    if (nl > 0) {
                        int c = b.indexOf(",", r.nextInt(nl));
                        if (c > 0 && c < nl) b.deleteCharAt(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
