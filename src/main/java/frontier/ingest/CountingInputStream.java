package frontier.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * A file's raw bytes as a reader consumes them: counted (each read tells {@code counted} the total so far,
 * which a reader publishes for progress on other threads) and, when a digest is given, hashed. Every
 * byte must pass through a read to be counted and hashed, so {@link #skip} is refused.
 */
public final class CountingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final LongConsumer counted;
    private long count;

    /** {@code digest} may be null (count only). */
    public CountingInputStream(InputStream in, MessageDigest digest, LongConsumer counted) {
        super(in);
        this.digest = digest;
        this.counted = counted;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            if (digest != null) digest.update((byte) b);
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            if (digest != null) digest.update(b, off, n);
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        count += n;
        counted.accept(count);
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip not supported");
    }
}
