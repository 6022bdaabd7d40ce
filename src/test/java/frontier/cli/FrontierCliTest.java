package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierCliTest {
    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private Path scenario(String run) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"name": "cli-test",
                 "traffic": {"type": "poisson", "rate_per_s": 20},
                 "pool": {"servers": 4, "service": {"type": "lognormal", "mean": 0.15, "cv": 0.8}},
                 "run": %s}
                """.formatted(run));
        return f;
    }

    @Test
    void simulateJsonHasTheDocumentedFields() throws IOException {
        CliRun r = cli(
                "simulate",
                scenario("{\"duration_s\": 2000, \"warmup_s\": 100}").toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String path : new String[] {
            "/requests",
            "/completed",
            "/dropped",
            "/latency_ms/mean",
            "/latency_ms/p50",
            "/latency_ms/p95",
            "/latency_ms/p99",
            "/wait_ms/mean",
            "/utilization",
            "/throughput_per_s",
            "/queue_length/mean",
            "/service_ms/p99"
        }) {
            assertTrue(j.at(path).isNumber(), path + " in " + r.out());
        }
        assertEquals(20 * 0.15 / 4, j.at("/utilization").asDouble(), 0.03);
        assertEquals(1, j.at("/replications").asInt());
        assertTrue(j.at("/ci95").isMissingNode(), "no confidence interval from one replication");
    }

    @Test
    void aMistypedOptionPointsToTheHelpOfItsOwnCommand() {
        CliRun nested = cli("attribution", "add", "tag:team", "*", "--bogus");
        assertEquals(2, nested.code());
        assertTrue(
                nested.err().contains("Unknown option")
                        && nested.err().contains("Try 'frontier attribution add --help'."),
                nested.err());
        CliRun top = cli("--bogus");
        assertTrue(top.err().contains("Try 'frontier --help'."), top.err());
        assertTrue(cli("simulate", "--bogus", "x.json").err().contains("Try 'frontier simulate --help'."));
    }

    @Test
    void replicationsAddConfidenceHalfWidths() throws IOException {
        CliRun r = cli("simulate", scenario("{\"duration_s\": 1000}").toString(), "--json", "--replications", "4");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(4, j.at("/replications").asInt());
        assertTrue(j.at("/ci95/latency_ms/p99").asDouble() > 0);
    }

    @Test
    void sameSeedGivesByteIdenticalOutputWhateverTheThreadCount() throws IOException {
        String f = scenario("{\"duration_s\": 1000, \"replications\": 3}").toString();
        CliRun a = cli("simulate", f, "--json", "--seed", "5", "--threads", "1");
        CliRun b = cli("simulate", f, "--json", "--seed", "5", "--threads", "3");
        CliRun c = cli("simulate", f, "--seed", "5");
        CliRun d = cli("simulate", f, "--seed", "5");
        assertEquals(a.out(), b.out());
        assertEquals(c.out(), d.out());
        assertNotEquals(a.out(), cli("simulate", f, "--json", "--seed", "6").out());
    }

    @Test
    void eachPoolSaysWhichModelVariantItServes() throws IOException {
        Path f = dir.resolve("variants.json");
        Files.writeString(f, """
                {"traffic": {"type": "poisson", "rate_per_s": 4},
                 "classes": [{"name": "full", "share": 0.5, "pool": "fp16"}, {"name": "small", "share": 0.5, "pool": "int8"}],
                 "pools": [
                   {"type": "always_on", "name": "fp16", "instances": 2, "price": {"usd_per_hour": 1.0},
                    "model": {"name": "llama-70b", "accuracy": "MMLU 0.79", "service": {"type": "exponential", "mean": 0.5}}},
                   {"type": "always_on", "name": "int8", "instances": 1, "price": {"usd_per_hour": 1.0},
                    "model": {"name": "llama-70b-int8", "accuracy": "MMLU 0.77", "service": {"type": "exponential", "mean": 0.3}}}],
                 "run": {"duration_s": 2000}}
                """);
        JsonNode j = new ObjectMapper()
                .readTree(cli("simulate", f.toString(), "--json").out());
        assertEquals("llama-70b-int8", j.at("/pools/int8/model").asText());
        assertEquals("MMLU 0.79", j.at("/pools/fp16/accuracy").asText());
        assertTrue(cli("simulate", f.toString()).out().contains("int8 (llama-70b-int8, MMLU 0.77)"));
    }

    @Test
    void tableIsReadable() throws IOException {
        CliRun r = cli("simulate", scenario("{\"requests\": 5000}").toString());
        assertEquals(0, r.code());
        assertTrue(
                r.out().contains("Throughput")
                        && r.out().contains("p99")
                        && r.out().contains("Utilization"),
                r.out());
    }

    @Test
    void badInputExitsWithTwoAndOneMessage() throws IOException {
        CliRun typo = cli("simulate", scenario("{\"duraton_s\": 10}").toString());
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("$.run") && typo.err().contains("duraton_s"), typo.err());
        assertEquals("", typo.out());
        assertEquals(1, typo.err().strip().lines().count(), "one message: " + typo.err());

        assertEquals(2, cli("simulate", dir.resolve("nope.json").toString()).code());
        assertEquals(2, cli("simulate").code());
        assertEquals(2, cli("simulate", "x.json", "--replications", "zero").code());
        assertEquals(2, cli("frobnicate").code());
        assertEquals(
                2,
                cli("bench", "mmc", "--customers", "10", "--lambda", "9", "--mu", "1", "--servers", "8")
                        .code());
        assertEquals(0, cli("--help").code());
    }

    @Test
    void everyCommandsHelpFormatsWithoutAPicocliWarning() {
        // A bare '%' in a description ("95% confidence") is a format conversion to picocli: it printed
        // "[picocli WARN] Could not format ..." above `compare --help` and `capacity --help`. Every command and
        // subcommand named in a help's "Commands:" list is asked for its help, with System.err captured.
        java.util.ArrayDeque<List<String>> todo = new java.util.ArrayDeque<>();
        todo.add(List.of());
        java.io.PrintStream was = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int seen = 0;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            while (!todo.isEmpty()) {
                List<String> path = todo.poll();
                java.util.List<String> args = new java.util.ArrayList<>(path);
                args.add("--help");
                CliRun r = cli(args.toArray(String[]::new));
                seen++;
                assertEquals(0, r.code(), path + " --help: " + r.err());
                assertTrue(!r.err().contains("picocli WARN"), path + ": " + r.err());
                int at = r.out().indexOf("Commands:");
                if (at < 0 || path.size() >= 2) continue;
                String commands = r.out().substring(at);
                int end = commands.indexOf("\n\n");
                for (String line : (end < 0 ? commands : commands.substring(0, end)).split("\n")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^  ([a-z][a-z0-9-]*)\\b")
                            .matcher(line);
                    if (m.find() && !m.group(1).equals("help")) {
                        List<String> next = new java.util.ArrayList<>(path);
                        next.add(m.group(1));
                        todo.add(next);
                    }
                }
            }
        } finally {
            System.setErr(was);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!warnings.contains("picocli WARN"), warnings);
        assertTrue(seen > 15, "every command visited: " + seen);
        // `frontier app --help` answers with the app's usage instead of opening the window.
        assertTrue(cli("app", "--help").out().startsWith("Usage: frontier app [--ui-scale S]"));
    }

    @Test
    void topLevelHelpListsEveryCommandAppIncludedInWholeSentences() {
        CliRun r = cli("--help");
        assertEquals(0, r.code());
        String list = r.out().substring(r.out().indexOf("Commands:"));
        for (String c : List.of(
                "app",
                "simulate",
                "sweep",
                "bench",
                "prices",
                "import",
                "costs",
                "logs",
                "unit-cost",
                "llm",
                "attribution",
                "forecast",
                "calibrate",
                "demo",
                "help")) {
            assertTrue(list.contains("\n  " + c + " "), c + " listed: " + list);
        }
        // Each entry ends its sentence: the last line before the next command (or the end) ends with a full stop.
        for (String entry : list.split("\n  (?=[a-z])")) {
            if (entry.startsWith("Commands:")) continue;
            assertTrue(entry.strip().endsWith("."), "a whole sentence: " + entry);
        }
    }

    @Test
    void benchMmcPrintsExactlyOneResultLineMatchingErlangC() {
        CliRun r = cli(
                "bench",
                "mmc",
                "--customers",
                "400000",
                "--warmup",
                "20000",
                "--lambda",
                "6",
                "--mu",
                "1",
                "--servers",
                "8",
                "--seed",
                "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        Matcher m = Pattern.compile(
                        "^RESULT customers=(\\d+) wq=([0-9.]+) w=([0-9.]+) pwait=([0-9.]+) wall_s=([0-9.]+)$")
                .matcher(r.out().strip());
        assertTrue(m.matches(), r.out());
        assertEquals(400_000, Long.parseLong(m.group(1)));
        // Erlang C for c=8, a=6: P(wait) = 0.3570, Wq = 0.1785, W = 1.1785. One run of 4e5 customers
        // has a standard error of about 0.003 on Wq and 0.002 on P(wait) (batch means); 4 SE bounds.
        assertEquals(0.1785, Double.parseDouble(m.group(2)), 0.012);
        assertEquals(1.1785, Double.parseDouble(m.group(3)), 0.015);
        assertEquals(0.3570, Double.parseDouble(m.group(4)), 0.008);
    }

    @Test
    void benchMmcRoundsAlternateTheEngineAndTheHandLoopAndEndWithTheMedianRatio() {
        CliRun r = cli(
                "bench",
                "mmc",
                "--customers",
                "20000",
                "--lambda",
                "6",
                "--mu",
                "1",
                "--servers",
                "8",
                "--jit-warmup",
                "0",
                "--hand-loop",
                "--rounds",
                "3");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(10, lines.size(), r.out());
        for (int round = 0; round < 3; round++) {
            assertTrue(lines.get(3 * round).startsWith("RESULT customers=20000 "), r.out());
            assertTrue(lines.get(3 * round + 1).startsWith("HAND_LOOP customers="), r.out());
            assertTrue(lines.get(3 * round + 2).startsWith("RATIO engine_speed/hand_loop_speed wall="), r.out());
        }
        // The same seed every round: the engine's results repeat exactly.
        assertEquals(lines.get(0).replaceAll(" wall_s=.*", ""), lines.get(6).replaceAll(" wall_s=.*", ""));
        // A round shorter than the CPU clock's tick has no CPU ratio: "n/a" (this run is tiny on purpose).
        String ratio = "(?:([0-9.]+)\\(([0-9.]+)-([0-9.]+)\\)|n/a)";
        Matcher m = Pattern.compile("^MEDIAN engine_speed/hand_loop_speed rounds=3 wall=" + ratio + " cpu=" + ratio
                        + " thread_cpu=" + ratio + "$")
                .matcher(lines.get(9));
        assertTrue(m.matches(), r.out());
        assertTrue(m.group(1) != null, "the wall ratio is always measured: " + r.out());
        for (int g = 1; g <= 9; g += 3) {
            if (m.group(g) == null) continue;
            double median = Double.parseDouble(m.group(g));
            assertTrue(Double.parseDouble(m.group(g + 1)) <= median && median <= Double.parseDouble(m.group(g + 2)));
        }
        assertEquals("0.40(0.30-0.50)", BenchCommand.medianAndRange(new double[] {0.5, 0.3, 0.4}));
        assertEquals("0.40(0.30-0.50)", BenchCommand.medianAndRange(new double[] {0.5, Double.NaN, 0.3, 0.4}));
        assertEquals("n/a", BenchCommand.medianAndRange(new double[] {Double.NaN, Double.NaN}));
        assertTrue(Double.isNaN(BenchCommand.ratio(5, 0)) && Double.isNaN(BenchCommand.ratio(0, 5)));
        assertEquals("0.45(0.30-0.70)", BenchCommand.medianAndRange(new double[] {0.7, 0.3, 0.4, 0.5}));
        assertEquals(
                2,
                cli(
                                "bench",
                                "mmc",
                                "--customers",
                                "10",
                                "--lambda",
                                "1",
                                "--mu",
                                "1",
                                "--servers",
                                "2",
                                "--rounds",
                                "0")
                        .code());
    }
}
