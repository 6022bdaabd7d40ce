package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardwood.InputFile;
import dev.hardwood.metadata.ColumnChunk;
import dev.hardwood.metadata.CompressionCodec;
import dev.hardwood.metadata.LogicalType;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.metadata.RowGroup;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import dev.hardwood.row.PqList;
import dev.hardwood.row.PqMap;
import dev.hardwood.row.PqStruct;
import dev.hardwood.schema.ColumnProjection;
import dev.hardwood.schema.SchemaNode;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Parquet file read row by row, each row shown through {@link Row} as the text a CSV export of the same
 * data holds, so the format mappers serve CSV and Parquet alike: strings as they are, doubles in their
 * shortest exact decimal form, decimals as plain text, timestamps as ISO-8601 UTC instants
 * ({@code 2024-09-01T00:00:00Z}; INT64 milli-, micro- and nanoseconds and legacy INT96 alike), and
 * nested columns (CUR 2.0's {@code resource_tags}, {@code product}, {@code cost_category},
 * {@code discount} maps) as JSON objects, which is how AWS writes them in CSV exports.
 *
 * <p>Reading streams through Hardwood one row group at a time (the file is memory-mapped, pages are
 * decoded in batches), so memory does not grow with the file; it grows with the number of columns
 * decoded, so {@link #start} decodes only the columns the mapper reads (about 30 of CUR 2.0's 125).
 * Anything Hardwood cannot decode — a truncated file, a corrupt footer or page, a codec without a
 * decoder — is a {@link BadInputException} naming the file, the row (and row group) reached and the
 * column where known. Rows are numbered from 1 in file order; that number stands in for the CSV line
 * in messages and in {@link Charge#line()}.
 */
final class ParquetRows extends NamedRow implements AutoCloseable {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Hardwood logs its codec and SIMD choices at INFO through java.util.logging; a CLI import should not print them. */
    private static final Logger HARDWOOD_LOG = Logger.getLogger("dev.hardwood");
    /**
     * Hardwood keeps up to this many decoded pages per column in flight; its default, 8, needs more than
     * 512 MB of heap for 56 columns of 1 MB pages, 2 (with only the mapper's 28 columns decoded) reads a
     * 1-million-row CUR file within 256 MB at the same speed (docs/billing.md). An internal Hardwood setting
     * read once when its column workers load, so it is set here, before first use, unless the user set it.
     */
    private static final String PAGES_IN_FLIGHT = "hardwood.internal.maxOutstanding";
    /** Codecs with a decoder on the class path: AWS writes Snappy; ZSTD, LZ4 and Brotli would need more native libraries. */
    private static final Set<CompressionCodec> CODECS =
            Set.of(CompressionCodec.UNCOMPRESSED, CompressionCodec.SNAPPY, CompressionCodec.GZIP);

    static {
        HARDWOOD_LOG.setLevel(Level.WARNING);
        if (System.getProperty(PAGES_IN_FLIGHT) == null) System.setProperty(PAGES_IN_FLIGHT, "2");
    }

    private enum Kind {
        VALUE,
        TIMESTAMP,
        NESTED
    }

    private final ParquetFileReader file;
    private RowReader reader;
    /** The reader's field index of each top-level column, -1 for columns not decoded. */
    private int[] fieldOf;

    private final Kind[] kinds;
    private final long[] rowGroupEnds;
    private final long rowCount;
    /** Per-row cache of converted values: the mappers read some columns more than once. */
    private final String[] values;

    private final long[] convertedAt;
    /** The last raw value and its text per column: exports repeat dates, rates and account ids row after row. */
    private final Object[] lastRaw;

    private final String[] lastText;
    private long row;

    private ParquetRows(Path path, String name) {
        super(name, new ArrayList<>(), "column");
        ParquetFileReader f = null;
        try {
            f = ParquetFileReader.open(InputFile.of(path));
            List<RowGroup> groups = f.getFileMetaData().rowGroups();
            rowGroupEnds = new long[groups.size()];
            long total = 0;
            for (int g = 0; g < groups.size(); g++) {
                long n = groups.get(g).numRows();
                if (n < 0)
                    throw new BadInputException(
                            name + ": Parquet row group " + (g + 1) + " claims " + n + " rows; the footer is corrupt");
                total += n;
                rowGroupEnds[g] = total;
            }
            rowCount = total;
            List<SchemaNode> fields = f.getFileSchema().getRootNode().children();
            kinds = new Kind[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                SchemaNode n = fields.get(i);
                names.add(n.name());
                kinds[i] = kind(n);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(null, f);
            if (e instanceof BadInputException b) throw b;
            throw new BadInputException(
                    name + ": cannot read the Parquet footer (" + message(e) + "); is the file truncated or corrupt?",
                    e);
        }
        file = f;
        values = new String[kinds.length];
        convertedAt = new long[kinds.length];
        lastRaw = new Object[kinds.length];
        lastText = new String[kinds.length];
    }

    /** Opens {@code path} (shown as {@code name} in messages) and reads its footer and schema; {@link #start} before reading rows. */
    static ParquetRows open(Path path, String name) {
        return new ParquetRows(path, name);
    }

    /** True when the file starts with Parquet's magic bytes {@code PAR1} (content, not the file name, decides). */
    static boolean isParquet(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static Kind kind(SchemaNode n) {
        if (n instanceof SchemaNode.PrimitiveNode p) {
            boolean timestamp = p.type() == PhysicalType.INT96 || p.logicalType() instanceof LogicalType.TimestampType;
            return timestamp ? Kind.TIMESTAMP : Kind.VALUE;
        }
        return Kind.NESTED;
    }

    /** The top-level column names, in schema order: the "header" the format is detected from. */
    List<String> columnNames() {
        return names;
    }

    /**
     * Starts reading rows, decoding only {@code columns} (indexes into {@link #columnNames()}; all when empty).
     * A column left out reads as an internal error, never as empty: a mapper must find what it reads.
     */
    void start(BitSet columns) {
        BitSet wanted = columns.isEmpty() ? allColumns() : columns;
        String[] projected = wanted.stream().mapToObj(names::get).toArray(String[]::new);
        try {
            refuseUnreadableCodecs(new HashSet<>(Arrays.asList(projected)));
            reader = file.buildRowReader()
                    .projection(ColumnProjection.columns(projected))
                    .build();
            Map<String, Integer> byName = new HashMap<>();
            for (int j = 0; j < reader.getFieldCount(); j++) byName.put(reader.getFieldName(j), j);
            fieldOf = new int[names.size()];
            Arrays.fill(fieldOf, -1);
            for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
                Integer j = byName.get(names.get(i));
                if (j == null)
                    throw new BadInputException(name + ": the Parquet rows lack column " + names.get(i)
                            + " of the schema; the footer is corrupt");
                fieldOf[i] = j;
            }
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw decodingFailure(where(1) + ": cannot decode the Parquet data", e);
        }
    }

    private void refuseUnreadableCodecs(Set<String> columns) {
        List<RowGroup> groups = file.getFileMetaData().rowGroups();
        for (int g = 0; g < groups.size(); g++) {
            for (ColumnChunk c : groups.get(g).columns()) {
                if (c.metaData() == null || c.metaData().pathInSchema() == null) continue;
                CompressionCodec codec = c.metaData().codec();
                if (codec == null
                        || CODECS.contains(codec)
                        || !columns.contains(c.metaData().pathInSchema().topLevelName())) continue;
                throw new BadInputException(
                        name + ": column " + c.metaData().pathInSchema() + " of row group " + (g + 1) + " is " + codec
                                + "-compressed; Frontier reads uncompressed, Snappy and GZIP Parquet (AWS writes Snappy)");
            }
        }
    }

    private BitSet allColumns() {
        BitSet all = new BitSet();
        all.set(0, names.size());
        return all;
    }

    /** Rows in the file according to its footer. */
    long rowCount() {
        return rowCount;
    }

    long rowsRead() {
        return row;
    }

    /** Moves to the next row; false at the end of the file. */
    boolean next() {
        try {
            if (!reader.hasNext()) {
                if (row != rowCount) {
                    throw new BadInputException(name + ": the Parquet footer promises " + rowCount
                            + " rows, the data holds " + row + "; is the file corrupt?");
                }
                return false;
            }
            reader.next();
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw decodingFailure(where(row + 1) + ": cannot decode the Parquet data", e);
        }
        row++;
        return true;
    }

    @Override
    public String get(int i) {
        if (convertedAt[i] == row) return values[i];
        int j = fieldOf[i];
        if (j < 0)
            throw new IllegalStateException("column " + names.get(i)
                    + " was read but not decoded: a mapper must find its columns through Columns");
        String v;
        try {
            v = convert(i, j);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadInputException(
                    where(row) + ", column " + names.get(i) + ": cannot decode the Parquet value (" + message(e)
                            + "); is the file corrupt?",
                    e);
        }
        values[i] = v;
        convertedAt[i] = row;
        return v;
    }

    private String convert(int i, int j) {
        if (reader.isNull(j)) return null;
        return switch (kinds[i]) {
            case TIMESTAMP -> {
                Object t = reader.getValue(j);
                if (t instanceof byte[]) t = reader.getTimestamp(j);
                yield cached(i, t);
            }
            case NESTED -> {
                JsonNode n = json(reader.getValue(j));
                yield n.isEmpty() ? null : write(n);
            }
            case VALUE -> {
                String s = cached(i, reader.getValue(j));
                yield s == null || s.isEmpty() ? null : s;
            }
        };
    }

    private String cached(int i, Object raw) {
        if (raw instanceof String s) return s;
        if (raw != null && raw.equals(lastRaw[i])) return lastText[i];
        String t = text(raw);
        lastRaw[i] = raw;
        lastText[i] = t;
        return t;
    }

    /** A scalar value as a CSV export writes it. */
    private static String text(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Double d -> decimal(Double.toString(d));
            case Float f -> decimal(Float.toString(f));
            case BigDecimal d -> d.toPlainString();
            case Instant t -> t.toString();
            // Parquet timestamps not adjusted to UTC carry no zone; the CSV rule for zoneless times applies (UTC).
            case LocalDateTime t -> t.toString();
            case LocalDate d -> d.toString();
            case LocalTime t -> t.toString();
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            default -> v.toString();
        };
    }

    /** Double.toString's shortest round-trip digits, without its exponent form ("1.0E-5"). */
    private static String decimal(String s) {
        if (s.indexOf('E') < 0) return s;
        return new BigDecimal(s).toPlainString();
    }

    private static JsonNode json(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v) {
            case null -> f.nullNode();
            case PqMap m -> {
                ObjectNode o = f.objectNode();
                for (PqMap.Entry e : m.getEntries())
                    o.set(String.valueOf(text(e.getKey())), json(e.isValueNull() ? null : e.getValue()));
                yield o;
            }
            case PqList l -> {
                ArrayNode a = f.arrayNode();
                for (Object x : l.values()) a.add(json(x));
                yield a;
            }
            case PqStruct s -> {
                ObjectNode o = f.objectNode();
                for (int j = 0; j < s.getFieldCount(); j++)
                    o.set(s.getFieldName(j), json(s.isNull(j) ? null : s.getValue(j)));
                yield o;
            }
            case Boolean b -> f.booleanNode(b);
            case Integer n -> f.numberNode(n);
            case Long n -> f.numberNode(n);
            case Double d when Double.isFinite(d) -> f.numberNode(new BigDecimal(Double.toString(d)));
            case Float d when Float.isFinite(d) -> f.numberNode(new BigDecimal(Float.toString(d)));
            case BigDecimal d -> f.numberNode(d);
            default -> f.textNode(text(v));
        };
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long line() {
        return row;
    }

    /** The current row's place: rows (and row groups) stand in for lines. */
    @Override
    public String where() {
        return where(row);
    }

    /** "FILE: row 1234 (row group 2)". */
    private String where(long r) {
        int g = 0;
        while (g < rowGroupEnds.length - 1 && rowGroupEnds[g] < r) g++;
        return name + ": row " + r
                + (rowGroupEnds.length > 1 ? " (row group " + (g + 1) + " of " + rowGroupEnds.length + ")" : "");
    }

    /**
     * A decoder failure as bad input ("is the file corrupt?"), except running out of heap inside Hardwood's
     * decoder threads, which it reports as a RuntimeException: that is no fault of the file.
     */
    private RuntimeException decodingFailure(String what, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new IllegalStateException(
                        name + ": out of Java heap while decoding Parquet; give Frontier more memory (-Xmx)", e);
            }
        }
        return new BadInputException(what + " (" + message(e) + "); is the file truncated or corrupt?", e);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        closeQuietly(reader, file);
    }

    private static void closeQuietly(RowReader r, ParquetFileReader f) {
        try {
            if (r != null) r.close();
        } catch (RuntimeException e) {
            // Closing after a decoding failure: the failure is what the user needs to see.
        }
        try {
            if (f != null) f.close();
        } catch (IOException | RuntimeException e) {
            // As above.
        }
    }
}
