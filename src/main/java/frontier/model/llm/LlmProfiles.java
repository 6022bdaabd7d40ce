package frontier.model.llm;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Iteration-time profiles as data: the CSV shipped in {@code pricing-data/llm-profiles.csv} (bundled in
 * the jar) or a user's file of the same columns — {@code name, gpu, model, tensor_parallel, a_ms,
 * b_ms_per_token, c_ms_per_seq, d_ms_per_ktoken, noise_cv, request_overhead_ms, source, date} (other
 * columns, such as the fit's quality, are kept for people and ignored here).
 *
 * <p>Table profiles ({@link IterationTable}) come from {@code pricing-data/llm-profile-tables.csv} or a
 * user's file of the columns {@code name, gpu, model, tensor_parallel, table, key, ms, source, date}, one
 * row per point: {@code table} is {@code prefill} (key = prompt tokens), {@code decode_batch} (key =
 * decoding sequences, at the reference context), {@code decode_context} (key = context tokens of one
 * decoding sequence) or {@code ref_context} (key = that reference context; {@code ms} unused). Other
 * columns are ignored.
 */
public final class LlmProfiles {
    public static final String BUNDLED = "/pricing-data/llm-profiles.csv";
    public static final String BUNDLED_TABLES = "/pricing-data/llm-profile-tables.csv";
    private static final List<String> TABLE_REQUIRED =
            List.of("name", "gpu", "model", "tensor_parallel", "table", "key", "ms", "source", "date");
    private static final List<String> REQUIRED = List.of(
            "name",
            "gpu",
            "model",
            "tensor_parallel",
            "a_ms",
            "b_ms_per_token",
            "c_ms_per_seq",
            "d_ms_per_ktoken",
            "noise_cv",
            "request_overhead_ms",
            "source",
            "date");

    private LlmProfiles() {}

    /** The shipped profiles by name: the linear ones, then the table ones. */
    public static Map<String, IterationProfile> bundled() {
        Map<String, IterationProfile> out;
        try (InputStream in = LlmProfiles.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the jar");
            out = read("llm-profiles.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = LlmProfiles.class.getResourceAsStream(BUNDLED_TABLES)) {
            if (in == null) throw new IllegalStateException(BUNDLED_TABLES + " is missing from the jar");
            for (IterationProfile p : readTables(
                            "llm-profile-tables.csv", new InputStreamReader(in, StandardCharsets.UTF_8))
                    .values()) {
                if (out.put(p.name(), p) != null)
                    throw new IllegalStateException("profile " + p.name() + " is both linear and a table");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A user's table profiles ({@code name, gpu, model, tensor_parallel, table, key, ms, source, date}). */
    public static Map<String, IterationProfile> readTables(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readTables(file.toString(), r);
        } catch (IOException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Points of one profile while reading. */
    private static final class TableRows {
        final String name;
        final String gpu;
        final String model;
        final int tensorParallel;
        final String source;
        final String date;
        final java.util.TreeMap<Double, Double> prefill = new java.util.TreeMap<>();
        final java.util.TreeMap<Double, Double> batch = new java.util.TreeMap<>();
        final java.util.TreeMap<Double, Double> context = new java.util.TreeMap<>();
        double ref = Double.NaN;
        final long firstLine;

        TableRows(CSVRecord r, long line) {
            this.name = r.get("name");
            this.gpu = r.get("gpu");
            this.model = r.get("model");
            this.tensorParallel = Integer.parseInt(r.get("tensor_parallel"));
            this.source = r.get("source");
            this.date = r.get("date");
            this.firstLine = line;
        }
    }

    static Map<String, IterationProfile> readTables(String name, Reader reader) throws IOException {
        CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        for (String col : TABLE_REQUIRED) {
            if (!p.getHeaderMap().containsKey(col))
                throw new BadInputException(name + ":1: missing column '" + col + "'");
        }
        Map<String, TableRows> rows = new LinkedHashMap<>();
        for (CSVRecord r : p) {
            long line = p.getCurrentLineNumber();
            try {
                String prof = r.get("name");
                TableRows t = rows.get(prof);
                if (t == null) {
                    t = new TableRows(r, line);
                    rows.put(prof, t);
                }
                String table = r.get("table");
                double key = num(r, "key");
                java.util.TreeMap<Double, Double> into =
                        switch (table) {
                            case "prefill" -> t.prefill;
                            case "decode_batch" -> t.batch;
                            case "decode_context" -> t.context;
                            case "ref_context" -> null;
                            default ->
                                throw new BadInputException(name + ":" + line
                                        + ": column 'table': expected prefill, decode_batch, decode_context"
                                        + " or ref_context, got '" + table + "'");
                        };
                if (into == null) {
                    t.ref = key;
                } else if (into.put(key, num(r, "ms") / 1e3) != null) {
                    throw new BadInputException(name + ":" + line + ": profile '" + prof + "' has two " + table
                            + " points at " + r.get("key"));
                }
            } catch (NumberFormatException e) {
                throw new BadInputException(name + ":" + line + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d: %s", name, line, e.getMessage()));
            }
        }
        Map<String, IterationProfile> out = new LinkedHashMap<>();
        for (TableRows t : rows.values()) {
            try {
                IterationTable table = new IterationTable(
                        keys(t.prefill),
                        values(t.prefill),
                        keys(t.batch),
                        values(t.batch),
                        t.ref,
                        keys(t.context),
                        values(t.context));
                out.put(
                        t.name,
                        new IterationProfile(
                                t.name, t.gpu, t.model, t.tensorParallel, 0, 0, 0, 0, 0, 0, t.source, t.date, table));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(String.format(
                        Locale.ROOT,
                        "%s:%d: profile '%s' (from this line): %s",
                        name,
                        t.firstLine,
                        t.name,
                        e.getMessage()));
            }
        }
        return out;
    }

    private static double[] keys(java.util.TreeMap<Double, Double> m) {
        return m.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] values(java.util.TreeMap<Double, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static Map<String, IterationProfile> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (IOException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, IterationProfile> read(String name, Reader reader) throws IOException {
        CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        for (String col : REQUIRED) {
            if (!p.getHeaderMap().containsKey(col))
                throw new BadInputException(name + ":1: missing column '" + col + "'");
        }
        Map<String, IterationProfile> out = new LinkedHashMap<>();
        for (CSVRecord r : p) {
            long line = p.getCurrentLineNumber();
            try {
                IterationProfile prof = new IterationProfile(
                        r.get("name"),
                        r.get("gpu"),
                        r.get("model"),
                        Integer.parseInt(r.get("tensor_parallel")),
                        num(r, "a_ms") / 1e3,
                        num(r, "b_ms_per_token") / 1e3,
                        num(r, "c_ms_per_seq") / 1e3,
                        num(r, "d_ms_per_ktoken") / 1e6,
                        num(r, "noise_cv"),
                        num(r, "request_overhead_ms") / 1e3,
                        r.get("source"),
                        r.get("date"));
                if (out.put(prof.name(), prof) != null)
                    throw new BadInputException(name + ":" + line + ": duplicate profile name '" + prof.name() + "'");
            } catch (NumberFormatException e) {
                throw new BadInputException(name + ":" + line + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d: %s", name, line, e.getMessage()));
            }
        }
        return out;
    }

    private static double num(CSVRecord r, String col) {
        return Double.parseDouble(r.get(col));
    }
}
