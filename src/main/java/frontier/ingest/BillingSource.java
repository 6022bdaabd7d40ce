package frontier.ingest;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One billing export opened for streaming: a CSV or JSONL file (plain, gzip or zip), a Parquet file
 * (recognised by its {@code PAR1} magic, read through {@link ParquetRows}), or an AWS CUR manifest
 * whose parts are read one after the other as one export. The format is detected from the header (a
 * Parquet file's top-level column names) or insisted on through {@link ReadOptions}; {@link #next()}
 * returns normalised {@link Charge}s until null. Memory stays flat whatever the size: one record at a time.
 *
 * <p>{@link #sha256()} is the hash of the raw bytes of all parts, known once the source is exhausted;
 * {@link #bytesRead()} may be read from another thread for progress. Anything wrong with the input
 * is a {@link BadInputException} naming file, line and column.
 *
 * <p>The work is shared out: {@link ExportContainer} opens a part (Parquet, or text plain, gzip or zip),
 * {@link CsvRowSource}, {@link JsonLinesRowSource} and {@link ParquetRowSource} give its rows, {@link ExportFormat}
 * detects the format and makes the mapper; this class strings the parts together, counts, hashes and reports.
 */
public final class BillingSource implements AutoCloseable {
    private final Path origin;
    private final List<Path> parts;
    private final InputLimits limits;
    private final ExportFormat formats;
    private final long totalBytes;
    private final MessageDigest digest;
    private final List<String> notes = new ArrayList<>();
    private volatile long bytesDone;
    private long bytesBefore;
    private int partIndex = -1;
    private Part part;
    private long rows;
    private String sha256;

    private BillingSource(Path origin, List<Path> parts, ReadOptions options) {
        this.origin = origin;
        this.parts = parts;
        this.limits = options.limits();
        this.formats = new ExportFormat(options, origin, this::addNote);
        long total = 0;
        for (Path p : parts) {
            try {
                total += Files.size(p);
            } catch (NoSuchFileException e) {
                throw new BadInputException(p + ": no such file");
            } catch (IOException e) {
                throw new BadInputException(p + ": cannot read: " + e.getMessage());
            }
        }
        this.totalBytes = total;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code file} (an export or an AWS CUR manifest) and reads its header to detect the format. */
    public static BillingSource open(Path file, ReadOptions options) {
        InputFiles.requireFile(file, "a billing export file");
        List<Path> parts = Manifest.isManifest(file) ? Manifest.parts(file) : List.of(file);
        BillingSource s = new BillingSource(file, parts, options);
        try {
            s.openNextPart();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The next charge, or null when every part has been read. */
    public Charge next() {
        while (part != null) {
            Charge c;
            try {
                c = part.next();
            } catch (UncheckedIOException e) {
                throw new BadInputException(
                        part.name + ": line " + part.line() + ": cannot read the file ("
                                + e.getCause().getMessage() + "); is it truncated or corrupt?",
                        e);
            }
            if (c != null) {
                rows++;
                return c;
            }
            part.finish();
            part.close();
            bytesBefore += part.size();
            part = null;
            if (partIndex + 1 < parts.size()) openNextPart();
        }
        if (rows == 0) {
            // Refused rather than stored: an empty import would pass for a period without charges (docs/formats.md,
            // Decisions).
            throw new BadInputException(
                    origin + ": no data rows (the file has a header but no charges); nothing to import");
        }
        if (sha256 == null) sha256 = HexFormat.of().formatHex(digest.digest());
        return null;
    }

    private void openNextPart() {
        partIndex++;
        Path p = parts.get(partIndex);
        part = new Part(p);
        try {
            part.open();
        } catch (RuntimeException e) {
            part.close();
            throw e;
        }
    }

    /** The file given to {@link #open}. */
    public Path origin() {
        return origin;
    }

    /** The data files read, in order (one unless {@link #origin()} is a manifest). */
    public List<Path> parts() {
        return parts;
    }

    public BillingFormat format() {
        return formats.format();
    }

    /** The format with its version or variant, e.g. "FOCUS 1.2", "AWS CUR 2.0", "Azure cost details (amortized)". */
    public String formatLabel() {
        return formats.label();
    }

    public CostBasis basis() {
        return formats.basis();
    }

    /** Things the user should know that are not errors (e.g. an assumed cost basis). */
    public List<String> notes() {
        return notes;
    }

    /** Raw bytes of all parts. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Raw bytes consumed so far; safe to read from any thread. */
    public long bytesRead() {
        return bytesDone;
    }

    public long rowsRead() {
        return rows;
    }

    /** Hex SHA-256 of the raw bytes of all parts; null until {@link #next()} has returned null. */
    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        if (part != null) part.close();
        part = null;
    }

    /** One data file: its container, its rows, its mapper. */
    private final class Part {
        final Path path;
        final String name;
        CountingInputStream raw;
        ParquetRowSource parquet;
        RowSource rows;
        RowMapper mapper;

        Part(Path path) {
            this.path = path;
            this.name = path.toString();
        }

        long line() {
            return rows == null ? 0 : rows.line();
        }

        /** Raw bytes of this part once it has been read. */
        long size() {
            return parquet != null ? partSize() : raw.count();
        }

        void open() {
            if (ExportContainer.isParquet(path)) {
                parquet = ParquetRowSource.open(path, name);
                rows = parquet;
                mapper = formats.mapperFor(rows, name);
                parquet.start();
                return;
            }
            try {
                ExportContainer.Text text =
                        ExportContainer.openText(path, name, digest, n -> bytesDone = bytesBefore + n);
                raw = text.raw();
                rows = text.jsonLines()
                        ? JsonLinesRowSource.open(text.reader(), name, limits)
                        : CsvRowSource.open(text.reader(), name, limits);
            } catch (NoSuchFileException e) {
                throw new BadInputException(name + ": no such file");
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                throw new BadInputException(name + ": cannot read the file (" + cause.getMessage() + ")", e);
            }
            mapper = formats.mapperFor(rows, name);
        }

        /** Progress through a Parquet part, in bytes: its size in proportion to the rows read. */
        private long progressBytes(long rowsRead) {
            long n = parquet.rowCount();
            long size = partSize();
            return n == 0 ? size : (long) (size * ((double) rowsRead / n));
        }

        private long partSize() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new BadInputException(name + ": cannot read the file (" + e.getMessage() + ")", e);
            }
        }

        /** Once all rows are read: a Parquet part's bytes go into the export's hash (text parts are hashed as they stream). */
        void finish() {
            if (parquet == null) return;
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) digest.update(buf, 0, n);
            } catch (IOException e) {
                throw new BadInputException(name + ": cannot read the file (" + e.getMessage() + ")", e);
            }
            bytesDone = bytesBefore + partSize();
        }

        Charge next() {
            if (!rows.next()) return null;
            if (parquet != null && (parquet.rowsRead() & 1023) == 0)
                bytesDone = bytesBefore + progressBytes(parquet.rowsRead());
            return mapper.map(rows.row());
        }

        void close() {
            if (rows != null) rows.close();
            try {
                if (raw != null) raw.close();
            } catch (IOException e) {
                // Closing a file we only read: nothing to do.
            }
        }
    }

    private void addNote(String note) {
        if (!notes.contains(note)) notes.add(note);
    }
}
