package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.BillingSource;
import frontier.ingest.InputLimits;
import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.ingest.logs.LogSource;
import frontier.sim.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports mutated billing exports and request logs into a workspace. The property, for every mutant: it is
 * imported completely (the rows stored are the rows its reader yields), or refused with a
 * {@link BadInputException} whose message names the file, and then the workspace is unchanged (row and import
 * counts equal before and after). Never another exception type, never an OutOfMemoryError.
 *
 * <p>Seeds: the small files of {@code src/test/resources/fuzz/} and, when present, the real samples of
 * {@code ../shared/samples} (without them the run says so on one line and fuzzes the vendored seeds). Mutations:
 * bit flips, truncation, a duplicated or removed column, huge fields (beyond the limit), absurd dates and numbers,
 * control bytes, byte-order marks, spreadsheet formula prefixes, character-level edits, gzip (whole or cut).
 * Seeded and reproducible: a failure names the case's seed and keeps the mutant. The number of cases is
 * {@code -Dfuzz.cases} per kind (default 100, about ten seconds on a loaded 2-core machine, most of it SQLite's commits; docs/reliability.md gives the longer run); real samples
 * are cut to their first {@code -Dfuzz.sampleLines} lines (default 60).
 */
@Tag("slow")
class ImportFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 100);
    private static final long SEED = Long.getLong("fuzz.seed", 20_250_901L);
    private static final boolean VERBOSE = Boolean.getBoolean("fuzz.verbose");
    private static final Path SEEDS = Path.of("src/test/resources/fuzz");
    private static final Path SAMPLES = Path.of(System.getProperty("frontier.samples", "../shared/samples"));
    /** Small limits for half the cases, so that huge-field mutations meet them cheaply; the other half use the defaults. */
    private static final InputLimits SMALL = new InputLimits(4096, 16384);
    /** A mutated per-minute count can ask for 10^9 valid requests: stop (and roll back) a case past this many rows. */
    private static final long ROW_BUDGET = 100_000;

    /** Lines of a real sample used as a seed (its header and first rows): enough for every code path, cheap to import. */
    private static final int SAMPLE_LINES = Integer.getInteger("fuzz.sampleLines", 60);

    @TempDir
    Path dir;

    record Seed(String name, byte[] bytes) {}

    enum Outcome {
        IMPORTED,
        REFUSED,
        OVER_BUDGET
    }

    @Test
    void everyMutatedBillingExportIsImportedWholeOrRefusedLeavingTheWorkspaceUnchanged() throws IOException {
        List<Seed> seeds = seeds(
                "billing",
                "billing",
                name -> name.endsWith(".csv")
                        && !name.contains("catalog")
                        && !name.contains("mapping")
                        && !name.contains("servicecategory"));
        int[] outcomes = new int[Outcome.values().length];
        try (Workspace ws = Workspace.open(dir.resolve("billing.frontier"))) {
            SplittableRandom rnd = new SplittableRandom(SEED);
            for (int i = 0; i < CASES; i++) {
                long seed = rnd.nextLong();
                Seed s = seeds.get(i % seeds.size());
                Path f = mutant(s, seed, i);
                ReadOptions options = (seed & 1) == 0 ? ReadOptions.DETECT.withLimits(SMALL) : ReadOptions.DETECT;
                long[] before = {ws.chargeCount(), ws.billing().imports().size()};
                long t0 = System.nanoTime();
                Outcome o = check(s, seed, f, () -> {
                    ImportResult r = ws.billing().importFile(f, options, OverlapPolicy.KEEP_BOTH, budget());
                    assertEquals(readAll(f, options), r.record().rows(), "every row the reader yields is stored");
                    assertEquals(before[0] + r.record().rows(), ws.chargeCount());
                    // Remove it again so that later mutants of the same seed are not duplicates by content.
                    ws.billing().deleteImport(r.record().id());
                });
                assertEquals(before[0], ws.chargeCount(), () -> s.name() + " seed " + seed + ": charges changed");
                assertEquals(
                        before[1],
                        ws.billing().imports().size(),
                        () -> s.name() + " seed " + seed + ": imports changed");
                if (VERBOSE)
                    System.out.printf(
                            Locale.ROOT, "%s %s %.1f ms%n", f.getFileName(), o, (System.nanoTime() - t0) / 1e6);
                outcomes[o.ordinal()]++;
            }
        }
        report("billing", outcomes);
    }

    @Test
    void everyMutatedRequestLogIsImportedWholeOrRefusedLeavingTheWorkspaceUnchanged() throws IOException {
        List<Seed> seeds = seeds("logs", "traces", name -> name.endsWith(".csv") || name.endsWith(".jsonl"));
        int[] outcomes = new int[Outcome.values().length];
        try (Workspace ws = Workspace.open(dir.resolve("logs.frontier"))) {
            RequestLogs logs = ws.requestLogs();
            SplittableRandom rnd = new SplittableRandom(SEED + 1);
            for (int i = 0; i < CASES; i++) {
                long seed = rnd.nextLong();
                Seed s = seeds.get(i % seeds.size());
                Path f = mutant(s, seed, i);
                LogReadOptions options =
                        switch ((int) Math.floorMod(seed, 3L)) {
                            case 0 -> LogReadOptions.DETECT.withLimits(SMALL);
                            case 1 -> LogReadOptions.DETECT;
                            default -> new LogReadOptions(null, Map.of(), null, 2);
                        };
                long[] before = {logs.requestCount(), logs.imports().size()};
                long t0 = System.nanoTime();
                Outcome o = check(s, seed, f, () -> {
                    LogImportResult r = logs.importFile(f, options, false, budget());
                    assertEquals(
                            readAllRequests(f, options),
                            r.record().rows(),
                            "every request the reader yields is stored");
                    assertEquals(before[0] + r.record().rows(), logs.requestCount());
                    logs.deleteImport(r.record().id());
                });
                assertEquals(before[0], logs.requestCount(), () -> s.name() + " seed " + seed + ": requests changed");
                assertEquals(before[1], logs.imports().size(), () -> s.name() + " seed " + seed + ": imports changed");
                if (VERBOSE)
                    System.out.printf(
                            Locale.ROOT, "%s %s %.1f ms%n", f.getFileName(), o, (System.nanoTime() - t0) / 1e6);
                outcomes[o.ordinal()]++;
            }
        }
        report("logs", outcomes);
    }

    /** Runs one import; anything but success, a located BadInputException or our own row budget fails the test. */
    private Outcome check(Seed s, long seed, Path f, Runnable importIt) throws IOException {
        try {
            importIt.run();
            return Outcome.IMPORTED;
        } catch (BadInputException e) {
            String m = e.getMessage();
            if (m == null || !m.contains(f.getFileName().toString()))
                throw failure(s, seed, f, new AssertionError("message does not name the file: " + m, e));
            return Outcome.REFUSED;
        } catch (ImportCancelledException e) {
            return Outcome.OVER_BUDGET;
        } catch (RuntimeException | Error e) {
            throw failure(s, seed, f, e);
        }
    }

    private AssertionError failure(Seed s, long seed, Path f, Throwable e) throws IOException {
        Path kept = dir.resolveSibling("fuzz-failing-" + seed + "-" + f.getFileName());
        Files.copy(f, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new AssertionError(s.name() + ": mutation seed " + seed + " (kept as " + kept + ") threw " + e, e);
    }

    private static ImportMonitor budget() {
        return new ImportMonitor() {
            private volatile long rows;

            @Override
            public boolean isCancelled() {
                return rows > ROW_BUDGET;
            }

            @Override
            public void progress(long r, long bytes, long totalBytes) {
                rows = r;
            }
        };
    }

    private static long readAll(Path f, ReadOptions o) {
        try (BillingSource s = BillingSource.open(f, o)) {
            long n = 0;
            while (s.next() != null) n++;
            return n;
        }
    }

    private static long readAllRequests(Path f, LogReadOptions o) {
        try (LogSource s = LogSource.open(f, o)) {
            long n = 0;
            while (s.next() != null) n++;
            return n;
        }
    }

    private static void report(String kind, int[] outcomes) {
        System.out.printf(
                Locale.ROOT,
                "ImportFuzzTest %s: %d cases (seed %d): %d imported, %d refused, %d stopped at the %,d-row budget%n",
                kind,
                CASES,
                SEED,
                outcomes[0],
                outcomes[1],
                outcomes[2],
                ROW_BUDGET);
        assertTrue(
                outcomes[0] > 0 && outcomes[1] > 0, "a fuzz run that never imports (or never refuses) tests nothing");
    }

    private static List<Seed> seeds(String vendored, String samples, java.util.function.Predicate<String> sampleFilter)
            throws IOException {
        List<Seed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEEDS.resolve(vendored))) {
            for (Path p : files.sorted().toList())
                out.add(new Seed(p.getFileName().toString(), Files.readAllBytes(p)));
        }
        Path real = SAMPLES.resolve(samples);
        if (Files.isDirectory(real)) {
            try (Stream<Path> files = Files.list(real)) {
                for (Path p : files.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (sampleFilter.test(n)) out.add(new Seed(n, head(p, SAMPLE_LINES)));
                }
            }
        } else {
            System.out.println("ImportFuzzTest: skipped the real samples (" + real.toAbsolutePath()
                    + " not found); fuzzing the vendored seeds only");
        }
        return out;
    }

    private static byte[] head(Path p, int lines) throws IOException {
        byte[] all = Files.readAllBytes(p);
        int n = 0;
        for (int i = 0; i < all.length; i++) if (all[i] == '\n' && ++n == lines) return Arrays.copyOf(all, i + 1);
        return all;
    }

    /** Writes the mutant of {@code s} for {@code seed}. */
    private Path mutant(Seed s, long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed);
        String ext = s.name().endsWith(".jsonl") ? ".jsonl" : s.name().endsWith(".log") ? ".log" : ".csv";
        byte[] bytes = Mutator.mutate(s.bytes(), r);
        boolean gz = r.nextInt(5) == 0;
        if (gz) {
            bytes = gzip(bytes);
            if (r.nextInt(4) == 0) bytes = Arrays.copyOf(bytes, 1 + r.nextInt(bytes.length));
        }
        String base = s.name().replaceAll("[^A-Za-z0-9._-]", "_");
        Path f = dir.resolve("case-" + index + "-" + (base.endsWith(ext) ? base : base + ext) + (gz ? ".gz" : ""));
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The seeded mutations; one to three per case. */
    static final class Mutator {
        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d|\\d\\d/\\d\\d/\\d{4}");
        private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])-?\\d+(\\.\\d+)?(?![\\w-])");
        private static final String[] DATES = {
            "9999-12-31",
            "1970-01-01",
            "0001-01-01",
            "2024-13-45",
            "2100-01-02",
            "1999-12-31",
            "12/31/9999",
            "２０２４-09-01"
        };
        private static final String[] NUMBERS = {
            "1e999999",
            "-1e20",
            "1e20",
            "NaN",
            "Infinity",
            "99999999999999999999999",
            "１２",
            "-0",
            "0x1F",
            "4294967296",
            "1000000000000",
            "-86400",
            "1.5e-400",
            ""
        };
        private static final String[] CONTROLS = {
            "\u0000", "\u0001", "\u001b[31m", "\u007f", "\r", "\u2028", "\uFFFD", "\uD800"
        };
        private static final String[] FORMULAS = {
            "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "=cmd|' /C calc'!A0"
        };

        private Mutator() {}

        static byte[] mutate(byte[] seed, SplittableRandom r) {
            String text = new String(seed, StandardCharsets.UTF_8);
            int n = 1 + r.nextInt(3);
            boolean flipBytes = false;
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(11)) {
                    case 0 -> flipBytes = true;
                    case 1 -> text = text.substring(0, r.nextInt(text.length() + 1));
                    case 2 -> text = columns(text, r, true);
                    case 3 -> text = columns(text, r, false);
                    case 4 ->
                        text = replaceField(
                                text,
                                r,
                                (r.nextInt(8) == 0 ? "9" : "x")
                                        .repeat(r.nextInt(8) == 0 ? (1 << 20) + 10 : 5000 + r.nextInt(20000)));
                    case 5 -> text = replaceMatch(text, DATE, DATES[r.nextInt(DATES.length)], r);
                    case 6 -> text = replaceMatch(text, NUMBER, NUMBERS[r.nextInt(NUMBERS.length)], r);
                    case 7 -> text = insert(text, CONTROLS[r.nextInt(CONTROLS.length)], r);
                    case 8 -> text = r.nextBoolean() ? "\uFEFF" + text : insert(text, "\uFEFF", r);
                    case 9 -> text = replaceField(text, r, FORMULAS[r.nextInt(FORMULAS.length)]);
                    default -> text = chars(text, r);
                }
            }
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            if (flipBytes && out.length > 0) {
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips; i++) out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
            }
            if (r.nextInt(20) == 0) {
                // A UTF-16 byte-order mark before UTF-8 text.
                byte[] b = new byte[out.length + 2];
                b[0] = (byte) 0xFF;
                b[1] = (byte) 0xFE;
                System.arraycopy(out, 0, b, 2, out.length);
                out = b;
            }
            return out;
        }

        /** Duplicates (or removes) the k-th comma-separated field of every line: a repeated or missing column. */
        private static String columns(String text, SplittableRandom r, boolean duplicate) {
            String[] lines = text.split("\n", -1);
            int k = r.nextInt(8);
            StringBuilder b = new StringBuilder(text.length() + 64);
            for (int l = 0; l < lines.length; l++) {
                List<String> cells = new ArrayList<>(Arrays.asList(lines[l].split(",", -1)));
                if (k < cells.size()) {
                    if (duplicate) cells.add(k, cells.get(k));
                    else if (cells.size() > 1) cells.remove(k);
                }
                b.append(String.join(",", cells));
                if (l < lines.length - 1) b.append('\n');
            }
            return b.toString();
        }

        /** Replaces the text between two separators (',' or a quote) around a random position. */
        private static String replaceField(String text, SplittableRandom r, String with) {
            if (text.isEmpty()) return with;
            int at = r.nextInt(text.length());
            int s = Math.max(text.lastIndexOf(',', at), text.lastIndexOf('"', at)) + 1;
            int e = text.indexOf(',', at);
            int q = text.indexOf('"', at);
            if (e < 0 || (q >= 0 && q < e)) e = q;
            int nl = text.indexOf('\n', at);
            if (e < 0 || (nl >= 0 && nl < e)) e = nl;
            if (e < 0) e = text.length();
            if (s > e) s = e;
            return text.substring(0, s) + with + text.substring(e);
        }

        private static String replaceMatch(String text, Pattern p, String with, SplittableRandom r) {
            Matcher m = p.matcher(text);
            List<int[]> at = new ArrayList<>();
            while (m.find() && at.size() < 1000) at.add(new int[] {m.start(), m.end()});
            if (at.isEmpty()) return text;
            int[] pick = at.get(r.nextInt(at.size()));
            return text.substring(0, pick[0]) + with + text.substring(pick[1]);
        }

        private static String insert(String text, String what, SplittableRandom r) {
            int at = r.nextInt(text.length() + 1);
            return text.substring(0, at) + what + text.substring(at);
        }

        /** Character-level edits: delete, insert or replace with CSV/JSON syntax. */
        private static String chars(String text, SplittableRandom r) {
            String alphabet = "\",\n\r;{}[]:0123456789.-+eE/TZ NULL\\";
            StringBuilder b = new StringBuilder(text);
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n && !b.isEmpty(); i++) {
                int at = r.nextInt(b.length());
                switch (r.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            return b.toString();
        }
    }
}
