package frontier.model.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.sim.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams one timestamp column of a CSV (with header) or JSONL file, optionally gzip-compressed, as
 * seconds relative to the first timestamp, and optionally a request key and input and output token counts
 * per record. Holds one record at a time. Every error names the file, the line and the column and says
 * what was expected.
 */
public final class TimestampReader implements AutoCloseable {
    private final Path file;
    private final String column;
    private final String keyColumn;
    private final String inputTokensColumn;
    private final String outputTokensColumn;
    private final TimeUnit unit;
    private int lastKey;
    private int lastInputTokens = -1;
    private int lastOutputTokens = -1;
    private final BufferedReader reader;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final ObjectMapper json;
    private long line;
    private boolean haveBase;
    private long baseSeconds;
    private int baseNanos;
    private double baseNumber;

    public TimestampReader(Path file, String column, TimeUnit unit) {
        this(file, column, null, null, null, unit);
    }

    /**
     * Also reads, when not null, {@code keyColumn}, a request key such as a prompt hash, as
     * {@link #lastKey()}, and the token-count columns as {@link #lastInputTokens()} and
     * {@link #lastOutputTokens()}.
     */
    public TimestampReader(
            Path file,
            String column,
            String keyColumn,
            String inputTokensColumn,
            String outputTokensColumn,
            TimeUnit unit) {
        this.file = file;
        this.column = column;
        this.keyColumn = keyColumn;
        this.inputTokensColumn = inputTokensColumn;
        this.outputTokensColumn = outputTokensColumn;
        this.unit = unit;
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read trace file (" + e.getMessage() + ")", e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            csv = null;
            records = null;
            json = new ObjectMapper();
        } else {
            json = null;
            try {
                csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .get()
                        .parse(reader);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                throw new BadInputException(file + ": line 1: cannot read the CSV header (" + e.getMessage() + ")", e);
            }
            for (String c : new String[] {column, keyColumn, inputTokensColumn, outputTokensColumn}) {
                if (c != null && !csv.getHeaderMap().containsKey(c)) {
                    throw new BadInputException(
                            file + ": line 1: no column named '" + c + "'; the columns are " + csv.getHeaderNames());
                }
            }
            records = csv.iterator();
        }
    }

    /** The next timestamp in seconds since the first one, or NaN at the end of the file. */
    public double next() {
        String raw = csv != null ? nextCsv() : nextJson();
        if (raw == null) return Double.NaN;
        return parse(raw);
    }

    /** The key of the record last returned (a hash of its key column), 0 without a key column. */
    public int lastKey() {
        return lastKey;
    }

    /** The input token count of the record last returned; -1 without an input-token column. */
    public int lastInputTokens() {
        return lastInputTokens;
    }

    /** The output token count of the record last returned; -1 without an output-token column. */
    public int lastOutputTokens() {
        return lastOutputTokens;
    }

    /** 1-based line number of the record last returned. */
    public long line() {
        return line;
    }

    private String nextCsv() {
        try {
            if (!records.hasNext()) return null;
            CSVRecord r = records.next();
            line = csv.getCurrentLineNumber();
            for (String c : new String[] {column, keyColumn, inputTokensColumn, outputTokensColumn}) {
                if (c != null && !r.isSet(c)) {
                    throw new BadInputException(
                            where(c) + ": the record has " + r.size() + " fields, too few for the columns read");
                }
            }
            if (keyColumn != null) lastKey = r.get(keyColumn).hashCode();
            if (inputTokensColumn != null) lastInputTokens = tokens(r.get(inputTokensColumn), inputTokensColumn);
            if (outputTokensColumn != null) lastOutputTokens = tokens(r.get(outputTokensColumn), outputTokensColumn);
            return r.get(column);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(file + ": after line " + line + ": malformed CSV (" + e.getMessage() + ")", e);
        }
    }

    private String nextJson() {
        try {
            String text;
            do {
                text = reader.readLine();
                if (text == null) return null;
                line++;
            } while (text.isBlank());
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInputException(
                        file + ": line " + line + ", column " + e.getLocation().getColumnNr()
                                + ": expected one JSON object per line (" + e.getOriginalMessage() + ")");
            }
            JsonNode v = node == null ? null : node.get(column);
            if (v == null || v.isNull()) throw new BadInputException(where() + ": missing field '" + column + "'");
            if (keyColumn != null) {
                JsonNode k = node.get(keyColumn);
                if (k == null || k.isNull())
                    throw new BadInputException(file + ": line " + line + ": missing key field '" + keyColumn + "'");
                lastKey = (k.isValueNode() ? k.asText() : k.toString()).hashCode();
            }
            if (inputTokensColumn != null) lastInputTokens = jsonTokens(node, inputTokensColumn);
            if (outputTokensColumn != null) lastOutputTokens = jsonTokens(node, outputTokensColumn);
            return v.asText();
        } catch (IOException e) {
            throw new BadInputException(file + ": line " + line + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private int jsonTokens(JsonNode node, String field) {
        JsonNode t = node.get(field);
        if (t == null || t.isNull()) throw new BadInputException(where(field) + ": missing field '" + field + "'");
        return tokens(t.isValueNode() ? t.asText() : t.toString(), field);
    }

    /** A token count: a whole number >= 0, written as an integer or with a zero fraction (512.0, as some exports write). */
    private int tokens(String raw, String col) {
        String s = raw.strip();
        int end = s.indexOf('.');
        boolean ok = end != 0 && !s.isEmpty();
        if (end < 0) end = s.length();
        for (int i = end + 1; i < s.length() && ok; i++) ok = s.charAt(i) == '0';
        long v = 0;
        for (int i = 0; i < end && ok; i++) {
            char c = s.charAt(i);
            ok = c >= '0' && c <= '9';
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) ok = false;
        }
        if (!ok)
            throw new BadInputException(where(col) + ": expected a whole number of tokens from 0 to "
                    + Integer.MAX_VALUE + ", got '" + raw + "'");
        return (int) v;
    }

    private String where() {
        return where(column);
    }

    private String where(String col) {
        return file + ": line " + line + ", column '" + col + "'";
    }

    private double parse(String raw) {
        String s = raw.strip();
        if (unit == TimeUnit.ISO8601) {
            Instant t = parseInstant(s);
            if (!haveBase) {
                haveBase = true;
                baseSeconds = t.getEpochSecond();
                baseNanos = t.getNano();
            }
            return (t.getEpochSecond() - baseSeconds) + (t.getNano() - baseNanos) * 1e-9;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadInputException(where() + ": expected a number in " + unit.label() + ", got '" + raw + "'");
        }
        if (!Double.isFinite(v)) throw new BadInputException(where() + ": expected a finite number, got '" + raw + "'");
        if (!haveBase) {
            haveBase = true;
            baseNumber = v;
        }
        return (v - baseNumber) * unit.toSeconds();
    }

    private Instant parseInstant(String s) {
        // Accept "2023-11-16 18:17:03.9799600" (space, no zone: UTC) as well as strict ISO-8601.
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$"))
                return OffsetDateTime.parse(t).toInstant();
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new BadInputException(
                    where() + ": expected an ISO-8601 date-time such as 2024-05-01T12:00:00.250Z, got '" + s + "'");
        }
    }

    @Override
    public void close() {
        try {
            if (csv != null) csv.close();
            reader.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only file loses nothing.
        }
    }
}
