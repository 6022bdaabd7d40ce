package frontier.pareto;

import frontier.model.Metric;
import frontier.sim.BadInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A metric to optimise, by its path in the results ({@code cost_usd.per_1k_requests}, a {@link Metric}
 * of the catalogue or any numeric field of the results), and its {@link Direction}: minimised unless
 * written {@code max:PATH}, or unless the metric is one where higher is better ({@link Metric.Kind#SCORE}, such as
 * {@code quality.mean}), which is maximised unless written {@code min:PATH}. Short names: {@code cost} (per 1,000
 * requests), {@code cost_total}, {@code cost_per_hour}, {@code mean}, {@code p50}, {@code p90}, {@code p95},
 * {@code p99}, {@code p999} (latency), {@code quality} (maximised), and the counts {@code dropped}, {@code lost},
 * {@code rejected}, {@code timed_out}; for batch jobs {@code completion} (mean completion time), {@code completion_p90},
 * {@code done_by_deadline} and {@code cost_per_1m_items}.
 */
public record Objective(String path, boolean maximise) {
    /** Which way an objective is better. */
    public enum Direction {
        MINIMISE,
        MAXIMISE
    }

    private static final Map<String, String> ALIASES = aliases();

    private static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("cost", Metric.COST_PER_1K.path());
        a.put("cost_total", Metric.COST_TOTAL.path());
        a.put("cost_per_hour", Metric.COST_PER_HOUR.path());
        for (Metric.Stat s : Metric.Stat.values()) {
            if (s != Metric.Stat.MAX) a.put(s.key, Metric.latency(s).path());
        }
        // LLM engines: ttft_p99, tpot_p99, goodput, cost_per_1m_output.
        for (Metric.Stat s : Metric.Stat.values()) {
            if (s == Metric.Stat.MAX) continue;
            a.put("ttft_" + s.key, Metric.TTFT.get(s.ordinal()).path());
            a.put("tpot_" + s.key, Metric.TPOT.get(s.ordinal()).path());
        }
        a.put("goodput", Metric.LLM_GOODPUT.path());
        a.put("tokens_per_s", Metric.LLM_OUTPUT_TOKENS_PER_S.path());
        a.put("cost_per_1m_output", Metric.COST_PER_1M_OUTPUT_TOKENS.path());
        a.put("quality", Metric.QUALITY.path());
        a.put("escalated", Metric.CASCADE_ESCALATED_SHARE.path());
        // Batch jobs: completion (mean completion time), completion_p90, done_by_deadline, cost_per_1m_items.
        a.put("completion", Metric.BATCH_COMPLETION.path());
        a.put("completion_p90", Metric.BATCH_COMPLETION_P90.path());
        a.put("done_by_deadline", Metric.BATCH_DONE_BY_DEADLINE.path());
        a.put("cost_per_1m_items", Metric.BATCH_COST_PER_1M_ITEMS.path());
        return Map.copyOf(a);
    }

    public Objective {
        if (path == null || path.isBlank())
            throw new BadInputException("objective: expected a metric path such as latency_ms.p99");
    }

    public Objective(String path, Direction direction) {
        this(path, direction == Direction.MAXIMISE);
    }

    /**
     * {@code cost}, {@code p99}, {@code latency_ms.p95}, {@code max:classes.chat.slo_attainment}, {@code quality}, …; without
     * {@code max:} or {@code min:}, the metric's own direction ({@link #naturalDirection}).
     */
    public static Objective parse(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        Direction given =
                lower.startsWith("max:") ? Direction.MAXIMISE : lower.startsWith("min:") ? Direction.MINIMISE : null;
        if (given != null) t = t.substring(4).strip();
        if (t.isEmpty())
            throw new BadInputException("objective '" + text + "': expected a metric path such as latency_ms.p99");
        String path = metricPath(t);
        return new Objective(path, given != null ? given : naturalDirection(path));
    }

    /** The direction in which a metric is better: maximised for a {@link Metric.Kind#SCORE} (quality), else minimised. */
    public static Direction naturalDirection(String path) {
        return Metric.find(path).map(m -> m.kind() == Metric.Kind.SCORE).orElse(false)
                ? Direction.MAXIMISE
                : Direction.MINIMISE;
    }

    /** Which way this objective is better. */
    public Direction direction() {
        return maximise ? Direction.MAXIMISE : Direction.MINIMISE;
    }

    /** Expands a short name ({@code cost}, {@code p99}) to its metric path; other text is taken as a path. */
    public static String metricPath(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /** The value to minimise. */
    public double minimised(double value) {
        return maximise ? -value : value;
    }

    @Override
    public String toString() {
        if (maximise) return "max:" + path;
        return naturalDirection(path) == Direction.MAXIMISE ? "min:" + path : path;
    }
}
