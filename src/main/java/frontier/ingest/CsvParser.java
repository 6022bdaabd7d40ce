package frontier.ingest;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A streaming RFC 4180 CSV parser that keeps only the current record in memory and makes a String
 * only for the fields asked for, so wide exports (AWS CUR has hundreds of columns) cost little more
 * than narrow ones. Knows the line and column of every field for error messages. Quoted fields may
 * contain separators, doubled quotes and line breaks; CRLF, LF and a UTF-8 BOM are accepted. A field or
 * record longer than its {@link InputLimits} is refused with file, line and limit before it is buffered.
 */
public final class CsvParser implements AutoCloseable {
    private final Reader in;
    private final String file;
    private final InputLimits limits;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;

    private char[] rec = new char[1024];
    private int recLen;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int fields;
    private long line = 0;
    private long recordLine;
    private boolean first = true;
    private int fieldStart;

    /** A parser under the {@linkplain InputLimits#configured() configured} limits. */
    public CsvParser(Reader in, String file) {
        this(in, file, InputLimits.configured());
    }

    public CsvParser(Reader in, String file, InputLimits limits) {
        this.in = in;
        this.file = file;
        this.limits = limits;
    }

    /** Reads the next record; false at the end of the input. Blank lines are skipped. */
    public boolean next() {
        while (true) {
            if (!fill()) return false;
            if (first) {
                first = false;
                if (buf[pos] == '\uFEFF') pos++;
                if (!fill()) return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '\r') {
                pos++;
                continue;
            }
            break;
        }
        recordLine = line + 1;
        recLen = 0;
        fields = 0;
        while (true) {
            int start = recLen;
            fieldStart = start;
            boolean q = false;
            if (fill() && buf[pos] == '"') {
                q = true;
                pos++;
                readQuoted();
            }
            // Unquoted part (or what follows a closing quote, which we keep, as lenient readers do).
            int c = readUnquoted(q);
            addField(start, recLen, q);
            if (c != ',') break;
        }
        line++;
        return true;
    }

    private void readQuoted() {
        long openLine = line + 1;
        while (true) {
            if (!fill())
                throw new BadInputException(file + ": line " + openLine + ": a quoted field is never closed"
                        + " (expected a closing \" before the end of the file)");
            char c = buf[pos++];
            if (c == '"') {
                if (fill() && buf[pos] == '"') {
                    pos++;
                    append('"');
                    continue;
                }
                return;
            }
            if (c == '\n') line++;
            append(c);
        }
    }

    /** Reads up to a separator or end of line; returns ',' or -1 (end of record). */
    private int readUnquoted(boolean afterQuote) {
        while (true) {
            if (pos >= len && !fill()) return -1;
            // Tight loop over the buffer without per-char refill checks.
            int p = pos;
            int n = len;
            char[] b = buf;
            while (p < n) {
                char c = b[p];
                if (c == ',' || c == '\n' || c == '\r') break;
                p++;
            }
            int count = p - pos;
            if (count > 0) {
                ensure(recLen + count);
                System.arraycopy(b, pos, rec, recLen, count);
                recLen += count;
            }
            pos = p;
            if (p < n) {
                char c = b[p];
                pos++;
                if (c == ',') return ',';
                if (c == '\r') {
                    if (fill() && buf[pos] == '\n') pos++;
                }
                return -1;
            }
        }
    }

    private boolean fill() {
        if (pos < len) return true;
        if (eof) return false;
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                len = pos = 0;
                return false;
            }
            len = n;
            pos = 0;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void append(char c) {
        ensure(recLen + 1);
        rec[recLen++] = c;
    }

    private void ensure(int n) {
        if (n - fieldStart > limits.maxFieldChars()) {
            throw limits.fieldTooLong(file + ": line " + recordLine + ", column " + (fields + 1));
        }
        if ((long) n + fields > limits.maxLineChars()) throw limits.lineTooLong(file + ": line " + recordLine);
        if (n > rec.length)
            rec = Arrays.copyOf(rec, (int) Math.min(Math.max(n, (long) rec.length * 2), limits.maxLineChars()));
    }

    private void addField(int s, int e, boolean q) {
        if ((long) recLen + fields + 1 > limits.maxLineChars()) throw limits.lineTooLong(file + ": line " + recordLine);
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = s;
        ends[fields] = e;
        quoted[fields] = q;
        fields++;
    }

    /** Number of fields in the current record. */
    public int size() {
        return fields;
    }

    /** The field's text ("" if the record is shorter). */
    public String field(int i) {
        if (i >= fields) return "";
        return new String(rec, starts[i], ends[i] - starts[i]);
    }

    /** True if field i is empty. */
    public boolean isEmpty(int i) {
        return i >= fields || ends[i] == starts[i];
    }

    /** True if field i was written in quotes (so a literal NULL in quotes is text, not a null). */
    public boolean isQuoted(int i) {
        return i < fields && quoted[i];
    }

    /** True if field i equals {@code s} exactly, without making a String. */
    public boolean fieldEquals(int i, String s) {
        if (i >= fields) return s.isEmpty();
        int n = ends[i] - starts[i];
        if (n != s.length()) return false;
        for (int k = 0; k < n; k++) if (rec[starts[i] + k] != s.charAt(k)) return false;
        return true;
    }

    /** The current record as an array (for headers and small files). */
    public String[] record() {
        String[] r = new String[fields];
        for (int i = 0; i < fields; i++) r[i] = field(i);
        return r;
    }

    /** 1-based line on which the current record starts. */
    public long line() {
        return recordLine;
    }

    public String file() {
        return file;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
