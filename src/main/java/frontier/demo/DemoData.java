package frontier.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.demo.FocusBill.Account;
import frontier.demo.FocusBill.Line;
import frontier.demo.FocusBill.Service;
import frontier.domain.PoolKind;
import frontier.domain.PricingModel;
import frontier.model.InstanceSpan;
import frontier.model.RequestClass;
import frontier.model.RequestLogCsv;
import frontier.model.RequestOutcome;
import frontier.model.RunListener;
import frontier.model.pool.Pools;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Generates the demo data set with Frontier's own simulation: the scenario {@code simulations/demo/demo-fleet.json}
 * (bundled in the jar) is run once for October 2026, and its outcome written as
 * <ul>
 *   <li>{@value #REQUESTS}: the run's request log ({@link RequestLogCsv}, simulated time 0 = {@link #START});
 *       the {@code embed} endpoint's output tokens are left empty (an embedding model generates none,
 *       while the scenario draws token counts for every request);</li>
 *   <li>{@value #BILLING}: the matching FOCUS 1.2 bill ({@link FocusBill}): for every instance of an
 *       instance-billed pool an hourly line per clock hour it was alive, for the part of the hour it was
 *       (spot: PricingCategory Dynamic at the spot price, the on-demand price as list price; interruptions,
 *       replacement delays and unavailable capacity show as partial and missing hours); for the serverless
 *       pool, per hour, a request line and a compute line (GB-seconds of billed execution, by arrival hour);
 *       every line tagged with endpoint, model and team; and a few lines that are not inference (an S3
 *       bucket, data transfer out, a dev notebook instance left running over one weekend), tagged without an
 *       endpoint; and one on-demand instance of the chat endpoint launched for a load test and forgotten for 30
 *       hours ({@value #CANARY_NAME}, from 14 October 10:00 UTC), which serves none of the simulated traffic: the
 *       unusual cost per 1,000 requests the Unit cost view rings.</li>
 * </ul>
 * The compute lines of a pool (the canary apart) add up to the simulation's own cost of that pool (within the
 * 10-decimal rounding of each line). The same seed gives byte-identical files.
 */
public final class DemoData {
    /** Wall-clock time of simulated time 0. */
    public static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    public static final long DEFAULT_SEED = 2026;
    public static final String REQUESTS = "requests.csv.gz";
    public static final String BILLING = "billing-focus.csv";
    /** The scenario, as a class-path resource (the jar bundles simulations/demo/). */
    static final String SCENARIO = "simulations/demo/demo-fleet.json";
    /** Endpoints whose requests have no output tokens. */
    private static final Set<String> NO_OUTPUT_TOKENS = Set.of("embed");

    private static final String TEAM = "ml";
    /**
     * An on-demand instance of the chat endpoint launched for a load test and forgotten: billed with the chat
     * endpoint's tags, serving none of the simulated traffic, from {@link #CANARY_FROM} for {@link #CANARY_HOURS}.
     */
    static final String CANARY_POOL = "chat-on-demand";

    static final String CANARY_NAME = "chat-canary";
    static final Instant CANARY_FROM = Instant.parse("2026-10-14T10:00:00Z");
    static final int CANARY_HOURS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What {@link #generate} wrote.
     *
     * @param summary     the simulation's result (one replication)
     * @param requestRows rows of the request log
     */
    public record Result(Path requests, Path billing, Summary summary, long requestRows, int billingLines) {}

    private DemoData() {}

    /** The demo scenario with {@code seed} as its seed, prices resolved from the shipped catalogue. */
    public static Scenario scenario(long seed) {
        Scenario s = ScenarioLoader.parse(scenarioJson(), SCENARIO);
        return s.withRun(s.run().withSeed(seed));
    }

    /** {@link #generate(Path, long, RunControl)} without progress or cancel. */
    public static Result generate(Path dir, long seed) {
        return generate(dir, seed, RunControl.NONE);
    }

    /** Simulates the month and writes {@value #REQUESTS} and {@value #BILLING} into {@code dir} (created if needed). */
    public static Result generate(Path dir, long seed, RunControl control) {
        Scenario scenario = scenario(seed);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create the demo directory", e);
        }
        Path requests = dir.resolve(REQUESTS);
        Path billing = dir.resolve(BILLING);
        double horizon = scenario.run().durationS();
        Recorder recorder;
        Summary summary;
        long rows;
        try (RequestLogCsv log = RequestLogCsv.create(requests, START)) {
            recorder = new Recorder(log, scenario.pools(), (int) Math.ceil(horizon / 3600));
            summary = ScenarioRunner.replication(scenario, 0, control, recorder);
            rows = log.rows();
        }
        long start = START.getEpochSecond();
        LocalDate month = LocalDate.ofInstant(START, ZoneOffset.UTC);
        long monthEnd = month.plusMonths(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        FocusBill bill = new FocusBill(
                start,
                monthEnd,
                "INV-" + month.getYear() + "-" + String.format(Locale.ROOT, "%02d", month.getMonthValue()) + "-0001");
        Map<String, String> endpoints = endpoints(scenario);
        JsonNode pools = tree().get("pools");
        for (int i = 0; i < scenario.pools().size(); i++) {
            Pools p = scenario.pools().get(i);
            String tags = tags(Map.of(
                    "endpoint",
                    endpoints.getOrDefault(p.name(), ""),
                    "model",
                    p.model().name(),
                    "team",
                    TEAM));
            if (p instanceof ServerlessPool sp) {
                lambdaLines(bill, sp, recorder.serverless.get(sp.name()), tags, start);
            } else {
                JsonNode price = pools.get(i).get("price");
                instanceLines(
                        bill,
                        p,
                        price.get("instance_type").asText(),
                        recorder.spans.get(p.name()),
                        horizon,
                        tags,
                        start,
                        seed);
                if (p.name().equals(CANARY_POOL)) {
                    double from = CANARY_FROM.getEpochSecond() - start;
                    instanceHours(
                            bill,
                            p,
                            price.get("instance_type").asText(),
                            "i-0" + hex(seed, CANARY_NAME),
                            CANARY_NAME,
                            from,
                            Math.min(horizon, from + CANARY_HOURS * 3600.0),
                            tags,
                            start);
                }
            }
        }
        extraLines(bill, start, horizon, seed);
        int lines = bill.write(billing);
        return new Result(requests, billing, summary, rows, lines);
    }

    // ---------------------------------------------------------------- the run

    /** Writes the request log and keeps what the bill needs: instance lifetimes, serverless use per hour. */
    private static final class Recorder implements RunListener {
        final RequestLogCsv log;
        final Map<String, List<InstanceSpan>> spans = new LinkedHashMap<>();
        final Map<String, Hourly> serverless = new HashMap<>();

        Recorder(RequestLogCsv log, List<Pools> pools, int hours) {
            this.log = log;
            for (Pools p : pools) {
                if (p instanceof ServerlessPool sp) serverless.put(p.name(), new Hourly(hours, sp.billing()));
                else spans.put(p.name(), new ArrayList<>());
            }
        }

        @Override
        public void requestFinished(RequestOutcome o) {
            Hourly h = o.pool() == null ? null : serverless.get(o.pool());
            if (h != null && o.status() == RequestOutcome.Status.COMPLETED) h.add(o.arrivalS(), o.serviceS());
            boolean noOutput =
                    o.outputTokens() != null && o.requestClass() != null && NO_OUTPUT_TOKENS.contains(o.requestClass());
            log.requestFinished(noOutput ? o.withoutOutputTokens() : o);
        }

        @Override
        public void instanceStopped(InstanceSpan s) {
            List<InstanceSpan> l = spans.get(s.pool());
            if (l != null) l.add(s);
        }
    }

    /** Completed requests and their billed execution (in billing increments) per hour of a serverless pool. */
    private static final class Hourly {
        final long[] requests;
        final long[] increments;
        final ServerlessBilling billing;

        Hourly(int hours, ServerlessBilling billing) {
            requests = new long[hours];
            increments = new long[hours];
            this.billing = billing;
        }

        void add(double arrivalS, double serviceS) {
            int h = (int) (arrivalS / 3600);
            requests[h]++;
            // The simulation bills billed(serviceS) = a whole number of increments; count them exactly.
            increments[h] += Math.round(billing.billed(serviceS) * 1000 / billing.incrementMs());
        }
    }

    // ---------------------------------------------------------------- the bill

    private static void instanceLines(
            FocusBill bill,
            Pools pool,
            String type,
            List<InstanceSpan> spans,
            double horizon,
            String tags,
            long start,
            long seed) {
        for (InstanceSpan s : spans) {
            instanceHours(
                    bill,
                    pool,
                    type,
                    "i-0" + hex(seed, pool.name() + "#" + s.serial()),
                    pool.name() + "-" + s.serial(),
                    Math.max(0, s.launchedS()),
                    Math.min(horizon, s.stoppedS()),
                    tags,
                    start);
        }
    }

    /** The hourly lines of one instance of {@code pool} alive from {@code fromS} to {@code toS} (simulated seconds). */
    private static void instanceHours(
            FocusBill bill,
            Pools pool,
            String type,
            String id,
            String name,
            double fromS,
            double toS,
            String tags,
            long start) {
        boolean spot = pool.kind() == PoolKind.SPOT;
        BigDecimal price = BigDecimal.valueOf(pool.price().usdPerHour());
        InstancePrice list = onDemand(type);
        String details = skuDetails(list);
        String sku = sku(type + "|" + (spot ? PricingModel.SPOT : PricingModel.ON_DEMAND).code());
        String description = "$" + price.toPlainString() + " per " + (spot ? "Spot" : "On Demand") + " Linux " + type
                + " Instance Hour";
        String zone = spot ? "us-east-1b" : "us-east-1a";
        forEachHour(
                fromS,
                toS,
                (hour, seconds) -> bill.add(new Line(
                        start + hour * 3600L,
                        start + (hour + 1) * 3600L,
                        Account.INFERENCE,
                        Service.EC2,
                        zone,
                        id,
                        name,
                        "Instance",
                        sku,
                        "Compute",
                        details,
                        spot ? "Dynamic" : "Standard",
                        description,
                        hours(seconds),
                        "Hours",
                        price,
                        list.usdPerHour(),
                        tags)));
    }

    private static void lambdaLines(FocusBill bill, ServerlessPool pool, Hourly use, String tags, long start) {
        ServerlessBilling b = pool.billing();
        BigDecimal perRequest = BigDecimal.valueOf(b.usdPerRequest());
        BigDecimal perGbSecond = BigDecimal.valueOf(b.usdPerGbSecond());
        BigDecimal increment = BigDecimal.valueOf(b.incrementMs()).movePointLeft(3);
        BigDecimal memory = BigDecimal.valueOf(b.memoryGb());
        String arn = "arn:aws:lambda:" + FocusBill.REGION + ":" + Account.INFERENCE.id + ":function:" + pool.name();
        String memoryMb = BigDecimal.valueOf(b.memoryGb() * 1024)
                .setScale(0, RoundingMode.HALF_EVEN)
                .toPlainString();
        String details = "{\"Architecture\":\"x86_64\",\"MemorySizeMB\":\"" + memoryMb + "\"}";
        for (int h = 0; h < use.requests.length; h++) {
            if (use.requests[h] == 0) continue;
            long from = start + h * 3600L;
            bill.add(new Line(
                    from,
                    from + 3600,
                    Account.INFERENCE,
                    Service.LAMBDA,
                    null,
                    arn,
                    pool.name(),
                    "Function",
                    sku("lambda|requests"),
                    "Requests",
                    details,
                    "Standard",
                    "AWS Lambda - Total Requests - US East (N. Virginia)",
                    BigDecimal.valueOf(use.requests[h]),
                    "Requests",
                    perRequest,
                    perRequest,
                    tags));
            BigDecimal gbSeconds = increment
                    .multiply(BigDecimal.valueOf(use.increments[h]))
                    .multiply(memory)
                    .stripTrailingZeros();
            bill.add(new Line(
                    from,
                    from + 3600,
                    Account.INFERENCE,
                    Service.LAMBDA,
                    null,
                    arn,
                    pool.name(),
                    "Function",
                    sku("lambda|compute"),
                    "Compute",
                    details,
                    "Standard",
                    "AWS Lambda - Total Compute - US East (N. Virginia)",
                    gbSeconds,
                    "GB-Seconds",
                    perGbSecond,
                    perGbSecond,
                    tags));
        }
    }

    /**
     * Lines that are not inference: an S3 bucket of datasets and weights (growing a few GB a day), data
     * transfer out (more on weekdays), and a dev notebook (g4dn.xlarge) on weekdays 08:00–18:00 UTC, left
     * running from the third Friday to the Monday after. Amounts come from the stream "demo:extras".
     */
    private static void extraLines(FocusBill bill, long start, double horizon, long seed) {
        UniformRandomProvider rng = new RandomStreams(seed, 0).stream("demo:extras");
        int days = (int) Math.ceil(horizon / 86400);
        // S3 Standard, first 50 TB, us-east-1: $0.023 per GB-month; a day is 24 of the month's 744 hours.
        BigDecimal s3Price = new BigDecimal("0.023");
        BigDecimal transferPrice = new BigDecimal("0.09");
        String bucket = "demo-corp-ml-artifacts";
        String storageTags = tags(Map.of("purpose", "datasets-and-weights", "team", TEAM));
        double gb = 820;
        LocalDate first = LocalDate.ofInstant(START, ZoneOffset.UTC);
        int hoursInMonth = first.lengthOfMonth() * 24;
        for (int d = 0; d < days; d++) {
            long from = start + d * 86400L;
            gb += 1 + 5 * rng.nextDouble();
            BigDecimal gbMonths = BigDecimal.valueOf(Math.round(gb * 1000), 3)
                    .multiply(BigDecimal.valueOf(24))
                    .divide(BigDecimal.valueOf(hoursInMonth), 10, RoundingMode.HALF_EVEN);
            bill.add(new Line(
                    from,
                    from + 86400,
                    Account.INFERENCE,
                    Service.S3,
                    null,
                    "arn:aws:s3:::" + bucket,
                    bucket,
                    "Bucket",
                    sku("s3|storage"),
                    "Storage",
                    "{\"StorageClass\":\"Standard\"}",
                    "Standard",
                    "$0.023 per GB - first 50 TB / month of storage used",
                    gbMonths,
                    "GB-Months",
                    s3Price,
                    s3Price,
                    storageTags));
            boolean weekend = first.plusDays(d).getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
            double out = weekend ? 1 + 4 * rng.nextDouble() : 6 + 14 * rng.nextDouble();
            bill.add(new Line(
                    from,
                    from + 86400,
                    Account.INFERENCE,
                    Service.DATA_TRANSFER,
                    null,
                    null,
                    "",
                    null,
                    sku("transfer|out"),
                    "Data Transfer",
                    "{\"TransferType\":\"Internet Outbound\"}",
                    "Standard",
                    "$0.09 per GB - first 10 TB / month data transfer out beyond the global free tier",
                    BigDecimal.valueOf(Math.round(out * 1000), 3),
                    "GB",
                    transferPrice,
                    transferPrice,
                    null));
        }
        String type = "g4dn.xlarge";
        InstancePrice notebook = onDemand(type);
        String id = "i-0" + hex(seed, "dev-notebook");
        String sku = sku(type + "|on_demand");
        String details = skuDetails(notebook);
        String description =
                "$" + notebook.usdPerHour().toPlainString() + " per On Demand Linux " + type + " Instance Hour";
        String devTags = tags(Map.of("environment", "dev", "owner", "data-science", "team", TEAM));
        LocalDate forgotten = first.with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            long dayFrom = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) - start;
            long sinceForgotten = day.toEpochDay() - forgotten.toEpochDay();
            int fromHour = sinceForgotten >= 1 && sinceForgotten <= 3 ? 0 : 8;
            int toHour = sinceForgotten >= 0 && sinceForgotten <= 2 ? 24 : 18;
            boolean weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
            if (weekend && fromHour != 0) continue;
            forEachHour(
                    dayFrom + fromHour * 3600.0,
                    Math.min(horizon, dayFrom + toHour * 3600.0),
                    (hour, seconds) -> bill.add(new Line(
                            start + hour * 3600L,
                            start + (hour + 1) * 3600L,
                            Account.SANDBOX,
                            Service.EC2,
                            "us-east-1a",
                            id,
                            "dev-notebook",
                            "Instance",
                            sku,
                            "Compute",
                            details,
                            "Standard",
                            description,
                            hours(seconds),
                            "Hours",
                            notebook.usdPerHour(),
                            notebook.usdPerHour(),
                            devTags)));
        }
    }

    private interface HourConsumer {
        void accept(long hour, double seconds);
    }

    /** Calls {@code c} for every clock hour (index from the start) overlapping [from, to), with the seconds of the overlap. */
    private static void forEachHour(double from, double to, HourConsumer c) {
        for (long h = (long) Math.floor(from / 3600); h * 3600.0 < to; h++) {
            double seconds = Math.min(to, (h + 1) * 3600.0) - Math.max(from, h * 3600.0);
            if (seconds > 0) c.accept(h, seconds);
        }
    }

    private static BigDecimal hours(double seconds) {
        return new BigDecimal(seconds)
                .divide(BigDecimal.valueOf(3600), 12, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    private static InstancePrice onDemand(String type) {
        return PriceCatalogue.shipped()
                .instance("aws", FocusBill.REGION, type, PricingModel.ON_DEMAND)
                .orElseThrow(
                        () -> new IllegalStateException("the shipped catalogue has no on-demand price of " + type));
    }

    private static String skuDetails(InstancePrice p) {
        return "{\"InstanceType\":\"" + p.instanceType() + "\",\"GpuCount\":\"" + p.gpus() + "\",\"VCPU\":\""
                + p.vcpus() + "\",\"OperatingSystem\":\"Linux\",\"Tenancy\":\"Shared\"}";
    }

    /** The endpoint (request class) each pool serves: the class's pool and the pools its overflow reaches. */
    private static Map<String, String> endpoints(Scenario s) {
        Map<String, String> overflow = new HashMap<>();
        for (Pools p : s.pools()) if (p.overflowTo() != null) overflow.put(p.name(), p.overflowTo());
        Map<String, String> out = new HashMap<>();
        for (RequestClass c : s.classes()) {
            for (String p = c.pool(); p != null && !out.containsKey(p); p = overflow.get(p)) out.put(p, c.name());
        }
        return out;
    }

    /** Canonical tags JSON (keys sorted), without empty values. */
    private static String tags(Map<String, String> tags) {
        Map<String, String> m = new TreeMap<>(tags);
        m.values().removeIf(String::isEmpty);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 16 hex digits that depend only on the seed and the key: stable resource ids. */
    private static String hex(long seed, String key) {
        return String.format(Locale.ROOT, "%016x", mix(seed, key));
    }

    /** A 16-character SKU id in the style of AWS's. */
    private static String sku(String key) {
        String s = Long.toString(mix(0, key) >>> 1, 36).toUpperCase(Locale.ROOT);
        return ("0000000000000000" + s).substring(s.length());
    }

    private static long mix(long seed, String key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private static JsonNode tree() {
        try {
            return JSON.readTree(scenarioJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(SCENARIO + ": " + e.getMessage(), e);
        }
    }

    private static String scenarioJson() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(SCENARIO)) {
            if (in == null)
                throw new IllegalStateException(SCENARIO + " is not on the class path (is the jar complete?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(SCENARIO + ": cannot read", e);
        }
    }
}
