package frontier.analysis.llm;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads per-request serving-benchmark results into {@link BenchmarkLevel}s.
 *
 * <ul>
 * <li>CSV, one row per request, columns found by name (first match wins): level ({@code level},
 * {@code benchmark_index}, {@code qps}, {@code request_rate}, {@code target_rate_rps}; none: one level),
 * input tokens ({@code input_tokens}, {@code prompt_tokens}, {@code input_len}), output tokens
 * ({@code output_tokens}, {@code generation_tokens}, {@code completion_tokens}, {@code output_len}), TTFT
 * ({@code ttft_s}, {@code ttft} in seconds, or {@code ttft_ms}), end-to-end latency ({@code e2e_s},
 * {@code latency_s}, {@code e2e}, or {@code e2e_ms}, {@code latency_ms}, or TTFT + {@code generation_time_s}),
 * optional send time ({@code send_time_s}, {@code request_start_s}, {@code launch_time_s},
 * {@code targeted_start_s}, {@code start_s}; GuideLLM's targeted start is the level's start for every
 * request of a synchronous level, so its actual start comes first) and {@code status} (rows other than successful/ok/success/200
 * are skipped). This covers GuideLLM's per-request export as flattened in Frontier's samples and
 * LMBenchmark's CSVs. {@code where} filters rows by column value.</li>
 * <li>vLLM {@code bench serve --save-result} JSON (with per-request details): {@code input_lens},
 * {@code output_lens}, {@code ttfts}, {@code itls} (end-to-end = TTFT + Σ gaps), {@code errors},
 * {@code request_rate} ("inf" = all at once) and, when present, {@code start_times}. One file is one
 * level; runs with {@code max_concurrency} are closed-loop and refused.</li>
 * <li>GuideLLM's JSON report ({@code guidellm benchmark --output-path report.json}): one level per entry of
 * {@code $.benchmarks}, labelled by its index; its strategy ({@code config.strategy}, or
 * {@code args.strategy} in older reports) gives the rate ({@code throughput}: all at once; {@code constant},
 * {@code poisson}: {@code rate}); each of {@code requests.successful} gives prompt and output tokens
 * ({@code prompt_tokens}, {@code output_tokens}), the send time ({@code info.timings.request_start}, else
 * {@code request_start_time} or {@code start_time}), TTFT ({@code time_to_first_token_ms}, else
 * {@code first_token_time − start_time}) and end-to-end latency ({@code request_latency} s, else
 * {@code request_end_time − request_start_time}). The recorded send times are replayed.</li>
 * <li>AIPerf's per-request records ({@code profile_export.jsonl}): one level per file; per line
 * {@code metadata.request_start_ns} (send time), {@code metrics.input_sequence_length},
 * {@code metrics.output_sequence_length} (or {@code output_token_count}), {@code metrics.time_to_first_token}
 * and {@code metrics.request_latency}, each {@code {"value", "unit"}} (ns, us, ms or s). Records with an
 * {@code error}, cancelled ones and those of a phase other than {@code profiling} are skipped. AIPerf's
 * {@code profile_export_aiperf.json} holds only aggregates and is refused with that reason.</li>
 * </ul>
 * Errors name the file, line and column (CSV) or JSON path.
 */
public final class BenchmarkReader {
    private static final List<String> LEVEL =
            List.of("level", "benchmark_index", "qps", "request_rate", "target_rate_rps");
    private static final List<String> RATE = List.of("qps", "request_rate", "target_rate_rps", "rate");
    private static final List<String> INPUT = List.of("input_tokens", "prompt_tokens", "input_len", "prompt_len");
    private static final List<String> OUTPUT =
            List.of("output_tokens", "generation_tokens", "completion_tokens", "output_len");
    private static final List<String> TTFT_S = List.of("ttft_s", "ttft");
    private static final List<String> TTFT_MS = List.of("ttft_ms");
    private static final List<String> E2E_S = List.of("e2e_s", "latency_s", "e2e", "e2e_latency_s");
    private static final List<String> E2E_MS = List.of("e2e_ms", "latency_ms", "e2e_latency_ms");
    private static final List<String> GEN_S = List.of("generation_time_s", "decode_s");
    private static final List<String> SEND =
            List.of("send_time_s", "request_start_s", "launch_time_s", "targeted_start_s", "start_s");
    /** Largest file read (the whole benchmark is held in memory). */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private BenchmarkReader() {}

    /** Reads a CSV or vLLM JSON file (by content: a JSON object starts with '{'), filtered by {@code where} (CSV only). */
    public static List<BenchmarkLevel> read(Path file, Map<String, String> where) {
        try {
            if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such file");
            if (Files.size(file) > MAX_BYTES)
                throw new BadInputException(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.stripLeading().startsWith("{")) {
                if (!where.isEmpty()) throw new BadInputException(file + ": --where applies to CSV files only");
                return readJson(file, text);
            }
            String lead = text.stripLeading();
            if (lead.startsWith("---")
                    || lead.startsWith("benchmarks:")
                    || lead.startsWith("metadata:")
                    || lead.startsWith("args:")) {
                throw new BadInputException(file
                        + ": a YAML report; Frontier reads GuideLLM's JSON report (guidellm benchmark --output-path"
                        + " report.json) and CSV, not YAML");
            }
            return readCsv(file, new java.io.StringReader(text), where);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    static List<BenchmarkLevel> readCsv(Path file, Reader reader, Map<String, String> where) throws IOException {
        CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get()
                .parse(reader);
        Map<String, Integer> header = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : p.getHeaderMap().entrySet())
            header.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
        for (String k : where.keySet()) {
            if (!header.containsKey(k.toLowerCase(Locale.ROOT)))
                throw new BadInputException(file + ": --where column '" + k + "' is not in the header");
        }
        Integer level = first(header, LEVEL);
        Integer rate = first(header, RATE);
        Integer input = need(file, header, INPUT, "input tokens");
        Integer output = need(file, header, OUTPUT, "output tokens");
        Integer ttftS = first(header, TTFT_S);
        Integer ttftMs = first(header, TTFT_MS);
        if (ttftS == null && ttftMs == null) throw missing(file, "TTFT", TTFT_S, TTFT_MS);
        Integer e2eS = first(header, E2E_S);
        Integer e2eMs = first(header, E2E_MS);
        Integer gen = first(header, GEN_S);
        if (e2eS == null && e2eMs == null && gen == null) throw missing(file, "end-to-end latency", E2E_S, E2E_MS);
        Integer send = first(header, SEND);
        Integer status = header.get("status");
        Map<String, List<BenchmarkLevel.Request>> byLevel = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (CSVRecord rec : p) {
            long line = p.getCurrentLineNumber();
            boolean keep = true;
            for (Map.Entry<String, String> w : where.entrySet()) {
                if (!cell(rec, header.get(w.getKey().toLowerCase(Locale.ROOT))).equals(w.getValue())) keep = false;
            }
            if (!keep) continue;
            if (status != null) {
                String s = cell(rec, status).toLowerCase(Locale.ROOT);
                if (!(s.isEmpty()
                        || s.equals("successful")
                        || s.equals("success")
                        || s.equals("ok")
                        || s.equals("200"))) continue;
            }
            String lv = level == null ? "all" : cell(rec, level);
            int in = (int) number(file, line, rec, input, header, 1, true);
            int out = (int) number(file, line, rec, output, header, 1, true);
            double ttft = ttftS != null
                    ? number(file, line, rec, ttftS, header, 0, false)
                    : number(file, line, rec, ttftMs, header, 0, false) / 1000;
            double e2e = e2eS != null
                    ? number(file, line, rec, e2eS, header, 0, false)
                    : e2eMs != null
                            ? number(file, line, rec, e2eMs, header, 0, false) / 1000
                            : ttft + number(file, line, rec, gen, header, 0, false);
            if (e2e < ttft) {
                throw new BadInputException(String.format(
                        Locale.ROOT,
                        "%s:%d: end-to-end latency %.6g s is shorter than TTFT %.6g s",
                        file,
                        line,
                        e2e,
                        ttft));
            }
            double t = send == null || cell(rec, send).isEmpty()
                    ? Double.NaN
                    : number(file, line, rec, send, header, Double.NEGATIVE_INFINITY, false);
            byLevel.computeIfAbsent(lv, k -> new ArrayList<>()).add(new BenchmarkLevel.Request(t, in, out, ttft, e2e));
            if (rate != null && !rates.containsKey(lv)) {
                String r = cell(rec, rate);
                rates.put(
                        lv, r.isEmpty() ? Double.NaN : r.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : parse(r));
            }
        }
        if (byLevel.isEmpty())
            throw new BadInputException(file + ": no successful requests" + (where.isEmpty() ? "" : " match " + where));
        List<BenchmarkLevel> levels = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkLevel.Request>> e : byLevel.entrySet()) {
            List<BenchmarkLevel.Request> rs = new ArrayList<>(e.getValue());
            rs.sort((x, y) -> Double.compare(x.sendTime(), y.sendTime()));
            levels.add(new BenchmarkLevel(e.getKey(), rates.getOrDefault(e.getKey(), Double.NaN), List.copyOf(rs)));
        }
        return levels;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String cell(CSVRecord rec, int i) {
        return i < rec.size() ? rec.get(i).trim() : "";
    }

    private static double number(
            Path file, long line, CSVRecord rec, int col, Map<String, Integer> header, double min, boolean integer) {
        String v = cell(rec, col);
        String name = header.entrySet().stream()
                .filter(e -> e.getValue() == col)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("?");
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x >= min) || Double.isInfinite(x) || (integer && x != Math.rint(x))) {
            throw new BadInputException(String.format(
                    Locale.ROOT,
                    "%s:%d:%d: column '%s': expected %s >= %s, got '%s'",
                    file,
                    line,
                    col + 1,
                    name,
                    integer ? "a whole number" : "a number",
                    min == Double.NEGATIVE_INFINITY ? "-inf" : fmt(min),
                    v));
        }
        return x;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static Integer first(Map<String, Integer> header, List<String> names) {
        for (String n : names) {
            Integer i = header.get(n);
            if (i != null) return i;
        }
        return null;
    }

    private static Integer need(Path file, Map<String, Integer> header, List<String> names, String what) {
        Integer i = first(header, names);
        if (i == null) throw missing(file, what, names, List.of());
        return i;
    }

    private static BadInputException missing(Path file, String what, List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return new BadInputException(file + ":1: no " + what + " column; expected one of " + String.join(", ", all));
    }

    /** A JSON file: GuideLLM report, vLLM result, AIPerf per-request records (JSON Lines), by their keys. */
    static List<BenchmarkLevel> readJson(Path file, String text) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first;
        boolean more;
        try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
                mapper.readerFor(JsonNode.class).readValues(text)) {
            first = it.next();
            more = it.hasNext();
        } catch (JsonParseException e) {
            throw new BadInputException(String.format(
                    Locale.ROOT,
                    "%s:%d:%d: not valid JSON: %s",
                    file,
                    e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(),
                    e.getOriginalMessage()));
        } catch (RuntimeException e) {
            Throwable c = e.getCause();
            if (c instanceof JsonParseException p) {
                throw new BadInputException(String.format(
                        Locale.ROOT,
                        "%s:%d:%d: not valid JSON: %s",
                        file,
                        p.getLocation().getLineNr(),
                        p.getLocation().getColumnNr(),
                        p.getOriginalMessage()));
            }
            throw e;
        }
        if (first.has("metadata")
                && first.has("metrics")
                && first.path("metadata").has("request_start_ns")) {
            return List.of(readAiperf(file, text));
        }
        if (more) {
            throw new BadInputException(
                    file + ":2: several JSON values, but the first is not an AIPerf per-request record"
                            + " (metadata.request_start_ns and metrics)");
        }
        if (first.has("benchmarks")) return readGuidellm(file, first);
        if (first.has("input_lens")) return List.of(readVllmJson(file, text));
        if (first.has("time_to_first_token") || first.has("request_latency") || first.has("input_config")) {
            throw new BadInputException(
                    file + ": AIPerf's aggregate export (profile_export_aiperf.json) has no per-request values;"
                            + " give its profile_export.jsonl");
        }
        throw new BadInputException(
                file + ": $: not a known benchmark result; expected $.benchmarks (GuideLLM report), $.input_lens"
                        + " (vLLM bench serve --save-result --save-detailed) or AIPerf per-request lines (profile_export.jsonl)");
    }

    static List<BenchmarkLevel> readGuidellm(Path file, JsonNode root) {
        JsonNode benchmarks = root.get("benchmarks");
        if (!benchmarks.isArray() || benchmarks.isEmpty())
            throw new BadInputException(file + ": $.benchmarks: expected a non-empty array");
        List<BenchmarkLevel> levels = new ArrayList<>();
        for (int i = 0; i < benchmarks.size(); i++) {
            String at = "$.benchmarks[" + i + "]";
            JsonNode b = benchmarks.get(i);
            JsonNode strategy = b.path("config").path("strategy");
            if (strategy.isMissingNode()) strategy = b.path("args").path("strategy");
            String type = strategy.path("type_").asText("");
            double rate =
                    switch (type) {
                        case "throughput" -> Double.POSITIVE_INFINITY;
                        case "constant", "poisson" ->
                            strategy.path("rate").isNumber()
                                    ? strategy.get("rate").asDouble()
                                    : Double.NaN;
                        default ->
                            Double.NaN; // synchronous, concurrent: closed loop, replayed from the recorded send times
                    };
            JsonNode ok = b.path("requests").path("successful");
            if (!ok.isArray())
                throw new BadInputException(
                        file + ": " + at + ".requests.successful: expected an array of per-request records");
            List<BenchmarkLevel.Request> rs = new ArrayList<>();
            for (int j = 0; j < ok.size(); j++) {
                JsonNode r = ok.get(j);
                String rat = at + ".requests.successful[" + j + "]";
                int in = (int) num(file, rat, r, 1, true, "prompt_tokens", "input_tokens");
                int out = (int) num(file, rat, r, 1, true, "output_tokens");
                double start = has(r, "info.timings.request_start")
                        ? num(file, rat, r, 0, false, "info.timings.request_start")
                        : num(file, rat, r, 0, false, "request_start_time", "start_time");
                double ttft = has(r, "time_to_first_token_ms")
                        ? num(file, rat, r, 0, false, "time_to_first_token_ms") / 1000
                        : num(file, rat, r, 0, false, "first_token_time") - start;
                double e2e = has(r, "request_latency")
                        ? num(file, rat, r, 0, false, "request_latency")
                        : num(file, rat, r, 0, false, "request_end_time", "end_time") - start;
                if (!(ttft >= 0) || e2e < ttft) {
                    throw new BadInputException(String.format(
                            Locale.ROOT,
                            "%s: %s: end-to-end latency %.6g s is shorter than TTFT %.6g s (or TTFT < 0)",
                            file,
                            rat,
                            e2e,
                            ttft));
                }
                rs.add(new BenchmarkLevel.Request(start, in, out, ttft, e2e));
            }
            if (rs.isEmpty()) continue;
            rs.sort((x, y) -> Double.compare(x.sendTime(), y.sendTime()));
            levels.add(new BenchmarkLevel(Integer.toString(i), rate, List.copyOf(rs)));
        }
        if (levels.isEmpty())
            throw new BadInputException(file + ": $.benchmarks: no successful requests in any benchmark");
        return levels;
    }

    static BenchmarkLevel readAiperf(Path file, String text) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<BenchmarkLevel.Request> rs = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) continue;
            String where = file + ":" + (k + 1);
            JsonNode r;
            try {
                r = mapper.readTree(line);
            } catch (JsonParseException e) {
                throw new BadInputException(String.format(
                        Locale.ROOT,
                        "%s:%d: not valid JSON: %s",
                        where,
                        e.getLocation().getColumnNr(),
                        e.getOriginalMessage()));
            }
            if (r == null || !r.isObject())
                throw new BadInputException(where + ": $: expected an AIPerf record (a JSON object)");
            if (!r.path("error").isMissingNode() && !r.path("error").isNull()) continue;
            if (r.path("metadata").path("was_cancelled").asBoolean(false)) continue;
            String phase = r.path("metadata").path("benchmark_phase").asText("profiling");
            if (!phase.equals("profiling")) continue;
            double start = num(file.toString() + ":" + (k + 1), "$", r, 0, false, "metadata.request_start_ns") / 1e9;
            JsonNode m = r.path("metrics");
            int in = (int) metric(where, m, "input_sequence_length", 1, true);
            int out = (int) metric(
                    where,
                    m,
                    m.has("output_sequence_length") ? "output_sequence_length" : "output_token_count",
                    1,
                    true);
            double ttft = metric(where, m, "time_to_first_token", 0, false);
            double e2e = metric(where, m, "request_latency", 0, false);
            if (e2e < ttft) {
                throw new BadInputException(String.format(
                        Locale.ROOT,
                        "%s: $.metrics.request_latency: %.6g s is shorter than time_to_first_token %.6g s",
                        where,
                        e2e,
                        ttft));
            }
            rs.add(new BenchmarkLevel.Request(start, in, out, ttft, e2e));
        }
        if (rs.isEmpty()) throw new BadInputException(file + ": no successful AIPerf request records");
        rs.sort((x, y) -> Double.compare(x.sendTime(), y.sendTime()));
        return new BenchmarkLevel(file.getFileName().toString(), Double.NaN, List.copyOf(rs));
    }

    /** An AIPerf metric {@code {"value": v, "unit": u}}: tokens as they are, times in seconds. */
    private static double metric(String where, JsonNode metrics, String name, double min, boolean integer) {
        JsonNode v = metrics.path(name).path("value");
        String path = "$.metrics." + name + ".value";
        if (!v.isNumber() || !(v.asDouble() >= min) || (integer && v.asDouble() != Math.rint(v.asDouble()))) {
            throw new BadInputException(where + ": " + path + ": expected " + (integer ? "a whole number" : "a number")
                    + " >= " + fmt(min) + ", got " + (v.isMissingNode() ? "nothing" : v.toString()));
        }
        if (integer) return v.asDouble();
        String unit = metrics.path(name).path("unit").asText("ms");
        double scale =
                switch (unit) {
                    case "ns" -> 1e-9;
                    case "us" -> 1e-6;
                    case "ms" -> 1e-3;
                    case "s", "sec" -> 1;
                    default ->
                        throw new BadInputException(
                                where + ": $.metrics." + name + ".unit: expected ns, us, ms or s, got '" + unit + "'");
                };
        return v.asDouble() * scale;
    }

    private static boolean has(JsonNode r, String dotted) {
        JsonNode n = r;
        for (String part : dotted.split("\\.")) n = n.path(part);
        return !n.isMissingNode() && !n.isNull();
    }

    /** The first present of the dotted keys, a number >= min (whole if asked), else an error with its JSON path. */
    private static double num(Object file, String at, JsonNode r, double min, boolean integer, String... keys) {
        String key = keys[0];
        JsonNode n = null;
        for (String k : keys) {
            if (has(r, k)) {
                key = k;
                n = r;
                for (String part : k.split("\\.")) n = n.path(part);
                break;
            }
        }
        if (n == null
                || !n.isNumber()
                || !(n.asDouble() >= min)
                || Double.isInfinite(n.asDouble())
                || (integer && n.asDouble() != Math.rint(n.asDouble()))) {
            throw new BadInputException(
                    file + ": " + at + "." + key + ": expected " + (integer ? "a whole number" : "a number") + " >= "
                            + fmt(min) + ", got " + (n == null ? "nothing" : n.toString()));
        }
        return n.asDouble();
    }

    static BenchmarkLevel readVllmJson(Path file, String text) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonParseException e) {
            throw new BadInputException(String.format(
                    Locale.ROOT,
                    "%s:%d:%d: not valid JSON: %s",
                    file,
                    e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(),
                    e.getOriginalMessage()));
        }
        for (String k : List.of("input_lens", "output_lens", "ttfts", "itls")) {
            if (!root.path(k).isArray()) {
                throw new BadInputException(
                        file + ": $." + k + ": expected an array of per-request values (vLLM bench serve --save-result"
                                + " with --save-detailed)");
            }
        }
        if (root.hasNonNull("max_concurrency") && !root.get("max_concurrency").isNull()) {
            throw new BadInputException(file + ": $.max_concurrency: a closed-loop run (max_concurrency "
                    + root.get("max_concurrency") + ") cannot be replayed open-loop; use runs with a request rate");
        }
        JsonNode rateNode = root.path("request_rate");
        double rate = rateNode.isNumber()
                ? rateNode.asDouble()
                : rateNode.isTextual() && rateNode.asText().equalsIgnoreCase("inf")
                        ? Double.POSITIVE_INFINITY
                        : Double.NaN;
        int n = root.get("input_lens").size();
        for (String k : List.of("output_lens", "ttfts", "itls")) {
            if (root.get(k).size() != n)
                throw new BadInputException(file + ": $." + k + ": "
                        + root.get(k).size() + " values, expected " + n + " like $.input_lens");
        }
        JsonNode starts = root.path("start_times");
        JsonNode errors = root.path("errors");
        List<BenchmarkLevel.Request> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (errors.isArray()
                    && i < errors.size()
                    && !errors.get(i).asText("").isEmpty()) continue;
            int in = intAt(file, root, "input_lens", i);
            int out = intAt(file, root, "output_lens", i);
            if (out < 1) continue;
            JsonNode t = root.get("ttfts").get(i);
            if (!t.isNumber() || !(t.asDouble() >= 0))
                throw new BadInputException(file + ": $.ttfts[" + i + "]: expected a number >= 0, got " + t);
            double e2e = t.asDouble();
            JsonNode gaps = root.get("itls").get(i);
            if (!gaps.isArray())
                throw new BadInputException(file + ": $.itls[" + i + "]: expected an array of gaps in seconds");
            for (int j = 0; j < gaps.size(); j++) {
                if (!gaps.get(j).isNumber() || gaps.get(j).asDouble() < 0)
                    throw new BadInputException(file + ": $.itls[" + i + "][" + j + "]: expected a number >= 0");
                e2e += gaps.get(j).asDouble();
            }
            double send = starts.isArray() && i < starts.size() && starts.get(i).isNumber()
                    ? starts.get(i).asDouble()
                    : Double.NaN;
            rs.add(new BenchmarkLevel.Request(send, in, out, t.asDouble(), e2e));
        }
        if (rs.isEmpty()) throw new BadInputException(file + ": no successful requests");
        if (rs.stream().allMatch(r -> !Double.isNaN(r.sendTime())))
            rs.sort((x, y) -> Double.compare(x.sendTime(), y.sendTime()));
        String label = Double.isInfinite(rate)
                ? "inf"
                : Double.isNaN(rate) ? file.getFileName().toString() : fmt(rate);
        return new BenchmarkLevel(label, rate, List.copyOf(rs));
    }

    private static int intAt(Path file, JsonNode root, String key, int i) {
        JsonNode v = root.get(key).get(i);
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
            throw new BadInputException(file + ": $." + key + "[" + i + "]: expected a whole number >= 0, got " + v);
        }
        return v.asInt();
    }
}
