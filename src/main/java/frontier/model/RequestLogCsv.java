package frontier.model;

import frontier.sim.BadInputException;
import frontier.text.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a run's request outcomes as a CSV request log, one row per request in the order requests left
 * the system, with the header {@value #HEADER}: the arrival as an ISO-8601 UTC timestamp with
 * milliseconds (the run's start instant plus the arrival time, truncated to the millisecond), the latency
 * in milliseconds (3 decimals), the pool's model, the endpoint (the request class, or {@code default}
 * without classes), an HTTP-like status (200 completed, 429 rejected, 504 timed out, 503 lost), the token
 * counts (empty when the scenario gives none), the pool (empty for a cache hit) and whether the request
 * waited for a cold start. Names that a spreadsheet would take for a formula are written with a leading
 * quote ({@link Csv}). A file name ending in {@code .gz} is gzip-compressed. Instance lifetimes are
 * not written.
 */
public final class RequestLogCsv implements RunListener, AutoCloseable {
    public static final String HEADER =
            "timestamp,latency_ms,model,endpoint,status,input_tokens,output_tokens,pool,cold_start";
    private static final long DAY_MS = 86_400_000L;

    private final Writer out;
    private final String name;
    private final long startMs;
    private final StringBuilder row = new StringBuilder(128);
    private char[] chars = new char[256];
    private long lastDay = Long.MIN_VALUE;
    private String lastDate;
    private long rows;

    /** Writes to {@code out} (closed by {@link #close()}); {@code name} names it in error messages. */
    public RequestLogCsv(Writer out, String name, Instant start) {
        this.out = out;
        this.name = name;
        this.startMs = start.toEpochMilli();
        write(HEADER + "\n");
    }

    /** Creates (or replaces) {@code file}, gzip-compressed if its name ends in {@code .gz}. */
    public static RequestLogCsv create(Path file, Instant start) {
        try {
            OutputStream raw = Files.newOutputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                // Fastest deflate level: a month of requests is tens of MB of text, and speed matters more here than
                // size.
                raw = new GZIPOutputStream(raw, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
            }
            return new RequestLogCsv(
                    new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16),
                    file.toString(),
                    start);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the request log (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void requestFinished(RequestOutcome o) {
        StringBuilder b = row;
        b.setLength(0);
        long ms = startMs + (long) Math.floor(o.arrivalS() * 1000);
        timestamp(b, ms);
        b.append(',');
        long micros = Math.round(o.latencyS() * 1e6);
        b.append(micros / 1000).append('.');
        long frac = micros % 1000;
        if (frac < 100) b.append('0');
        if (frac < 10) b.append('0');
        b.append(frac).append(',');
        text(b, o.model());
        b.append(',');
        text(b, o.requestClass() == null ? "default" : o.requestClass());
        b.append(',').append(o.status().http()).append(',');
        if (o.inputTokens() != null) b.append(o.inputTokens().intValue());
        b.append(',');
        if (o.outputTokens() != null) b.append(o.outputTokens().intValue());
        b.append(',');
        text(b, o.pool());
        b.append(',').append(o.coldStart()).append('\n');
        int n = b.length();
        if (n > chars.length) chars = new char[2 * n];
        b.getChars(0, n, chars, 0);
        try {
            out.write(chars, 0, n);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot write the request log (" + e.getMessage() + ")", e);
        }
        rows++;
    }

    /** Rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    private void timestamp(StringBuilder b, long ms) {
        long day = Math.floorDiv(ms, DAY_MS);
        if (day != lastDay) {
            lastDay = day;
            lastDate = LocalDate.ofEpochDay(day) + "T";
        }
        int inDay = (int) (ms - day * DAY_MS);
        b.append(lastDate);
        two(b, inDay / 3_600_000);
        b.append(':');
        two(b, inDay / 60_000 % 60);
        b.append(':');
        two(b, inDay / 1000 % 60);
        b.append('.');
        int milli = inDay % 1000;
        if (milli < 100) b.append('0');
        if (milli < 10) b.append('0');
        b.append(milli).append('Z');
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10) b.append('0');
        b.append(v);
    }

    /** A text field (model, endpoint, pool: names from the scenario): quoted when needed, a formula neutralised ({@link Csv}). */
    private static void text(StringBuilder b, String s) {
        Csv.appendText(b, s);
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot write the request log (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot write the request log (" + e.getMessage() + ")", e);
        }
    }
}
