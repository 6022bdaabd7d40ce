package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import frontier.sim.BadInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

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
 */
public final class BillingSource implements AutoCloseable {
    /** GCP columns a JSON line may omit when null: known to the mapper even if the first line lacks them. */
    private static final List<String> GCP_KEYS = List.of(
            "billingaccountid",
            "servicedescription",
            "skuid",
            "skudescription",
            "usagestarttime",
            "usageendtime",
            "projectid",
            "locationregion",
            "locationlocation",
            "cost",
            "currency",
            "usageamount",
            "usageunit",
            "usageamountinpricingunits",
            "usagepricingunit",
            "costtype",
            "credits",
            "resourcename",
            "resourceglobalname",
            "costatlist",
            "labels",
            "systemlabels");

    private final Path origin;
    private final List<Path> parts;
    private final ReadOptions options;
    private final InputLimits limits;
    private ObjectMapper json;
    private final long totalBytes;
    private final MessageDigest digest;
    private final List<String> notes = new ArrayList<>();
    private volatile long bytesDone;
    private long bytesBefore;
    private int partIndex = -1;
    private Part part;
    private BillingFormat format;
    private String label;
    private CostBasis basis;
    private long rows;
    private String sha256;

    private BillingSource(Path origin, List<Path> parts, ReadOptions options) {
        this.origin = origin;
        this.parts = parts;
        this.options = options;
        this.limits = options.limits();
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
        return format;
    }

    /** The format with its version or variant, e.g. "FOCUS 1.2", "AWS CUR 2.0", "Azure cost details (amortized)". */
    public String formatLabel() {
        return label;
    }

    public CostBasis basis() {
        return basis;
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

    /** One data file: its streams, its header, its mapper. */
    private final class Part {
        final Path path;
        final String name;
        CountingInputStream counter;
        InputStream raw;
        CsvParser csv;
        ParquetRows parquet;
        BufferedReader jsonReader;
        long jsonLine;
        Columns columns;
        RowMapper mapper;
        Row row;

        Part(Path path) {
            this.path = path;
            this.name = path.toString();
        }

        long line() {
            if (parquet != null) return parquet.line();
            return csv != null ? csv.line() : jsonLine;
        }

        /** Raw bytes of this part once it has been read. */
        long size() {
            return parquet != null ? partSize() : counter.count();
        }

        void open() {
            if (ParquetRows.isParquet(path)) {
                openParquet();
                return;
            }
            try {
                counter = new CountingInputStream(Files.newInputStream(path), digest, n -> bytesDone = bytesBefore + n);
                raw = counter;
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
                Reader reader = InputFiles.utf8(text);
                if (first == '{') openJson(reader);
                else openCsv(reader);
            } catch (NoSuchFileException e) {
                throw new BadInputException(name + ": no such file");
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                throw new BadInputException(name + ": cannot read the file (" + cause.getMessage() + ")", e);
            }
        }

        /** A Parquet part: its top-level columns are the header; its bytes are hashed once its rows are read. */
        private void openParquet() {
            parquet = ParquetRows.open(path, name);
            columns = new Columns(parquet.columnNames());
            choose(columns);
            parquet.start(columns.used());
            row = parquet;
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

        /** Once all rows are read: a Parquet part's bytes go into the export's hash (CSV parts are hashed as they stream). */
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

        private int firstNonBlank(InputStream in) throws IOException {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b < 0) return -1;
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) continue;
                return b;
            }
            return -1;
        }

        private void openCsv(Reader reader) {
            csv = new CsvParser(reader, name, limits);
            if (!csv.next())
                throw new BadInputException(name + ": the file is empty; expected a header line of column names");
            String[] header = csv.record();
            columns = new Columns(List.of(header));
            choose(columns);
            int width = header.length;
            row = new Row() {
                @Override
                public String get(int i) {
                    if (csv.isEmpty(i)) return null;
                    if (!csv.isQuoted(i) && csv.fieldEquals(i, "NULL")) return null;
                    return csv.field(i);
                }

                @Override
                public long line() {
                    return csv.line();
                }

                @Override
                public String file() {
                    return name;
                }

                @Override
                public String columnName(int i) {
                    return i < width ? header[i] : "#" + (i + 1);
                }

                @Override
                public String describeColumn(int i) {
                    return "column " + (i + 1) + " (" + columnName(i) + ")";
                }
            };
        }

        private void openJson(Reader reader) throws IOException {
            jsonReader = new BufferedReader(new LineLimitReader(reader, name, limits), 1 << 16);
            if (json == null) {
                json = JsonMapper.builder(limits.jsonFactory())
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .build();
            }
            Map<String, String> first = readJsonLine();
            if (first == null) throw new BadInputException(name + ": the file is empty; expected JSON lines");
            Set<String> keys = new LinkedHashSet<>(first.keySet());
            Columns detect = new Columns(new ArrayList<>(keys));
            keys.addAll(GCP_KEYS);
            List<String> names = new ArrayList<>(keys);
            columns = new Columns(names);
            chooseJson(detect);
            pending = first;
            row = new Row() {
                @Override
                public String get(int i) {
                    String v = current.get(names.get(i));
                    return v == null || v.isEmpty() ? null : v;
                }

                @Override
                public long line() {
                    return jsonLine;
                }

                @Override
                public String file() {
                    return name;
                }

                @Override
                public String columnName(int i) {
                    return names.get(i);
                }

                @Override
                public String describeColumn(int i) {
                    return "field " + names.get(i);
                }
            };
        }

        Map<String, String> pending;
        Map<String, String> current;

        /** The next JSON line flattened to canonical keys, or null at the end. */
        private Map<String, String> readJsonLine() throws IOException {
            String text;
            do {
                text = jsonReader.readLine();
                if (text == null) return null;
                jsonLine++;
            } while (text.isBlank());
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (StreamConstraintsException e) {
                throw new BadInputException(name + ": line " + jsonLine + column(e) + ": "
                        + limits.jsonLimitMessage(e.getOriginalMessage()));
            } catch (JsonProcessingException e) {
                throw new BadInputException(name + ": line " + jsonLine + column(e)
                        + ": expected one JSON object per line (" + e.getOriginalMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new BadInputException(name + ": line " + jsonLine + ": expected a JSON object, got "
                        + (node == null
                                ? "nothing"
                                : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
            }
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", node, flat);
            return flat;
        }

        /** Jackson's location may be missing (a limit error raised outside the parser): then only the line is known. */
        private static String column(JsonProcessingException e) {
            var loc = e.getLocation();
            return loc == null || loc.getColumnNr() < 1 ? "" : ", column " + loc.getColumnNr();
        }

        private void flatten(String prefix, JsonNode node, Map<String, String> out) {
            var it = node.properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                String key = prefix + Columns.canon(e.getKey());
                JsonNode v = e.getValue();
                if (v.isObject()) {
                    flatten(key, v, out);
                    continue;
                }
                String text = v.isArray()
                        ? v.toString()
                        : v.isNull()
                                ? null
                                : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
                if (text == null) continue;
                if (out.put(key, text) != null) {
                    // "cost" and "Cost", or "service.description" and "service_description": which one counts would be
                    // an accident.
                    throw new BadInputException(name + ": line " + jsonLine + ": two keys mean the same field '" + key
                            + "' (keys are compared by their letters and digits only); keep one");
                }
            }
        }

        private void chooseJson(Columns detect) {
            use(FormatDetection.ofJsonLines(detect, options.format(), name), columns, true);
        }

        private void choose(Columns c) {
            BillingFormat found = FormatDetection.of(c, options.format(), name);
            c.clearAmbiguous();
            use(found, c, false);
            c.requireUnambiguous(name);
        }

        /** Reads this part as {@code f}: its mapper, and its label and basis, which every part of a manifest shares. */
        private void use(BillingFormat f, Columns c, boolean jsonLines) {
            BillingFormat.Reader r =
                    f.reader(c, new BillingFormat.Context(options, origin, BillingSource.this::addNote, jsonLines));
            setFormat(f, r.label(), r.basis());
            mapper = r.mapper();
        }

        private void setFormat(BillingFormat f, String l, CostBasis b) {
            if (format == null) {
                format = f;
                label = l;
                basis = b;
            } else if (format != f || basis != b) {
                throw new BadInputException(
                        name + ": is a " + l + " file, but the earlier parts of " + origin + " are " + label);
            }
        }

        Charge next() {
            if (parquet != null) {
                if (!parquet.next()) return null;
                if ((parquet.rowsRead() & 1023) == 0) bytesDone = bytesBefore + progressBytes(parquet.rowsRead());
                return mapper.map(row);
            }
            if (csv != null) {
                if (!csv.next()) return null;
                if (csv.size() != columns.size()) {
                    throw new BadInputException(name + ": line " + csv.line() + ": expected " + columns.size()
                            + " fields as in the header, found " + csv.size());
                }
                return mapper.map(row);
            }
            try {
                current = pending != null ? pending : readJsonLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pending = null;
            if (current == null) return null;
            return mapper.map(row);
        }

        void close() {
            if (parquet != null) parquet.close();
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
