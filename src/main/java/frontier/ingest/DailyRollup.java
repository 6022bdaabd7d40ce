package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.sim.BadInputException;
import frontier.text.Csv;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily roll-up of normalised charges and its file format, {@code frontier-rollup} (docs/formats.md): one row per
 * UTC day of the charge period's start × provider × billing account × sub-account × service × service category ×
 * region × instance type × GPUs × pricing model × charge category × charge class × currency × usage unit × the
 * chosen tags, with the exact sums of billed, effective and list cost and of the usage quantity, and the number of
 * lines. A charge counts whole on the day its period starts, as the workspace's own daily roll-up ({@code
 * charge_days}) counts it, so totals by any of these dimensions over whole days equal those of the charges.
 *
 * <p>Written by the Spark job ({@code frontier.spark.rollup}), read back by {@code frontier import} through
 * {@link BillingFormat#ROLLUP}; both use this one definition. An instance accumulates groups and is not thread-safe.
 */
public final class DailyRollup {
    /** Seconds in a day. */
    public static final long DAY = 86_400;
    /** The tag columns' prefix: {@code tag:team}. */
    public static final String TAG_PREFIX = "tag:";
    /** The columns before the tag columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "day",
            "provider",
            "billing_account",
            "sub_account",
            "service",
            "service_category",
            "region",
            "instance_type",
            "gpu_count",
            "pricing_model",
            "charge_category",
            "charge_class",
            "currency",
            "unit",
            "billed_cost",
            "effective_cost",
            "list_cost",
            "usage_quantity",
            "lines");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CACHE = 4096;

    /** One group's dimensions; {@code tags} is the canonical JSON of the chosen tags the charges carry, or null. */
    public record Key(
            long day,
            String provider,
            String billingAccount,
            String subAccount,
            String service,
            String serviceCategory,
            String region,
            String instanceType,
            Integer gpuCount,
            String pricingModel,
            String chargeCategory,
            String chargeClass,
            String currency,
            String unit,
            String tags)
            implements Serializable {}

    /** Orders keys by day, then by every dimension in column order (absent values first): the file's row order. */
    public static final Comparator<Key> ORDER = orderOfKeys();

    private static Comparator<Key> orderOfKeys() {
        Comparator<String> s = Comparator.nullsFirst(Comparator.<String>naturalOrder());
        Comparator<Key> c = Comparator.comparingLong(Key::day);
        return c.thenComparing(Key::provider, s)
                .thenComparing(Key::billingAccount, s)
                .thenComparing(Key::subAccount, s)
                .thenComparing(Key::service, s)
                .thenComparing(Key::serviceCategory, s)
                .thenComparing(Key::region, s)
                .thenComparing(Key::instanceType, s)
                .thenComparing(Key::gpuCount, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(Key::pricingModel, s)
                .thenComparing(Key::chargeCategory, s)
                .thenComparing(Key::chargeClass, s)
                .thenComparing(Key::currency, s)
                .thenComparing(Key::unit, s)
                .thenComparing(Key::tags, s);
    }

    /** A group's exact sums; a sum is null while no charge of the group carried that value (as SQL's decsum). */
    public static final class Sums implements Serializable {
        private BigDecimal billed;
        private BigDecimal effective;
        private BigDecimal list;
        private BigDecimal quantity;
        private long lines;

        public Sums() {}

        public Sums(BigDecimal billed, BigDecimal effective, BigDecimal list, BigDecimal quantity, long lines) {
            this.billed = billed;
            this.effective = effective;
            this.list = list;
            this.quantity = quantity;
            this.lines = lines;
        }

        void add(Charge c) {
            billed = plus(billed, c.billedCost());
            effective = plus(effective, c.effectiveCost());
            list = plus(list, c.listCost());
            quantity = plus(quantity, c.quantity());
            lines++;
        }

        /** This plus {@code o}, as a new object (Spark may reuse either side). */
        public Sums merge(Sums o) {
            return new Sums(
                    plus(billed, o.billed),
                    plus(effective, o.effective),
                    plus(list, o.list),
                    plus(quantity, o.quantity),
                    lines + o.lines);
        }

        public BigDecimal billed() {
            return billed;
        }

        public BigDecimal effective() {
            return effective;
        }

        public BigDecimal list() {
            return list;
        }

        public BigDecimal quantity() {
            return quantity;
        }

        public long lines() {
            return lines;
        }

        private static BigDecimal plus(BigDecimal a, BigDecimal b) {
            if (b == null) return a;
            return a == null ? b : a.add(b);
        }
    }

    private final List<String> tagKeys;
    private final Map<Key, Sums> groups = new HashMap<>();
    private final Map<String, String> chosen = new HashMap<>();

    /** A roll-up keeping the tags {@code tagKeys} (exact keys as the workspace stores them, e.g. {@code user:team}). */
    public DailyRollup(List<String> tagKeys) {
        for (String k : tagKeys) {
            if (k.isBlank())
                throw new BadInputException(
                        "--tags: expected tag keys separated by commas, like team,endpoint; got an empty key");
        }
        if (tagKeys.stream().distinct().count() != tagKeys.size())
            throw new BadInputException("--tags: a tag key is given twice: " + tagKeys);
        this.tagKeys = List.copyOf(tagKeys);
    }

    /** The UTC day (epoch day) a charge counts on: that of its period's start, as the workspace's charge_days. */
    public static long day(Charge c) {
        return Math.floorDiv(c.periodStart(), DAY);
    }

    /** Adds one charge to its group. */
    public void add(Charge c) {
        Key k = new Key(
                day(c),
                c.provider(),
                c.billingAccount(),
                c.subAccount(),
                c.service(),
                c.serviceCategory(),
                c.region(),
                c.instanceType(),
                c.gpuCount(),
                c.pricingModel() == null ? null : c.pricingModel().code(),
                c.chargeCategory() == null ? null : c.chargeCategory().code(),
                c.chargeClass(),
                c.currency(),
                c.unit(),
                chosenTags(c.tags()));
        Sums s = groups.get(k);
        if (s == null) groups.put(k, s = new Sums());
        s.add(c);
    }

    /** The groups so far. */
    public Map<Key, Sums> groups() {
        return groups;
    }

    /** The chosen tags of a charge's canonical tag JSON, as canonical JSON (null when it has none of them). */
    private String chosenTags(String tags) {
        if (tags == null || tagKeys.isEmpty()) return null;
        String c = chosen.get(tags);
        if (c != null) return c.isEmpty() ? null : c;
        Map<String, String> m = new TreeMap<>();
        try {
            JsonNode n = JSON.readTree(tags);
            for (String k : tagKeys) {
                JsonNode v = n.get(k);
                if (v != null && !v.isNull()) m.put(k, v.asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical tags are JSON: " + tags, e);
        }
        c = m.isEmpty() ? "" : Tags.canonical(m);
        if (chosen.size() >= CACHE) chosen.clear();
        chosen.put(tags, c);
        return c.isEmpty() ? null : c;
    }

    /** The file's header line for these tag keys (no line end). */
    public static String header(List<String> tagKeys) {
        List<String> cells = new ArrayList<>(COLUMNS);
        for (String k : tagKeys) cells.add(TAG_PREFIX + k);
        StringBuilder b = new StringBuilder();
        for (String c : cells) cell(b.isEmpty() ? b : b.append(','), c);
        return b.toString();
    }

    /** Writes one group as a line of the file (with its line end). */
    public static void write(Writer w, List<String> tagKeys, Key k, Sums s) throws IOException {
        StringBuilder b = new StringBuilder(256);
        b.append(LocalDate.ofEpochDay(k.day()));
        for (String v : new String[] {
            k.provider(),
            k.billingAccount(),
            k.subAccount(),
            k.service(),
            k.serviceCategory(),
            k.region(),
            k.instanceType(),
            k.gpuCount() == null ? null : k.gpuCount().toString(),
            k.pricingModel(),
            k.chargeCategory(),
            k.chargeClass(),
            k.currency(),
            k.unit()
        }) {
            cell(b.append(','), v);
        }
        for (BigDecimal d : new BigDecimal[] {s.billed, s.effective, s.list, s.quantity})
            b.append(',').append(Csv.decimal(plainScale(d)));
        b.append(',').append(Csv.number(s.lines));
        Map<String, String> tags = tags(k.tags());
        for (String key : tagKeys) cell(b.append(','), tags.get(key));
        b.append('\n');
        w.write(b.toString());
    }

    /** An exact sum as the workspace keeps one (decsum): trailing zeros stripped (written without an exponent). */
    private static BigDecimal plainScale(BigDecimal d) {
        if (d == null) return null;
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Map<String, String> tags(String json) {
        if (json == null) return Map.of();
        try {
            Map<String, String> m = new HashMap<>();
            JSON.readTree(json)
                    .properties()
                    .forEach(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical tags are JSON: " + json, e);
        }
    }

    /**
     * A text cell through {@link Csv} (quoted when needed, a formula-like value neutralised, which the reader undoes);
     * absent is empty; a value reading {@code NULL} is quoted, since the reader takes an unquoted NULL for absent.
     */
    private static void cell(StringBuilder b, String v) {
        if (v != null && v.equalsIgnoreCase("NULL")) b.append('"').append(v).append('"');
        else Csv.appendText(b, v);
    }
}
