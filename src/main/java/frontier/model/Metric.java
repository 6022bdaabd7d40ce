package frontier.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One result a run reports, defined once: its path in {@code simulate --json} and in sweep results
 * ({@code latency_ms.p99}), the label people read ("p99 latency"), what it means, its unit, how many
 * decimals it is shown with ({@code scale}, as a {@link java.math.BigDecimal}'s) and its {@link Kind}, in
 * the spirit of JaamSim's {@code @Output(name, unitType)}. The CLI table, the app's rows and tooltips,
 * Explore's details, objectives, the twin comparison and {@code SummaryJson} all read it from here.
 *
 * <p>Metrics of a pool or a request class are <em>patterns</em>: the path holds a placeholder
 * ({@code cost_usd.by_pool.{pool}.total}, {@code classes.{class}.slo_attainment}) and {@code group} names
 * the row group they belong to ({@code "Pool {pool}"}); their {@code label} is the short label inside that
 * group ("utilization") and {@link #labelOf(String)} gives the full one ("Pool gpu: utilization").
 *
 * <p>A new metric is one constant below plus the line of {@code ServingModel} that measures it; a
 * {@link RunResult} refuses a path the catalogue does not know, so nothing is reported undocumented.
 *
 * @param scale digits shown after the decimal point, in {@code unit}; a {@link Kind#RATIO} shown as a
 *              percentage uses two fewer
 */
public record Metric(String path, String group, String label, String description, Unit unit, int scale, Kind kind) {
    /** What a metric measures, which decides how it is written (a count as an integer when whole). */
    public enum Kind {
        /** A number of things (requests, cold starts); written as an integer when the value is whole. */
        COUNT,
        /** A duration, in {@link Unit#MS} or {@link Unit#SECONDS}. */
        TIME,
        /** US dollars, possibly per something (per hour, per 1,000 requests). */
        MONEY,
        /** A share between 0 and 1 (utilization, SLO attainment); the app shows it as a percentage. */
        RATIO,
        /** Events (requests, tokens) per second. */
        RATE,
        /** A time-averaged number of things (queue length, instances). */
        LEVEL,
        /** A figure the user gives in their own unit (a model's accuracy or task score), averaged over requests; higher is better. */
        SCORE
    }

    /** The unit a metric's value is in, with the symbol shown after it ("" for plain numbers and ratios). */
    public enum Unit {
        NONE(""),
        MS("ms"),
        SECONDS("s"),
        USD("USD"),
        USD_PER_HOUR("USD/h"),
        PER_SECOND("req/s"),
        TOKENS_PER_SECOND("tok/s"),
        ITEMS_PER_SECOND("items/s"),
        HOURS("h");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The statistics reported for every distribution of times (latency, wait, service). */
    public enum Stat {
        MEAN("mean", "mean"),
        P50("p50", "p50"),
        P90("p90", "p90"),
        P95("p95", "p95"),
        P99("p99", "p99"),
        P999("p999", "p99.9"),
        MAX("max", "max");

        /** The last segment of the path. */
        public final String key;
        /** How people write it. */
        public final String label;

        Stat(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(pool|class)}");
    /** Pool and class names: what {@code Checks.name} and {@code RequestClass} accept. */
    private static final String NAME = "[A-Za-z0-9_-]+";

    private static final List<Metric> CATALOGUE = new ArrayList<>();

    public Metric {
        if (path == null || label == null || description == null || unit == null || kind == null)
            throw new IllegalArgumentException("incomplete metric " + path);
        if (PLACEHOLDER.matcher(path).find() != (group != null))
            throw new IllegalArgumentException(path + ": a pattern needs a group, and only a pattern has one");
    }

    private static Metric define(String path, String label, Unit unit, int scale, Kind kind, String description) {
        Metric m = new Metric(path, null, label, description, unit, scale, kind);
        CATALOGUE.add(m);
        return m;
    }

    private static Metric pattern(
            String path, String group, String label, Unit unit, int scale, Kind kind, String description) {
        Metric m = new Metric(path, group, label, description, unit, scale, kind);
        CATALOGUE.add(m);
        return m;
    }

    // Requests and their fate.
    public static final Metric REQUESTS = define(
            "requests",
            "Requests",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests that arrived in the observation window (after the warm-up).");
    public static final Metric COMPLETED = define(
            "completed",
            "Completed",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests that finished service in the observation window. It can exceed Requests: requests that arrived during"
                    + " the warm-up and finished after it count here.");
    public static final Metric DROPPED = define(
            "dropped",
            "Dropped",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Rejected plus timed out in the queue; requests lost to a spot termination are counted apart.");
    public static final Metric REJECTED = define(
            "rejected",
            "Rejected",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Arrivals refused because the queue was full (queue_capacity), or because a serverless pool was at max_concurrency"
                    + " instances with no overflow_to.");
    public static final Metric TIMED_OUT = define(
            "timed_out",
            "Timed out in queue",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests that gave up after waiting timeout_s in the queue.");
    public static final Metric LOST = define(
            "lost",
            "Lost (spot termination)",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests cut off by a spot termination with on_interrupt: lose.");
    public static final Metric RETRIED = define(
            "retried",
            "Retried",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Times a request cut off by a spot termination was sent through its route again (on_interrupt: retry; a request"
                    + " can be retried more than once).");
    public static final Metric IN_FLIGHT_AT_END = define(
            "in_flight_at_end",
            "In flight at the end",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests that had arrived but not finished (completed, dropped or lost) when the run stopped.");
    public static final Metric OBSERVED_S = define(
            "observed_s",
            "Observation window",
            Unit.SECONDS,
            1,
            Kind.TIME,
            "Length of the observation window, simulated seconds.");
    public static final Metric THROUGHPUT = define(
            "throughput_per_s",
            "Throughput",
            Unit.PER_SECOND,
            3,
            Kind.RATE,
            "Completed requests per second of the observation window.");
    public static final Metric ARRIVAL_RATE = define(
            "arrival_rate_per_s",
            "Arrival rate",
            Unit.PER_SECOND,
            3,
            Kind.RATE,
            "Requests per second of the observation window.");

    // Times: latency (wait + service), wait in the queue, service.
    public static final List<Metric> LATENCY = times(
            "latency_ms", "latency", "total time in system (wait + service) of completed requests, milliseconds.");
    public static final List<Metric> WAIT =
            times("wait_ms", "wait", "time completed requests waited in the queue, milliseconds.");
    public static final List<Metric> SERVICE =
            times("service_ms", "service time", "service time of completed requests, milliseconds.");
    public static final Metric LATENCY_MEAN = latency(Stat.MEAN);
    public static final Metric LATENCY_P50 = latency(Stat.P50);
    public static final Metric LATENCY_P95 = latency(Stat.P95);
    public static final Metric LATENCY_P99 = latency(Stat.P99);

    // Servers and queues.
    public static final Metric P_WAIT = define(
            "p_wait",
            "Requests that waited",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Share of completed requests that waited at all before service (P(wait > 0)).");
    public static final Metric UTILIZATION = define(
            "utilization",
            "Utilization",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Busy slot-seconds / slot-seconds of ready instances, over all pools (for one pool of servers: time-averaged busy"
                    + " servers / servers).");
    public static final Metric BUSY_SERVERS = define(
            "busy_servers.mean",
            "Busy servers (time avg)",
            Unit.NONE,
            3,
            Kind.LEVEL,
            "Time-averaged number of busy servers (slots).");
    public static final Metric QUEUE_MEAN = define(
            "queue_length.mean",
            "Queue length (time avg)",
            Unit.NONE,
            3,
            Kind.LEVEL,
            "Time-averaged number of waiting requests, summed over pools.");
    public static final Metric QUEUE_MAX = define(
            "queue_length.max",
            "Queue length (max)",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Largest number of requests waiting in any one pool's queue.");
    public static final Metric IN_SYSTEM = define(
            "in_system.mean",
            "In system (time avg)",
            Unit.NONE,
            3,
            Kind.LEVEL,
            "Time-averaged number of requests in the system (Little's law: about arrival rate × mean latency).");

    // Cost.
    public static final Metric COST_TOTAL = define(
            "cost_usd.total",
            "Cost (total)",
            Unit.USD,
            2,
            Kind.MONEY,
            "US dollars billed in the observation window, all pools.");
    public static final Metric COST_PER_1K = define(
            "cost_usd.per_1k_requests",
            "Cost per 1,000 requests",
            Unit.USD,
            4,
            Kind.MONEY,
            "Total cost per 1,000 completed requests (cache hits included).");
    public static final Metric COST_PER_HOUR = define(
            "cost_usd.per_hour",
            "Cost per hour",
            Unit.USD_PER_HOUR,
            3,
            Kind.MONEY,
            "Total cost per hour of the observation window.");
    public static final Metric IDLE_SHARE = define(
            "cost_usd.idle_share",
            "Idle share of cost",
            Unit.NONE,
            3,
            Kind.RATIO,
            "Share of the cost spent on instances that were idle, starting or draining.");
    public static final Metric COST_PER_1M_TOKENS = define(
            "cost_usd.per_1m_tokens",
            "Cost per 1M tokens",
            Unit.USD,
            4,
            Kind.MONEY,
            "Total cost per million input and output tokens of the completed requests (only when requests carry tokens).");
    public static final Metric TOKENS_INPUT = define(
            "tokens.input",
            "Input tokens",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Input tokens of the requests completed in the window (only when requests carry tokens).");
    public static final Metric TOKENS_OUTPUT = define(
            "tokens.output",
            "Output tokens",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Output tokens of the requests completed in the window (only when requests carry tokens).");

    public static final Metric COST_PER_1M_OUTPUT_TOKENS = define(
            "cost_usd.per_1m_output_tokens",
            "Cost per 1M output tokens",
            Unit.USD,
            4,
            Kind.MONEY,
            "Total cost per million output tokens of the completed requests (only when requests carry tokens).");

    // LLM engines (only when a pool's model is llm_engine).
    public static final List<Metric> TTFT = times(
            "llm.ttft_ms",
            "time to first token",
            "time to first token (from arrival, the profile's request overhead included) of requests completed by LLM engines,"
                    + " milliseconds; in a cascade, the first token of the stage that answers (an escalated request's counts"
                    + " from its arrival, through both stages and both queues).");
    public static final List<Metric> TPOT = times(
            "llm.tpot_ms",
            "time per output token",
            "time per output token, (end - first token) / (output tokens - 1), of requests with more than one output token"
                    + " completed by LLM engines, milliseconds.");
    public static final Metric LLM_OUTPUT_TOKENS_PER_S = define(
            "llm.output_tokens_per_s",
            "Output tokens per second",
            Unit.TOKENS_PER_SECOND,
            1,
            Kind.RATE,
            "Output tokens of the requests LLM engines completed, per second of the observation window.");
    public static final Metric LLM_GOODPUT = define(
            "llm.goodput_per_s",
            "Goodput",
            Unit.PER_SECOND,
            3,
            Kind.RATE,
            "Requests per second completed by LLM engines within their pool's ttft_slo_ms and tpot_slo_ms (all of them"
                    + " without SLOs).");
    public static final Metric LLM_GOODPUT_SHARE = define(
            "llm.goodput_share",
            "Within TTFT and TPOT SLOs",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Share of the requests completed by LLM engines that met their pool's ttft_slo_ms and tpot_slo_ms.");
    public static final Metric LLM_BATCH_MEAN = define(
            "llm.batch_size.mean",
            "Batch size (mean per iteration)",
            Unit.NONE,
            2,
            Kind.LEVEL,
            "Mean number of sequences scheduled in one engine iteration (prefill chunks and decodes).");
    public static final Metric LLM_BATCH_MAX = define(
            "llm.batch_size.max",
            "Batch size (max)",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Largest number of sequences scheduled in one iteration.");
    public static final Metric LLM_KV_MEAN = define(
            "llm.kv_use.mean",
            "KV cache in use (time avg)",
            Unit.NONE,
            4,
            Kind.RATIO,
            "KV-cache blocks in use, time-averaged, over the blocks of the ready instances' caches.");
    public static final Metric LLM_KV_MAX = define(
            "llm.kv_use.max",
            "KV cache in use (max)",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Largest share of one instance's KV-cache blocks in use.");
    public static final Metric LLM_PREEMPTIONS = define(
            "llm.preemptions",
            "Preemptions",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Sequences that lost their KV blocks when the cache ran out and were recomputed later.");
    public static final Metric LLM_ITERATIONS = define(
            "llm.iterations",
            "Engine iterations",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Iterations (forward passes over a batch) run by all LLM engines in the window.");

    // Instances.
    public static final Metric COLD_STARTS = define(
            "cold_starts.count",
            "Cold starts",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Instances launched in the window: autoscaler launches, scale from zero, serverless starts, spot replacements,"
                    + " trace adds with a cold_start.");
    public static final Metric COLD_START_SHARE = define(
            "cold_starts.share_of_requests",
            "Waited for a cold start",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Share of completed requests that waited for an instance to start.");
    public static final Metric INTERRUPTIONS = define(
            "interruptions", "Interruptions", Unit.NONE, 0, Kind.COUNT, "Spot instances terminated in the window.");

    // Cache (only with a cache).
    public static final Metric CACHE_HITS =
            define("cache.hits", "Cache hits", Unit.NONE, 0, Kind.COUNT, "Requests answered by the cache.");
    public static final Metric CACHE_HIT_RATIO =
            define("cache.hit_ratio", "Cache hit ratio", Unit.NONE, 4, Kind.RATIO, "Cache hits / requests.");
    public static final Metric CACHE_SAVED_BUSY = define(
            "cache.saved_busy_s",
            "Busy time saved by the cache",
            Unit.SECONDS,
            1,
            Kind.TIME,
            "Slot-seconds the cache hits would have used at their pool's mean service time.");
    public static final Metric CACHE_SAVED_USD = define(
            "cache.saved_usd",
            "Saved by the cache",
            Unit.USD,
            2,
            Kind.MONEY,
            "Those slot-seconds at the pool's cost per busy slot-second.");

    // Quality (only when every pool's model has a quality figure).
    public static final Metric QUALITY = define(
            "quality.mean",
            "Quality (mean)",
            Unit.NONE,
            4,
            Kind.SCORE,
            "Mean, over the completed requests (cache hits left out), of the quality figure of the model that answered each one"
                    + " (model.quality: accuracy or a task score, in the user's unit; higher is better). For a cascade it is the mix of the"
                    + " two models' figures by the share each answered, which assumes a model's quality does not depend on which"
                    + " requests it gets.");

    // Cascade (only with a cascade).
    public static final Metric CASCADE_ESCALATED = define(
            "cascade.escalated",
            "Escalated",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests the cascade's first pool passed on to its second pool in the window.");
    public static final Metric CASCADE_ESCALATED_SHARE = define(
            "cascade.escalated_share",
            "Escalated share",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Escalated / requests the cascade's first pool finished (the observed p).");
    public static final Metric CASCADE_SKIPPED_FIRST = define(
            "cascade.skipped_first",
            "Skipped the first stage",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Completed requests of classes sent straight to the second pool (skip_first).");
    public static final List<Metric> CASCADE_FIRST_ONLY_LATENCY = times(
            "cascade.first_only_latency_ms",
            "latency, first stage only",
            "latency of completed requests answered by the cascade's first pool, milliseconds.");
    public static final List<Metric> CASCADE_ESCALATED_LATENCY = times(
            "cascade.escalated_latency_ms",
            "latency, escalated",
            "latency of completed escalated requests (both stages, queues at both included), milliseconds.");
    public static final List<Metric> CASCADE_SKIPPED_LATENCY = times(
            "cascade.skipped_first_latency_ms",
            "latency, second stage only",
            "latency of completed requests of skip_first classes, milliseconds.");
    public static final List<Metric> CASCADE_FIRST_STAGE_TTFT = times(
            "cascade.first_stage_ttft_ms",
            "time to first token, first stage",
            "time to first token of the cascade's first pool (an LLM engine) from the request's arrival, for every request"
                    + " it finished, escalated or not, milliseconds.");
    public static final List<Metric> CASCADE_SECOND_STAGE_TTFT = times(
            "cascade.second_stage_ttft_ms",
            "time to first token, second stage",
            "time to first token of the cascade's second pool (an LLM engine) from the moment the request reached it"
                    + " (escalated, or sent there by a skip_first class), for the requests it answered, milliseconds.");
    public static final Metric CASCADE_FIRST_COST = define(
            "cascade.cost_usd.first_per_1k_requests",
            "Cost per 1,000 requests, first stage",
            Unit.USD,
            4,
            Kind.MONEY,
            "Cost of the cascade's first pool per 1,000 completed requests (C_small).");
    public static final Metric CASCADE_SECOND_COST = define(
            "cascade.cost_usd.second_per_1k_requests",
            "Cost per 1,000 requests, second stage",
            Unit.USD,
            4,
            Kind.MONEY,
            "Cost of the cascade's second pool per 1,000 completed requests (p·C_full when every request starts at the"
                    + " first pool).");

    // Batch jobs (only for a scenario with a 'batch' job; cost_usd.total and interruptions are reported too).
    public static final Metric BATCH_COMPLETION = define(
            "batch.completion_s.mean",
            "Completion time",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "Seconds from the job's start until the last shard's last checkpoint completed; the mean over replications.");
    public static final Metric BATCH_COMPLETION_P10 = define(
            "batch.completion_s.p10",
            "Completion time, p10",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "10th percentile of the completion time over the replications (no confidence interval).");
    public static final Metric BATCH_COMPLETION_P50 = define(
            "batch.completion_s.p50",
            "Completion time, p50",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "Median completion time over the replications (no confidence interval).");
    public static final Metric BATCH_COMPLETION_P90 = define(
            "batch.completion_s.p90",
            "Completion time, p90",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "90th percentile of the completion time over the replications (no confidence interval).");
    public static final Metric BATCH_COMPLETION_MAX = define(
            "batch.completion_s.max",
            "Completion time, max",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "Longest completion time of the replications.");
    public static final Metric BATCH_DONE_BY_DEADLINE = define(
            "batch.done_by_deadline",
            "Done by the deadline",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Share of the replications in which the job completed within deadline_s of its start: P(done by the deadline)"
                    + " (only with a deadline).");
    public static final Metric BATCH_ITEMS_PER_S = define(
            "batch.items_per_s",
            "Items per second",
            Unit.ITEMS_PER_SECOND,
            2,
            Kind.RATE,
            "Items of the job / its completion time.");
    public static final Metric BATCH_COST_SPOT = define(
            "batch.cost_usd.spot",
            "Cost on spot",
            Unit.USD,
            2,
            Kind.MONEY,
            "US dollars billed for the job's spot instances, from launch to stop.");
    public static final Metric BATCH_COST_ON_DEMAND = define(
            "batch.cost_usd.on_demand",
            "Cost on demand",
            Unit.USD,
            2,
            Kind.MONEY,
            "US dollars billed for the job's on-demand instances (on-demand shards and fallbacks), from launch to stop.");
    public static final Metric BATCH_COST_PER_1M_ITEMS = define(
            "batch.cost_usd.per_1m_items",
            "Cost per 1M items",
            Unit.USD,
            4,
            Kind.MONEY,
            "Total cost of the job per million items.");
    public static final Metric BATCH_INSTANCE_HOURS_SPOT = define(
            "batch.instance_hours.spot",
            "Spot instance-hours",
            Unit.HOURS,
            2,
            Kind.TIME,
            "Hours billed for spot instances, all instances together.");
    public static final Metric BATCH_INSTANCE_HOURS_ON_DEMAND = define(
            "batch.instance_hours.on_demand",
            "On-demand instance-hours",
            Unit.HOURS,
            2,
            Kind.TIME,
            "Hours billed for on-demand instances, all instances together.");
    public static final Metric BATCH_LOST_S = define(
            "batch.lost_s",
            "Work lost to interruptions",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "Instance-seconds of work done but not saved by a checkpoint when a spot instance terminated (done again later).");
    public static final Metric BATCH_LOST_SHARE = define(
            "batch.lost_share",
            "Work lost, share of the job",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Work lost to interruptions / the job's work.");
    public static final Metric BATCH_CHECKPOINT_S = define(
            "batch.checkpoint_s",
            "Time checkpointing",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "Instance-seconds spent writing checkpoints (those cut off by a termination included).");
    public static final Metric BATCH_RESTART_S = define(
            "batch.restart_s",
            "Time restarting",
            Unit.SECONDS,
            0,
            Kind.TIME,
            "Instance-seconds replacements spent on start-up and model load before working (the first start of each"
                    + " instance is not counted).");
    public static final Metric BATCH_FALLBACKS = define(
            "batch.fallbacks",
            "Fallbacks to on-demand",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Shards whose spot instance was replaced by an on-demand one (fleet.fallback).");

    // Batch jobs whose instances run an LLM engine (batch.llm_engine).
    public static final Metric BATCH_LLM_ITEMS_PER_S = define(
            "batch.llm.items_per_s_per_instance",
            "Items per second per instance (engine at saturation)",
            Unit.ITEMS_PER_SECOND,
            3,
            Kind.RATE,
            "One instance's steady completion rate with a backlog of items, from its LLM engine's iteration loop run on a"
                    + " sample of the job's items (between the 20th and 80th percentile of their completions).");
    public static final Metric BATCH_LLM_OUTPUT_TOKENS_PER_S = define(
            "batch.llm.output_tokens_per_s_per_instance",
            "Output tokens per second per instance (engine at saturation)",
            Unit.TOKENS_PER_SECOND,
            1,
            Kind.RATE,
            "Output tokens one instance's LLM engine emits per second at saturation: its items per second × the sample's"
                    + " mean output tokens.");
    public static final Metric BATCH_LLM_BATCH_MEAN = define(
            "batch.llm.batch_size.mean",
            "Batch size at saturation (mean per iteration)",
            Unit.NONE,
            1,
            Kind.COUNT,
            "Sequences per iteration of one instance's LLM engine at saturation (max_num_seqs unless the KV cache or the"
                    + " token budget holds fewer).");
    public static final Metric BATCH_LLM_EDGE_S = define(
            "batch.llm.ramp_and_drain_s",
            "Ramp-up and drain per shard",
            Unit.SECONDS,
            1,
            Kind.TIME,
            "Seconds the ramp-up of an empty engine and the drain of the last items add to a shard beyond items / rate.");

    // Per pool: the cost by instance state, then the pool's own figures.
    private static final String POOL_COST = "Cost of pool {pool}";
    public static final Metric POOL_COST_TOTAL = pattern(
            "cost_usd.by_pool.{pool}.total",
            POOL_COST,
            "total",
            Unit.USD,
            2,
            Kind.MONEY,
            "US dollars billed for the pool in the observation window.");
    public static final Metric POOL_COST_BUSY = pattern(
            "cost_usd.by_pool.{pool}.busy",
            POOL_COST,
            "busy",
            Unit.USD,
            2,
            Kind.MONEY,
            "Cost of the pool's instance-seconds with a busy slot.");
    public static final Metric POOL_COST_IDLE = pattern(
            "cost_usd.by_pool.{pool}.idle",
            POOL_COST,
            "idle",
            Unit.USD,
            2,
            Kind.MONEY,
            "Cost of the pool's ready instance-seconds with no busy slot.");
    public static final Metric POOL_COST_STARTING = pattern(
            "cost_usd.by_pool.{pool}.starting",
            POOL_COST,
            "starting",
            Unit.USD,
            2,
            Kind.MONEY,
            "Cost of the pool's instances while they start (cold starts).");
    public static final Metric POOL_COST_DRAINING = pattern(
            "cost_usd.by_pool.{pool}.draining",
            POOL_COST,
            "draining",
            Unit.USD,
            2,
            Kind.MONEY,
            "Cost of the pool's instances while they drain before stopping.");
    public static final Metric POOL_COST_REQUESTS = pattern(
            "cost_usd.by_pool.{pool}.requests",
            POOL_COST,
            "per-request",
            Unit.USD,
            2,
            Kind.MONEY,
            "The pool's serverless per-request charges.");
    private static final String POOL = "Pool {pool}";
    public static final Metric POOL_COMPLETED = pattern(
            "pools.{pool}.completed",
            POOL,
            "completed",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests the pool completed in the window.");
    public static final Metric POOL_INSTANCES = pattern(
            "pools.{pool}.instances.mean",
            POOL,
            "instances (mean)",
            Unit.NONE,
            2,
            Kind.LEVEL,
            "Time-averaged instances starting, ready or draining.");
    public static final Metric POOL_UTILIZATION = pattern(
            "pools.{pool}.utilization",
            POOL,
            "utilization",
            Unit.NONE,
            3,
            Kind.RATIO,
            "Busy slot-seconds / ready slot-seconds of the pool.");
    public static final Metric POOL_COLD_STARTS = pattern(
            "pools.{pool}.cold_starts",
            POOL,
            "cold starts",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Instances the pool launched in the window.");
    public static final Metric POOL_INTERRUPTIONS = pattern(
            "pools.{pool}.interruptions",
            POOL,
            "interruptions",
            Unit.NONE,
            0,
            Kind.COUNT,
            "The pool's spot instances terminated in the window.");

    // Per request class (only with classes).
    private static final String CLASS = "Class {class}";
    public static final Metric CLASS_REQUESTS = pattern(
            "classes.{class}.requests",
            CLASS,
            "requests",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests of the class that arrived in the observation window.");
    public static final Metric CLASS_COMPLETED = pattern(
            "classes.{class}.completed",
            CLASS,
            "completed",
            Unit.NONE,
            0,
            Kind.COUNT,
            "Requests of the class completed in the window.");
    public static final List<Metric> CLASS_LATENCY = classTimes();
    public static final Metric CLASS_SLO_ATTAINMENT = pattern(
            "classes.{class}.slo_attainment",
            CLASS,
            "within SLO",
            Unit.NONE,
            4,
            Kind.RATIO,
            "Share of the class's completed requests with latency at most its slo_ms (undefined without slo_ms).");

    private static final List<Metric> ALL = Collections.unmodifiableList(new ArrayList<>(CATALOGUE));
    private static final List<Pattern> REGEX = ALL.stream()
            .map(m ->
                    Pattern.compile(PLACEHOLDER.matcher(Pattern.quote(m.path)).replaceAll("\\\\E(" + NAME + ")\\\\Q")))
            .toList();

    private static List<Metric> times(String prefix, String what, String description) {
        List<Metric> l = new ArrayList<>();
        for (Stat s : Stat.values()) {
            String label = s == Stat.MEAN || s == Stat.MAX ? capitalise(s.label) + " " + what : s.label + " " + what;
            l.add(define(prefix + "." + s.key, label, Unit.MS, 3, Kind.TIME, statDescription(s) + " " + description));
        }
        return List.copyOf(l);
    }

    private static List<Metric> classTimes() {
        List<Metric> l = new ArrayList<>();
        for (Stat s : Stat.values()) {
            l.add(pattern(
                    "classes.{class}.latency_ms." + s.key,
                    CLASS,
                    s.label + " latency",
                    Unit.MS,
                    3,
                    Kind.TIME,
                    statDescription(s) + " latency of the class's completed requests, milliseconds."));
        }
        return List.copyOf(l);
    }

    private static String statDescription(Stat s) {
        return switch (s) {
            case MEAN -> "Mean";
            case MAX -> "Largest";
            case P999 -> "99.9th percentile of the";
            default -> s.key.substring(1) + "th percentile of the";
        };
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Every metric, fixed ones and patterns, in the order a run reports them. */
    public static List<Metric> all() {
        return ALL;
    }

    /** The latency statistic {@code s} ({@code latency_ms.p99} for P99). */
    public static Metric latency(Stat s) {
        return LATENCY.get(s.ordinal());
    }

    /** The metric a concrete path is an instance of ({@code pools.gpu.utilization} → the pool pattern). */
    public static Optional<Metric> find(String path) {
        for (int i = 0; i < ALL.size(); i++) {
            if (REGEX.get(i).matcher(path).matches()) return Optional.of(ALL.get(i));
        }
        return Optional.empty();
    }

    /** Whether this is a pattern (a metric of every pool or every class). */
    public boolean isPattern() {
        return group != null;
    }

    /** The concrete path for a pool or class name ({@code pools.gpu.utilization}); a fixed metric's own path. */
    public String at(String name) {
        if (!isPattern()) return path;
        return PLACEHOLDER.matcher(path).replaceFirst(Matcher.quoteReplacement(name));
    }

    /** For a pattern, the pool or class name in a concrete path of it; null when the path is not one. */
    public String nameIn(String concretePath) {
        int i = ALL.indexOf(this);
        Matcher m = REGEX.get(i).matcher(concretePath);
        return isPattern() && m.matches() ? m.group(1) : null;
    }

    /** The label of a concrete path: the metric's label, qualified by its group for a pattern ("Pool gpu: utilization"). */
    public String labelAt(String concretePath) {
        if (!isPattern()) return label;
        String name = nameIn(concretePath);
        return PLACEHOLDER.matcher(group).replaceFirst(Matcher.quoteReplacement(name == null ? "?" : name)) + ": "
                + label;
    }

    /** The label of a concrete path; the path itself when the catalogue does not know it. */
    public static String labelOf(String path) {
        return find(path).map(m -> m.labelAt(path)).orElse(path);
    }

    /** The unit symbol of a concrete path ("" when unknown). */
    public static String unitOf(String path) {
        return find(path).map(m -> m.unit().symbol()).orElse("");
    }

    /**
     * The pool or class names that have a value of {@code pattern} among {@code paths}, in their order
     * (e.g. the pools of a run, from its {@code cost_usd.by_pool.NAME.total} metrics).
     */
    public List<String> names(Iterable<String> paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            String n = nameIn(p);
            if (n != null && !out.contains(n)) out.add(n);
        }
        return out;
    }
}
