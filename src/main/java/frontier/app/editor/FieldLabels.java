package frontier.app.editor;

import java.util.Map;

/**
 * The editor's words for the scenario vocabulary: a label for each JSON field name ({@code keep_alive_s} →
 * "Keep-alive (s)") and for each kind of a typed record ({@code always_on} → "Always on"), with a one-line
 * help. Names without an entry are spelled out from their parts ({@code foo_bar_ms} → "Foo bar (ms)"), so a new
 * field is readable before it gets its own words.
 */
public final class FieldLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("description", "Description"),
            Map.entry("price_catalogue", "Own price catalogue (file)"),
            Map.entry("traffic", "Traffic"),
            Map.entry("pool", "Pool"),
            Map.entry("pools", "Pools"),
            Map.entry("classes", "Request classes"),
            Map.entry("cache", "Cache"),
            Map.entry("tokens", "Tokens per request"),
            Map.entry("run", "Run"),
            Map.entry("sweep", "Sweep"),
            Map.entry("observed", "Observed on the real fleet"),
            Map.entry("rate_per_s", "Requests per second"),
            Map.entry("interarrival", "Time between requests"),
            Map.entry("rates_per_s", "Requests per second, by interval"),
            Map.entry("interval_s", "Interval (s)"),
            Map.entry("repeat", "Repeat the profile"),
            Map.entry("normal", "Normal state"),
            Map.entry("burst", "Burst state"),
            Map.entry("mean_duration_s", "Mean duration (s)"),
            Map.entry("file", "Trace file"),
            Map.entry("column", "Timestamp column"),
            Map.entry("unit", "Timestamp unit"),
            Map.entry("speed", "Replay speed (×)"),
            Map.entry("reorder_window", "Reorder window (records)"),
            Map.entry("loop", "Loop the trace"),
            Map.entry("key_column", "Request-key column"),
            Map.entry("input_tokens_column", "Input-tokens column"),
            Map.entry("output_tokens_column", "Output-tokens column"),
            Map.entry("servers", "Servers"),
            Map.entry("service", "Service time (s)"),
            Map.entry("queue_capacity", "Queue capacity"),
            Map.entry("timeout_s", "Queue timeout (s)"),
            Map.entry("instances", "Instances"),
            Map.entry("concurrency", "Concurrent requests per instance"),
            Map.entry("model", "Model"),
            Map.entry("batching", "Batching"),
            Map.entry("overflow_to", "Overflow to pool"),
            Map.entry("overflow_queue", "Overflow when queue reaches"),
            Map.entry("price", "Instance price"),
            Map.entry("usd_per_hour", "USD per hour"),
            Map.entry("provider", "Provider"),
            Map.entry("instance_type", "Instance type"),
            Map.entry("region", "Region"),
            Map.entry("pricing_model", "Pricing model"),
            Map.entry("min_instances", "Minimum instances"),
            Map.entry("max_instances", "Maximum instances"),
            Map.entry("initial_instances", "Instances at start"),
            Map.entry("policy", "Scaling policy"),
            Map.entry("scale_out_delay_s", "Scale-out delay (s)"),
            Map.entry("scale_in_delay_s", "Scale-in delay (s)"),
            Map.entry("cold_start", "Cold start (s)"),
            Map.entry("keep_warm", "Keep N warm"),
            Map.entry("scale_to_zero_after_s", "Scale to zero after (s) idle"),
            Map.entry("cold_service", "Service time of a cold request (s)"),
            Map.entry("keep_alive_s", "Keep-alive (s)"),
            Map.entry("max_lifetime", "Instance lifetime (s)"),
            Map.entry("max_concurrency", "Maximum instances"),
            Map.entry("provisioned", "Provisioned (always warm)"),
            Map.entry("idle_policy", "Which idle instance serves"),
            Map.entry("billing", "Billing"),
            Map.entry("platform", "Platform (from the catalogue)"),
            Map.entry("usd_per_request", "USD per request"),
            Map.entry("usd_per_gb_second", "USD per GB-second"),
            Map.entry("memory_gb", "Memory (GB)"),
            Map.entry("usd_per_vcpu_second", "USD per vCPU-second"),
            Map.entry("vcpus", "vCPUs"),
            Map.entry("usd_per_gpu_second", "USD per GPU-second"),
            Map.entry("gpus", "GPUs"),
            Map.entry("increment_ms", "Billing increment (ms)"),
            Map.entry("bill_startup", "Bill start-up time"),
            Map.entry("bill_idle", "Bill idle time"),
            Map.entry("provisioned_usd_per_gb_second", "Provisioned USD per GB-second"),
            Map.entry("interruption", "Interruptions"),
            Map.entry("hazard_per_hour", "Interruptions per instance-hour"),
            Map.entry("bucket", "Spot Advisor frequency"),
            Map.entry("trace", "Availability trace (file)"),
            Map.entry("time_unit", "Trace time unit"),
            Map.entry("notice_s", "Interruption notice (s)"),
            Map.entry("on_interrupt", "Requests running at interruption"),
            Map.entry("replacement_delay_s", "Replacement delay (s)"),
            Map.entry("unavailable", "Periods without spot capacity"),
            Map.entry("markets", "Spot markets (type/zone)"),
            Map.entry("placement", "Placement on markets"),
            Map.entry("correlated", "Correlated interruptions"),
            Map.entry("within_s", "Within (s)"),
            Map.entry("from_s", "From (s)"),
            Map.entry("to_s", "To (s)"),
            Map.entry("token_time", "Service time from tokens"),
            Map.entry("accuracy", "Accuracy label"),
            Map.entry("quality", "Quality (accuracy or score)"),
            Map.entry("precision", "Precision"),
            Map.entry("distilled_from", "Distilled from"),
            Map.entry("speed_factor", "Speed factor"),
            Map.entry("cascade", "Cascade"),
            Map.entry("first", "First pool (small model)"),
            Map.entry("second", "Second pool (full model)"),
            Map.entry("probability", "Escalation probability"),
            Map.entry("score", "Confidence score"),
            Map.entry("threshold", "Escalate below"),
            Map.entry("overhead", "Overhead per request (s)"),
            Map.entry("prefill_tokens_per_s", "Prefill tokens per second"),
            Map.entry("decode_tokens_per_s", "Decode tokens per second"),
            Map.entry("noise_cv", "Noise (cv)"),
            Map.entry("max_batch", "Largest batch"),
            Map.entry("max_wait_s", "Longest wait for a batch (s)"),
            Map.entry("base_s", "Batch base time (s)"),
            Map.entry("per_item_s", "Time per item (s)"),
            Map.entry("table_s", "Batch times by size (s)"),
            Map.entry("cv", "Variability (cv)"),
            Map.entry("target", "Target utilization"),
            Map.entry("per_instance", "Per instance"),
            Map.entry("tolerance", "Tolerance"),
            Map.entry("share", "Share of traffic"),
            Map.entry("slo_ms", "Latency objective (ms)"),
            Map.entry("hit_ratio", "Hit ratio"),
            Map.entry("lru_capacity", "LRU capacity (entries)"),
            Map.entry("keys", "Distinct keys"),
            Map.entry("zipf_s", "Zipf exponent"),
            Map.entry("latency_ms", "Hit latency (ms)"),
            Map.entry("input", "Input tokens"),
            Map.entry("output", "Output tokens"),
            Map.entry("duration_s", "Simulated time (s)"),
            Map.entry("requests", "Requests"),
            Map.entry("warmup_s", "Warm-up (s)"),
            Map.entry("warmup_requests", "Warm-up requests"),
            Map.entry("replications", "Replications"),
            Map.entry("seed", "Random seed"),
            Map.entry("mean", "Mean"),
            Map.entry("rate", "Rate"),
            Map.entry("value", "Value"),
            Map.entry("samples", "Samples (quantiles)"),
            Map.entry("source", "Source"),
            Map.entry("p50_ms", "p50 (ms)"),
            Map.entry("p95_ms", "p95 (ms)"),
            Map.entry("p99_ms", "p99 (ms)"),
            Map.entry("cost_usd", "Cost (USD)"),
            Map.entry("fixed_cost_usd", "Fixed cost (USD)"),
            Map.entry("type", "Kind"));

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("always_on", "Always on"),
            Map.entry("autoscaled", "Autoscaled"),
            Map.entry("serverless", "Serverless"),
            Map.entry("spot", "Spot"),
            Map.entry("poisson", "Steady (Poisson)"),
            Map.entry("renewal", "Renewal (time between requests)"),
            Map.entry("profile", "Profile over time"),
            Map.entry("mmpp", "Bursty (normal and burst states)"),
            Map.entry("replay", "Replay a trace or log"),
            Map.entry("exponential", "Exponential"),
            Map.entry("deterministic", "Fixed"),
            Map.entry("lognormal", "Lognormal"),
            Map.entry("gamma", "Gamma"),
            Map.entry("weibull", "Weibull"),
            Map.entry("empirical", "Measured quantiles"),
            Map.entry("target_utilization", "Target utilization"),
            Map.entry("target_rps", "Target requests/s per instance"),
            Map.entry("hpa", "Kubernetes HPA"),
            Map.entry("target_queue", "Target queue per instance"));

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("concurrency", "Requests one instance serves at the same time (default 1)."),
            Map.entry("queue_capacity", "Most requests waiting; more are rejected. Empty: no limit."),
            Map.entry("timeout_s", "A request that waited this long gives up and is dropped. Empty: never."),
            Map.entry("overflow_to", "The pool that takes what this one cannot start."),
            Map.entry("keep_alive_s", "An idle serverless instance stops after this long (scale to zero)."),
            Map.entry("keep_warm", "Instances never scaled in."),
            Map.entry("hazard_per_hour", "Constant hourly chance that a spot instance is taken away."),
            Map.entry("bucket", "AWS Spot Instance Advisor bucket: <5%, 5-10%, 10-15%, 15-20%, >20%."),
            Map.entry("share", "Fraction of requests in this class, in (0, 1]."),
            Map.entry("hit_ratio", "Fraction of requests the cache answers, in [0, 1)."),
            Map.entry("warmup_s", "Simulated time discarded before statistics start."),
            Map.entry("replications", "Independent runs; their spread gives the confidence intervals."),
            Map.entry("cv", "Standard deviation over mean; 1 is as variable as exponential."),
            Map.entry("rates_per_s", "One rate per interval, separated by commas (e.g. 24 hourly rates)."),
            Map.entry("samples", "Quantiles of the measured values, separated by commas."),
            Map.entry("table_s", "One time per batch size 1, 2, …, largest batch, separated by commas."),
            Map.entry("file", "CSV or JSON Lines file (may be .gz), relative to the scenario's folder."));

    private FieldLabels() {}

    /** The label of a JSON field name. */
    public static String label(String json) {
        String l = LABELS.get(json);
        return l != null ? l : spelledOut(json);
    }

    /** Whether {@code json} is a field name the editor has words for. */
    public static boolean known(String json) {
        return LABELS.containsKey(json);
    }

    /** The label of a kind ({@code type} value) of a typed record. */
    public static String kind(String type) {
        String l = KINDS.get(type);
        return l != null ? l : spelledOut(type);
    }

    /** A line of help for a field, or null. */
    public static String help(String json) {
        return HELP.get(json);
    }

    /** "foo_bar_ms" → "Foo bar (ms)". */
    static String spelledOut(String json) {
        String unit = "";
        String base = json;
        for (String[] u : new String[][] {{"_ms", "ms"}, {"_s", "s"}, {"_usd", "USD"}, {"_gb", "GB"}}) {
            if (base.endsWith(u[0])) {
                unit = " (" + u[1] + ")";
                base = base.substring(0, base.length() - u[0].length());
                break;
            }
        }
        String words = base.replace('_', ' ').replace("usd", "USD");
        return words.isEmpty() ? json : Character.toUpperCase(words.charAt(0)) + words.substring(1) + unit;
    }
}
