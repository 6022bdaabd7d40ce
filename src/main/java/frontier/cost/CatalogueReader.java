package frontier.cost;

import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import frontier.text.Csv;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the three catalogue CSV kinds (instances, spot interruptions, serverless rates), telling them apart by
 * their header. Strict: unknown columns are errors unless they start with {@code x_}; every error names the
 * file, the line, the column and what was expected; a key repeated within the rows read is an error naming
 * both places.
 */
final class CatalogueReader {
    enum Kind {
        INSTANCES,
        INTERRUPTIONS,
        SERVERLESS
    }

    static final List<String> INSTANCE_COLUMNS = List.of(
            "provider",
            "region",
            "instance_type",
            "gpu_model",
            "gpus",
            "vcpus",
            "memory_gib",
            "pricing_model",
            "usd_per_hour",
            "source",
            "as_of");
    static final List<String> INTERRUPTION_COLUMNS =
            List.of("provider", "region", "instance_type", "bucket", "monthly_frequency", "source", "as_of");
    static final List<String> SERVERLESS_COLUMNS = List.of(
            "platform",
            "region",
            "usd_per_request",
            "usd_per_gb_second",
            "usd_per_vcpu_second",
            "usd_per_gpu_second",
            "billing_increment_s",
            "source",
            "as_of");
    private static final Set<String> OPTIONAL = Set.of("gpu_model", "gpus", "monthly_frequency");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,15})?|\\.\\d{1,15}");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
    private static final BigDecimal MAX_USD_PER_HOUR = new BigDecimal("100000");

    /** A row with where it was read, for duplicate messages. */
    record Located<T>(T row, String where) {}

    /** Rows collected from one or more files, keyed as the catalogue keys them. */
    static final class Rows {
        final Map<String, Located<InstancePrice>> instances = new LinkedHashMap<>();
        final Map<String, Located<SpotInterruption>> interruptions = new LinkedHashMap<>();
        final Map<String, Located<ServerlessRate>> serverless = new LinkedHashMap<>();
    }

    private CatalogueReader() {}

    /** Reads one CSV text named {@code file} into {@code into}; returns the kind it recognised. */
    static Kind read(String text, String file, Rows into) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(false)
                .get();
        CSVParser parser;
        try {
            parser = format.parse(new StringReader(text));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": line 1: cannot read the CSV header (" + e.getMessage() + ")", e);
        }
        List<String> header =
                parser.getHeaderNames().stream().map(String::strip).toList();
        if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
            throw new BadInputException(file + ": line 1: empty file; expected a header line (see docs/pricing.md)");
        }
        Kind kind = kindOf(header, file);
        List<String> known =
                switch (kind) {
                    case INSTANCES -> INSTANCE_COLUMNS;
                    case INTERRUPTIONS -> INTERRUPTION_COLUMNS;
                    case SERVERLESS -> SERVERLESS_COLUMNS;
                };
        for (String h : header) {
            if (!known.contains(h) && !h.startsWith("x_")) {
                throw new BadInputException(file + ": line 1: unknown column '" + h + "'; the columns of a "
                        + kind.name().toLowerCase(Locale.ROOT) + " file are " + known
                        + " (extra columns must start with x_)");
            }
        }
        for (String k : known) {
            if (!OPTIONAL.contains(k) && !header.contains(k)) {
                throw new BadInputException(file + ": line 1: missing column '" + k + "'; the columns of a "
                        + kind.name().toLowerCase(Locale.ROOT) + " file are " + known);
            }
        }
        try {
            for (CSVRecord r : parser) {
                int line = lineOf(text, lineStarts, r.getCharacterPosition());
                if (r.size() != header.size()) {
                    throw new BadInputException(file + ": line " + line + ": expected " + header.size()
                            + " fields as in the header, found " + r.size());
                }
                Row row = new Row(file, line, header, r);
                switch (kind) {
                    case INSTANCES -> {
                        InstancePrice p = readInstance(row);
                        put(
                                into.instances,
                                PriceCatalogue.instanceKey(
                                        p.provider(), p.region(), p.instanceType(), p.pricingModel()),
                                p,
                                row);
                    }
                    case INTERRUPTIONS -> {
                        SpotInterruption s = readInterruption(row);
                        put(
                                into.interruptions,
                                PriceCatalogue.interruptionKey(s.provider(), s.region(), s.instanceType()),
                                s,
                                row);
                    }
                    case SERVERLESS -> {
                        ServerlessRate s = readServerless(row);
                        put(into.serverless, PriceCatalogue.serverlessKey(s.platform(), s.region()), s, row);
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new BadInputException(
                    file + ": near line " + parser.getCurrentLineNumber() + ": malformed CSV (" + e.getMessage() + ")",
                    e);
        }
        return kind;
    }

    private static Kind kindOf(List<String> header, String file) {
        if (header.contains("usd_per_hour")) return Kind.INSTANCES;
        if (header.contains("bucket")) return Kind.INTERRUPTIONS;
        if (header.contains("platform")) return Kind.SERVERLESS;
        throw new BadInputException(
                file + ": line 1: cannot tell what this catalogue file holds; expected a header with "
                        + "usd_per_hour (instance prices), bucket (spot interruptions) or platform (serverless rates), got "
                        + header);
    }

    private static <T> void put(Map<String, Located<T>> map, String key, T value, Row row) {
        Located<T> before = map.get(key);
        if (before != null) {
            throw new BadInputException(row.file + ": line " + row.line + ": duplicates " + before.where() + " (same "
                    + keyDescription(value) + ")");
        }
        map.put(key, new Located<>(value, row.file + " line " + row.line));
    }

    private static String keyDescription(Object value) {
        return switch (value) {
            case InstancePrice p ->
                "provider, region, instance_type and pricing_model: " + p.provider() + ", " + p.region() + ", "
                        + p.instanceType() + ", " + p.pricingModel().catalogueCode();
            case SpotInterruption s ->
                "provider, region and instance_type: " + s.provider() + ", " + s.region() + ", " + s.instanceType();
            case ServerlessRate s -> "platform and region: " + s.platform() + ", " + s.region();
            default -> "key";
        };
    }

    private static InstancePrice readInstance(Row r) {
        String provider = r.name("provider", "a provider name such as aws, gcp or azure");
        String region = r.token("region", "a region name such as us-east-1");
        String type = r.token("instance_type", "an instance type name such as g5.xlarge");
        int gpus = r.has("gpus") && !r.raw("gpus").isEmpty() ? r.integer("gpus", 0, 1024) : 0;
        String gpuModel = r.has("gpu_model") ? r.raw("gpu_model") : "";
        if (gpus > 0 && gpuModel.isEmpty())
            throw r.error("gpu_model", "a GPU model such as L4 because gpus is " + gpus, gpuModel);
        if (gpus == 0 && !gpuModel.isEmpty())
            throw r.error(
                    "gpus",
                    "a number of GPUs >= 1 because gpu_model is '" + gpuModel + "'",
                    r.has("gpus") ? r.raw("gpus") : "");
        int vcpus = r.integer("vcpus", 1, 100_000);
        double memory =
                r.decimal("memory_gib", "a positive number of GiB such as 16").doubleValue();
        if (!(memory > 0 && memory <= 1_000_000))
            throw r.error("memory_gib", "a positive number of GiB such as 16", r.raw("memory_gib"));
        String pm = r.raw("pricing_model");
        PricingModel model = PricingModel.fromCatalogue(pm)
                .filter(m -> m != PricingModel.SERVERLESS)
                .orElseThrow(() -> r.error(
                        "pricing_model",
                        "on_demand, spot or committed"
                                + (pm.equalsIgnoreCase("serverless")
                                        ? " (serverless rates go in a serverless file with a platform column)"
                                        : ""),
                        pm));
        BigDecimal usd = r.decimal("usd_per_hour", "a positive decimal number of US dollars such as 0.526");
        if (usd.signum() <= 0 || usd.compareTo(MAX_USD_PER_HOUR) > 0) {
            throw r.error(
                    "usd_per_hour",
                    "a positive decimal number of US dollars per hour, at most 100000",
                    r.raw("usd_per_hour"));
        }
        return new InstancePrice(
                provider,
                region,
                type,
                gpuModel.isEmpty() ? null : gpuModel,
                gpus,
                vcpus,
                memory,
                model,
                usd,
                r.text("source", "where the price comes from (a URL or a document)"),
                r.date("as_of"));
    }

    private static SpotInterruption readInterruption(Row r) {
        String provider = r.name("provider", "a provider name such as aws, gcp or azure");
        String region = r.token("region", "a region name such as us-east-1");
        String type = r.token("instance_type", "an instance type name such as g5.xlarge");
        String bucketText = r.raw("bucket");
        String bucket;
        try {
            bucket = SpotInterruption.canonicalBucket(bucketText);
        } catch (BadInputException e) {
            throw r.error("bucket", "one of " + String.join(", ", SpotInterruption.BUCKETS), bucketText);
        }
        String source = r.text("source", "where the bucket comes from (a URL or a document)");
        LocalDate asOf = r.date("as_of");
        if (r.has("monthly_frequency") && !r.raw("monthly_frequency").isEmpty()) {
            double f = r.decimal("monthly_frequency", "a probability from 0 to 1 (exclusive) such as 0.075")
                    .doubleValue();
            if (!(f >= 0 && f < 1))
                throw r.error(
                        "monthly_frequency",
                        "a probability from 0 to 1 (exclusive) such as 0.075",
                        r.raw("monthly_frequency"));
            return SpotInterruption.ofFrequency(provider, region, type, bucket, f, source, asOf);
        }
        return SpotInterruption.ofBucket(provider, region, type, bucket, source, asOf);
    }

    private static ServerlessRate readServerless(Row r) {
        String platform = r.name("platform", "a platform name such as aws-lambda or cloud-run");
        String region = r.token("region", "a region name such as us-east-1");
        BigDecimal perRequest =
                r.decimal("usd_per_request", "a decimal number of US dollars >= 0 (0 when not charged)");
        BigDecimal perGb = r.decimal("usd_per_gb_second", "a decimal number of US dollars >= 0 (0 when not charged)");
        BigDecimal perVcpu =
                r.decimal("usd_per_vcpu_second", "a decimal number of US dollars >= 0 (0 when not charged)");
        BigDecimal perGpu = r.decimal("usd_per_gpu_second", "a decimal number of US dollars >= 0 (0 when not charged)");
        if (perRequest.signum() == 0 && perGb.signum() == 0 && perVcpu.signum() == 0 && perGpu.signum() == 0) {
            throw r.error("usd_per_request", "at least one non-zero rate in the row", r.raw("usd_per_request"));
        }
        double increment = r.decimal("billing_increment_s", "a positive number of seconds such as 0.001")
                .doubleValue();
        if (!(increment > 0 && increment <= 3600)) {
            throw r.error(
                    "billing_increment_s",
                    "a positive number of seconds, at most 3600, such as 0.001",
                    r.raw("billing_increment_s"));
        }
        return new ServerlessRate(
                platform,
                region,
                perRequest,
                perGb,
                perVcpu,
                perGpu,
                increment,
                r.text("source", "where the rates come from (a URL or a document)"),
                r.date("as_of"));
    }

    /** One record with its header, for typed access with located errors. */
    private static final class Row {
        final String file;
        final int line;
        private final List<String> header;
        private final CSVRecord record;

        Row(String file, int line, List<String> header, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.record = record;
        }

        boolean has(String column) {
            return header.contains(column);
        }

        /** The cell, stripped; a formula neutralised by {@link CatalogueCsv} (a leading quote) read back as written. */
        String raw(String column) {
            return Csv.unneutralise(record.get(header.indexOf(column)).strip());
        }

        BadInputException error(String column, String expected, String got) {
            String shown = got.length() > 60 ? got.substring(0, 57) + "..." : got;
            return new BadInputException(file + ": line " + line + ", column '" + column + "': expected " + expected
                    + ", got " + (shown.isEmpty() ? "an empty value" : "'" + shown + "'"));
        }

        String text(String column, String expected) {
            String v = raw(column);
            if (v.isEmpty()) throw error(column, expected, v);
            return v;
        }

        String token(String column, String expected) {
            String v = raw(column);
            if (!TOKEN.matcher(v).matches()) throw error(column, expected + " (no spaces)", v);
            return v;
        }

        String name(String column, String expected) {
            String v = raw(column).toLowerCase(Locale.ROOT);
            if (!NAME.matcher(v).matches()) throw error(column, expected, raw(column));
            return v;
        }

        int integer(String column, int min, int max) {
            String v = raw(column);
            if (INTEGER.matcher(v).matches()) {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) return n;
            }
            throw error(column, "a whole number from " + min + " to " + max, v);
        }

        BigDecimal decimal(String column, String expected) {
            String v = raw(column);
            if (!DECIMAL.matcher(v).matches()) throw error(column, expected, v);
            return new BigDecimal(v);
        }

        LocalDate date(String column) {
            String v = raw(column);
            try {
                LocalDate d = LocalDate.parse(v);
                if (d.getYear() >= 2000 && d.getYear() <= 2200) return d;
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw error(column, "an ISO date (year-month-day) such as 2025-06-28", v);
        }
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of a record starting at character {@code pos}, skipping comment and blank lines before it. */
    private static int lineOf(String text, int[] starts, long pos) {
        int idx = Arrays.binarySearch(starts, (int) Math.min(pos, Integer.MAX_VALUE));
        if (idx < 0) idx = -idx - 2;
        while (idx + 1 < starts.length) {
            String l = text.substring(starts[idx], starts[idx + 1]).strip();
            if (!l.isEmpty() && !l.startsWith("#")) break;
            idx++;
        }
        return idx + 1;
    }
}
