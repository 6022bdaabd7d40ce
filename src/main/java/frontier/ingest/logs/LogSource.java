package frontier.ingest.logs;

import frontier.ingest.CountingInputStream;
import frontier.ingest.InputFiles;
import frontier.ingest.InputLimits;
import frontier.ingest.LineLimitReader;
import frontier.ingest.logs.Records.Field;
import frontier.sim.BadInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * One request log opened for streaming: CSV, JSON Lines (OpenTelemetry spans understood), a TorchServe
 * access log or per-minute invocation counts, plain or gzip (recognised from the bytes, not the name).
 * The layout is recognised from the content, the mapping from a preset, the columns (a preset whose
 * columns are all there) or the column names, then edited by the overrides. {@link #next()} returns
 * normalised {@link LogRequest}s until null; one record is in memory at a time.
 *
 * <p>Anything wrong with the input is a {@link BadInputException} naming the file, the line, the column
 * (or JSON key), the value and what was expected. Assumptions (a guessed timestamp kind, UTC for
 * timestamps without offset, the file name as model) are collected in {@link #notes()}.
 * {@link #bytesRead()} may be read from another thread for progress.
 */
public final class LogSource implements AutoCloseable {
    private static final Pattern DAY_IN_NAME = Pattern.compile("(?:^|[._-])d(\\d{1,2})(?:[._-]|$)");

    private final Path file;
    private final String name;
    private final long totalBytes;
    private volatile long bytesRead;
    private InputStream raw;
    private Records records;
    private LogLayout layout;
    private LogPreset preset;
    private LogMapping mapping;
    private final List<String> notes = new ArrayList<>();
    private Field ts;
    private Field end;
    private Field latency;
    private Field model;
    private Field endpoint;
    private Field status;
    private Field inputTokens;
    private Field outputTokens;
    private Field ttft;
    private TimeKind kind;
    private double startEpoch;
    private double latencyMillis;
    private boolean pending;
    private boolean finished;
    private long skipBadRows;
    private long badRows;
    private String firstBad;
    private long skippedSpans;
    private long returned;
    private boolean offsetChecked;

    private LogSource(Path file, long totalBytes) {
        this.file = file;
        this.name = file.toString();
        this.totalBytes = totalBytes;
    }

    /** Opens {@code file}, recognises its layout and mapping, and reads its first record. */
    public static LogSource open(Path file, LogReadOptions options) {
        InputFiles.requireFile(file, "a request log file");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        LogSource s = new LogSource(file, size);
        try {
            s.start(options);
        } catch (UncheckedIOException e) {
            s.close();
            throw new BadInputException(
                    file + ": cannot read the file (" + e.getCause().getMessage() + "); is it truncated or corrupt?",
                    e);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private enum Content {
        CSV,
        JSON,
        TORCHSERVE
    }

    private void start(LogReadOptions options) {
        BufferedInputStream text = openText();
        String head = sniff(text);
        String firstLine = head.strip().lines().findFirst().orElse("");
        Content content = firstLine.startsWith("{") || firstLine.startsWith("[")
                ? Content.JSON
                : TorchServeRecords.looksLike(head) ? Content.TORCHSERVE : Content.CSV;
        BufferedReader reader = new BufferedReader(InputFiles.utf8(text), 1 << 16);
        skipBom(reader);

        preset = options.preset();
        layout = preset != null
                ? preset.layout()
                : switch (content) {
                    case JSON -> LogLayout.JSONL;
                    case TORCHSERVE -> LogLayout.TORCHSERVE;
                    case CSV -> perMinuteHeader(firstLine) ? LogLayout.PER_MINUTE : LogLayout.CSV;
                };
        Content expected =
                layout.json() ? Content.JSON : layout == LogLayout.TORCHSERVE ? Content.TORCHSERVE : Content.CSV;
        if (expected != content && !(content == Content.CSV && head.isBlank())) {
            throw new BadInputException(name + ": preset " + preset.code() + " reads " + layout.description()
                    + ", but the file "
                    + switch (content) {
                        case JSON -> "holds JSON";
                        case TORCHSERVE -> "is a TorchServe access log";
                        case CSV ->
                            "is not JSON or a TorchServe access log (first line: '"
                                    + (firstLine.length() > 80 ? firstLine.substring(0, 80) + "…" : firstLine) + "')";
                    });
        }
        InputLimits limits = options.limits();
        records = switch (layout) {
            case CSV -> new CsvRecords(reader, name, limits);
            case JSONL, OTEL_SPANS -> new JsonRecords(reader, name, limits);
            case TORCHSERVE ->
                new TorchServeRecords(new BufferedReader(new LineLimitReader(reader, name, limits), 1 << 16), name);
            case PER_MINUTE -> new PerMinuteRecords(reader, name, dayOffset(), limits);
        };
        pending = records.next();
        if (preset == null) {
            preset = recognise();
            if (preset != null) {
                layout = preset.layout();
                if (content != Content.TORCHSERVE)
                    notes.add("recognised as " + preset.title() + " (preset " + preset.code() + ") from its columns");
            }
        }
        mapping = chooseMapping(options);
        kind = mapping.timestampKind();
        startEpoch = mapping.start() == null
                ? 0
                : mapping.start().getEpochSecond() + mapping.start().getNano() / 1e9;
        latencyMillis =
                mapping.latencyUnit() == null ? 0 : mapping.latencyUnit().millis();
        ts = field("timestamp", mapping.timestamp());
        end = field("end", mapping.end());
        latency = field("latency", mapping.latency());
        model = field("model", mapping.model());
        endpoint = field("endpoint", mapping.endpoint());
        status = field("status", mapping.status());
        inputTokens = field("input_tokens", mapping.inputTokens());
        outputTokens = field("output_tokens", mapping.outputTokens());
        ttft = field("ttft", mapping.ttft());
        skipBadRows = options.skipBadRows();
    }

    /** The decompressed bytes of the file, counted raw for {@link #bytesRead()}. */
    private BufferedInputStream openText() {
        try {
            raw = new CountingInputStream(Files.newInputStream(file), null, n -> bytesRead = n);
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            InputStream data =
                    switch (InputFiles.packing(in)) {
                        case GZIP -> new GZIPInputStream(in, 1 << 16);
                        case ZIP ->
                            throw new BadInputException(
                                    name
                                            + ": is a zip archive; request logs are read plain or gzip-compressed (.gz): unzip it first");
                        case PLAIN -> in;
                    };
            return new BufferedInputStream(data, 1 << 16);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 64 KB of text (without a byte-order mark), leaving the stream where it was. */
    private static String sniff(BufferedInputStream text) {
        try {
            text.mark(1 << 17);
            byte[] bytes = text.readNBytes(1 << 16);
            text.reset();
            String head = new String(bytes, StandardCharsets.UTF_8);
            return head.startsWith("\uFEFF") ? head.substring(1) : head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset's or the detected entries, edited by the overrides, checked against the file's columns. */
    private LogMapping chooseMapping(LogReadOptions options) {
        Map<String, String> entries = preset != null
                ? preset.mapping()
                : MappingDetector.detect(records, layout, pending, options.overrides(), notes);
        Set<String> overridden = new HashSet<>();
        for (Map.Entry<String, String> e : options.overrides().entrySet()) {
            entries.put(e.getKey(), e.getValue() == null || e.getValue().isBlank() ? null : e.getValue());
            overridden.add(e.getKey());
        }
        resolveStart(entries, options.start());
        resolveColumns(entries, overridden);
        String stem = stem();
        for (String key : new String[] {"model", "endpoint"}) {
            if (entries.get(key + "_value") == null) entries.put(key + "_value", stem);
            if (entries.get(key) == null)
                notes.add("no " + key + " column: " + key + " = '" + entries.get(key + "_value") + "'"
                        + (entries.get(key + "_value").equals(stem) ? " (the file name)" : ""));
        }
        try {
            return LogMapping.fromMap(entries);
        } catch (BadInputException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
    }

    private static void skipBom(BufferedReader r) {
        try {
            r.mark(1);
            if (r.read() != '\uFEFF') r.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean perMinuteHeader(String firstLine) {
        try (frontier.ingest.CsvParser p = new frontier.ingest.CsvParser(new StringReader(firstLine), name)) {
            if (!p.next()) return false;
            List<String> h = List.of(p.record());
            return LogPreset.AZURE_FUNCTIONS_2019.signature().stream()
                    .allMatch(c -> h.stream().anyMatch(x -> x.strip().equalsIgnoreCase(c)));
        } catch (BadInputException e) {
            return false;
        }
    }

    /** Day d of a per-minute trace from a file name like invocations_per_function_md.anon.d05.csv: d − 1 days after the start. */
    private double dayOffset() {
        Matcher m = DAY_IN_NAME.matcher(file.getFileName().toString());
        if (!m.find()) return 0;
        int d = Integer.parseInt(m.group(1));
        if (d < 1) return 0;
        notes.add("day " + d + " of the trace (from the file name): its minutes are placed " + (d - 1) + " day"
                + (d == 2 ? "" : "s") + " after the start");
        return (d - 1) * 86400.0;
    }

    /** The first preset (by layout and columns) that fits, or null. */
    private LogPreset recognise() {
        if (layout == LogLayout.TORCHSERVE) return LogPreset.TORCHSERVE;
        if (layout == LogLayout.PER_MINUTE) return LogPreset.AZURE_FUNCTIONS_2019;
        for (LogPreset p : LogPreset.values()) {
            if (p.signature().isEmpty()
                    || p.layout().json() != layout.json()
                    || (p.layout() == LogLayout.PER_MINUTE) != (layout == LogLayout.PER_MINUTE)) continue;
            boolean all = true;
            for (String c : p.signature()) {
                Field f = records.field(c);
                if (f == null || (records instanceof JsonRecords j && !j.seen(f))) all = false;
            }
            if (!all) continue;
            if (p == LogPreset.AZURE_LLM_2023 || p == LogPreset.AZURE_LLM_2024) {
                String v = pending ? records.text(records.field("TIMESTAMP")) : null;
                boolean offset = v != null && Times.hasOffset(v.strip());
                if ((p == LogPreset.AZURE_LLM_2024) != offset) continue;
            }
            return p;
        }
        return null;
    }

    private void resolveStart(Map<String, String> entries, Instant given) {
        TimeKind k = TimeKind.find(entries.get("timestamp_kind")).orElse(null);
        boolean relative = k != null && k.relative();
        if (given != null) {
            if (relative) entries.put("start", given.toString());
            else notes.add("--start ignored: the timestamps (" + (k == null ? "?" : k.code()) + ") are absolute");
        } else if (relative && entries.get("start") == null) {
            entries.put("start", Instant.EPOCH.toString());
            notes.add(
                    "timestamps count from the start of the trace and no --start was given: the trace starts at 1970-01-01T00:00:00Z;"
                            + " give --start (e.g. --start 2024-05-01T00:00:00Z) to date it");
        }
    }

    /** Checks every mapped column against the file; a preset's optional column that is missing is unmapped with a note. */
    private void resolveColumns(Map<String, String> entries, Set<String> overridden) {
        for (String key : LogMapping.COLUMN_KEYS) {
            String spec = entries.get(key);
            if (spec == null) continue;
            Field f = records.field(spec);
            boolean optional = preset != null && preset.optional().contains(key) && !overridden.contains(key);
            if (records instanceof JsonRecords j) {
                if (f != null && pending && !j.seen(f) && !optional)
                    notes.add("field '" + spec + "' (" + key + ") is not in the first record");
                continue;
            }
            if (f == null) {
                if (optional) {
                    entries.put(key, null);
                    if (key.equals("latency")) entries.put("latency_unit", null);
                    notes.add("no column '" + spec + "': " + key + " not mapped");
                    continue;
                }
                throw new BadInputException(name + ": line 1: no column '" + spec + "' for " + key
                        + (overridden.contains(key) ? " (--map)" : "") + "; the columns are "
                        + MappingDetector.preview(records.names()));
            }
            entries.put(key, f.name());
        }
    }

    private Field field(String key, String spec) {
        if (spec == null) return null;
        Field f = records.field(spec);
        List<Integer> copies = f == null ? List.of() : records.copies(f);
        if (!copies.isEmpty()) {
            throw new BadInputException(name + ": line 1: column '" + f.name() + "' (" + key + ") appears "
                    + copies.size() + " times (columns "
                    + String.join(", ", copies.stream().map(String::valueOf).toList())
                    + "); which copy to read would be a guess:"
                    + " remove or rename the copies, or map another column with --map " + key + "=COLUMN");
        }
        records.exclude(f);
        return f;
    }

    private String stem() {
        String n = file.getFileName().toString();
        for (String ext : new String[] {".gz", ".csv", ".jsonl", ".ndjson", ".json", ".log", ".txt", ".tsv"}) {
            if (n.toLowerCase(Locale.ROOT).endsWith(ext) && n.length() > ext.length())
                n = n.substring(0, n.length() - ext.length());
        }
        return n;
    }

    /** The next request, or null at the end of the file. */
    public LogRequest next() {
        while (!finished) {
            if (pending) {
                pending = false;
            } else if (!advance()) {
                finished = true;
                finish();
                return null;
            }
            if (layout == LogLayout.OTEL_SPANS && !((JsonRecords) records).hasKeyStartingWith("gen_ai.")) {
                skippedSpans++;
                continue;
            }
            try {
                LogRequest r = convert();
                returned++;
                return r;
            } catch (BadInputException e) {
                if (++badRows > skipBadRows) {
                    throw badRows > 1
                            ? new BadInputException(
                                    e.getMessage() + " (after skipping " + (badRows - 1) + " bad rows)", e)
                            : e;
                }
                if (firstBad == null) firstBad = e.getMessage();
            }
        }
        return null;
    }

    private boolean advance() {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw new BadInputException(
                    name + ": line " + records.line() + ": cannot read the file ("
                            + e.getCause().getMessage() + "); is it truncated or corrupt?",
                    e);
        }
    }

    private void finish() {
        List<String> skipped = new ArrayList<>(records.notes());
        if (skippedSpans > 0)
            skipped.add(String.format(
                    Locale.ROOT, "skipped %,d spans without gen_ai attributes (not model calls)", skippedSpans));
        if (badRows > 0)
            skipped.add(String.format(
                    Locale.ROOT, "skipped %,d bad row%s; the first: %s", badRows, badRows == 1 ? "" : "s", firstBad));
        notes.addAll(skipped);
        if (returned == 0) {
            // Refused rather than stored: an empty import would pass for days without traffic (docs/formats.md,
            // Decisions).
            throw new BadInputException(name + ": no requests to import ("
                    + (skipped.isEmpty() ? "the file has no data rows" : String.join("; ", skipped)) + ")");
        }
    }

    private LogRequest convert() {
        String tv = number(ts, expectedTime());
        if (tv == null) throw missing(ts, expectedTime());
        double t = time(ts, tv);
        double lat = Double.NaN;
        if (latency != null) {
            String v = number(
                    latency,
                    "a duration from 0 to 1 day in " + mapping.latencyUnit().code());
            if (v != null) {
                double d = Times.number(strip(v));
                if (!(d >= 0) || d * latencyMillis > Times.MAX_LATENCY_MS) {
                    throw bad(
                            latency,
                            v,
                            "a duration from 0 to 1 day in "
                                    + mapping.latencyUnit().code());
                }
                lat = d * latencyMillis;
            }
        } else if (end != null) {
            String v = number(end, expectedTime());
            if (v != null) {
                lat = (time(end, v) - t) * 1000;
                if (lat < 0) throw bad(end, v, "an end time not before the start ('" + tv + "')");
                if (lat > Times.MAX_LATENCY_MS)
                    throw bad(end, v, "an end time at most 1 day after the start ('" + tv + "')");
            }
        }
        if (mapping.timestampIsEnd()) {
            if (Double.isNaN(lat))
                throw missing(
                        latency, "a duration: the timestamp is the end of the request and its start is end − duration");
            t -= lat / 1000;
        }
        double firstToken = Double.NaN;
        if (ttft != null) {
            String expected = "a time to first token from 0 to 1 day in "
                    + mapping.ttftUnit().code() + ", not above the request's latency";
            String v = number(ttft, expected);
            if (v != null) {
                double d = Times.number(strip(v)) * mapping.ttftUnit().millis();
                if (!(d >= 0) || d > Times.MAX_LATENCY_MS || d > lat + 1e-6) throw bad(ttft, v, expected);
                firstToken = d;
            }
        }
        String st = status == null ? null : records.text(status);
        String m = model == null ? null : records.text(model);
        String e = endpoint == null ? null : records.text(endpoint);
        return new LogRequest(
                m == null ? mapping.modelValue() : m,
                e == null ? mapping.endpointValue() : e,
                t,
                lat,
                mapping.ok(st),
                st,
                tokens(inputTokens),
                tokens(outputTokens),
                firstToken,
                mapping.keepAttrs() ? records.attrs() : null);
    }

    private double time(Field f, String v) {
        String s = strip(v);
        double t =
                switch (kind) {
                    case ISO -> Times.iso(s);
                    case EPOCH_NS -> Times.nanos(s);
                    default -> Times.number(s) * kind.seconds() + startEpoch;
                };
        if (Double.isNaN(t)) throw bad(f, v, expectedTime());
        boolean inWindow = kind.relative()
                ? t - startEpoch >= 0 && t - startEpoch <= Times.MAX_OFFSET
                : t >= Times.EARLIEST && t <= Times.LATEST;
        if (!inWindow) throw bad(f, v, expectedTime());
        if (kind == TimeKind.ISO && !offsetChecked && !Times.hasOffset(s)) {
            offsetChecked = true;
            notes.add("timestamps without a UTC offset (e.g. '" + s + "') were read as UTC");
        }
        return t;
    }

    private String expectedTime() {
        return switch (kind) {
                    case ISO ->
                        "an ISO-8601 date-time such as 2024-05-01T12:00:00.250Z or 2024-05-01 12:00:00 (timestamp_kind iso)";
                    default -> "a number: " + kind.description() + " (timestamp_kind " + kind.code() + ")";
                }
                + (kind.relative() ? " from 0 to 100 years" : " from 2000-01-01 to 2100-01-01");
    }

    private long tokens(Field f) {
        if (f == null) return LogRequest.NO_TOKENS;
        String v = number(f, "a whole number of tokens from 0 to 10^9");
        if (v == null) return LogRequest.NO_TOKENS;
        long n = Times.count(strip(v));
        if (n < 0 || n > Times.MAX_TOKENS) throw bad(f, v, "a whole number of tokens from 0 to 10^9");
        return n;
    }

    /**
     * The text of a numeric field, or null when absent. A JSON object where a number belongs is bad input (it
     * would otherwise flatten to other keys and read as absent, a silent NULL); strings holding a number are read,
     * as OpenTelemetry writes its 64-bit integers.
     */
    private String number(Field f, String expected) {
        String v = records.text(f);
        if (v == null && records instanceof JsonRecords j && j.isObject(f)) throw bad(f, "{…}", expected);
        return v;
    }

    private static String strip(String v) {
        return !v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1)))
                ? v.strip()
                : v;
    }

    private BadInputException bad(Field f, String value, String expected) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return new BadInputException(name + ": line " + records.line() + ", " + records.describe(f) + ": expected "
                + expected + ", got '" + shown + "'");
    }

    private BadInputException missing(Field f, String expected) {
        return new BadInputException(name + ": line " + records.line() + ", " + records.describe(f) + ": expected "
                + expected + ", got nothing");
    }

    public Path file() {
        return file;
    }

    public LogLayout layout() {
        return layout;
    }

    /** The preset given or recognised, or null when the mapping was detected from the column names. */
    public LogPreset preset() {
        return preset;
    }

    /** The mapping used, with the columns as named in the file. */
    public LogMapping mapping() {
        return mapping;
    }

    /** Things the user should know that are not errors; complete once {@link #next()} has returned null. */
    public List<String> notes() {
        return notes;
    }

    /** Raw bytes of the file. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Raw (possibly compressed) bytes consumed so far; safe to read from any thread. */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        if (records != null) records.close();
        try {
            if (raw != null) raw.close();
        } catch (IOException e) {
            // Closing a file we only read: nothing is lost.
        }
    }
}
