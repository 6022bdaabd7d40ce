package frontier.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses, with file, line and limit, a line longer than {@link InputLimits#maxLineChars}
 * before anything above it (a {@code BufferedReader.readLine}, a JSON parser) has buffered it: the line
 * readers of JSON Lines and access logs would otherwise hold a whole hostile line in memory.
 */
public final class LineLimitReader extends FilterReader {
    private final String file;
    private final InputLimits limits;
    private long line = 1;
    private long column;

    public LineLimitReader(Reader in, String file, InputLimits limits) {
        super(in);
        this.file = file;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) count((char) c);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = off; i < off + n; i++) count(buf[i]);
        return n;
    }

    private void count(char c) {
        if (c == '\n') {
            line++;
            column = 0;
        } else if (++column > limits.maxLineChars()) {
            throw limits.lineTooLong(file + ": line " + line);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        char[] b = new char[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int r = read(b, 0, (int) Math.min(b.length, n - done));
            if (r < 0) break;
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
