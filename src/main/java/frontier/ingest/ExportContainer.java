package frontier.ingest;

import frontier.sim.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * How one data file of a billing export is packed: Parquet (recognised by its {@code PAR1} magic, read by
 * {@link ParquetRowSource}), else text — plain, gzip or the first entry of a zip archive — whose first non-blank
 * byte tells JSON lines ({@code '{'}) from CSV. The text's raw bytes are counted and hashed as they are read.
 */
final class ExportContainer {
    /** A text part opened: its counted raw stream (to close), its UTF-8 text, and whether it holds JSON lines. */
    record Text(CountingInputStream raw, Reader reader, boolean jsonLines) {}

    private ExportContainer() {}

    static boolean isParquet(Path file) {
        return ParquetRows.isParquet(file);
    }

    /**
     * Opens a text part, unpacking gzip or zip; its raw bytes go into {@code digest} and their count to
     * {@code progress}. On failure the file is closed again.
     */
    static Text openText(Path path, String name, MessageDigest digest, LongConsumer progress) throws IOException {
        CountingInputStream counter = new CountingInputStream(Files.newInputStream(path), digest, progress);
        try {
            BufferedInputStream in = new BufferedInputStream(counter, 1 << 16);
            InputStream data =
                    switch (InputFiles.packing(in)) {
                        case GZIP -> new GZIPInputStream(in, 1 << 16);
                        case ZIP -> {
                            ZipInputStream zip = new ZipInputStream(in);
                            if (zip.getNextEntry() == null)
                                throw new BadInputException(name + ": the zip archive is empty");
                            yield zip;
                        }
                        case PLAIN -> in;
                    };
            BufferedInputStream text = new BufferedInputStream(data, 1 << 16);
            text.mark(4096);
            int first = firstNonBlank(text);
            text.reset();
            return new Text(counter, InputFiles.utf8(text), first == '{');
        } catch (IOException | RuntimeException e) {
            try {
                counter.close();
            } catch (IOException ignored) {
                // Closing a file we only read: nothing to do.
            }
            throw e;
        }
    }

    private static int firstNonBlank(InputStream in) throws IOException {
        for (int i = 0; i < 4096; i++) {
            int b = in.read();
            if (b < 0) return -1;
            if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) continue;
            return b;
        }
        return -1;
    }
}
