package frontier.scenario;

import frontier.model.LatencyHistogram;
import frontier.model.Metric;
import frontier.model.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The result of N independent replications: for every metric the mean over replications and the
 * half-width of its 95% confidence interval (Student t with N−1 degrees of freedom; NaN when N = 1), and
 * text labels of the scenario (e.g. the model and accuracy label each pool serves).
 */
public record Summary(
        String scenario,
        long seed,
        List<RunResult> replications,
        Map<String, Double> mean,
        Map<String, Double> halfWidth95,
        Map<String, String> labels) {

    public static Summary of(String scenario, long seed, List<RunResult> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no replications");
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> hw = new LinkedHashMap<>();
        int n = runs.size();
        double t = n > 1 ? TDistribution.of(n - 1).inverseSurvivalProbability(0.025) : Double.NaN;
        for (String key : runs.getFirst().metrics().keySet()) {
            double sum = 0;
            for (RunResult r : runs) sum += r.metric(key);
            double m = sum / n;
            double ss = 0;
            for (RunResult r : runs) ss += (r.metric(key) - m) * (r.metric(key) - m);
            mean.put(key, m);
            hw.put(key, n > 1 ? t * Math.sqrt(ss / (n - 1) / n) : Double.NaN);
        }
        return new Summary(
                scenario,
                seed,
                Collections.unmodifiableList(new ArrayList<>(runs)),
                Collections.unmodifiableMap(mean),
                Collections.unmodifiableMap(hw),
                Map.of());
    }

    /**
     * The same summary with text labels (dotted paths like the metrics, e.g. {@code pools.gpu.model}),
     * such as which model variant each pool serves.
     */
    public Summary withLabels(Map<String, String> l) {
        return new Summary(
                scenario, seed, replications, mean, halfWidth95, Collections.unmodifiableMap(new LinkedHashMap<>(l)));
    }

    public double metric(String path) {
        Double v = mean.get(path);
        if (v == null) throw new IllegalArgumentException("no metric " + path + "; known: " + mean.keySet());
        return v;
    }

    public double metric(Metric m) {
        return metric(m.path());
    }

    /** Whether the run reports the metric at this concrete path (fleet and class figures are optional). */
    public boolean has(String path) {
        return mean.containsKey(path);
    }

    public boolean has(Metric m) {
        return has(m.path());
    }

    public double halfWidth(Metric m) {
        return halfWidth(m.path());
    }

    /** The pools or classes that report the pattern {@code m}, in the run's order. */
    public java.util.List<String> names(Metric m) {
        return m.names(mean.keySet());
    }

    public double halfWidth(String path) {
        return halfWidth95.getOrDefault(path, Double.NaN);
    }

    /** Latency histogram pooled over all replications (bins of the first replication's width). */
    public LatencyHistogram pooledLatencyHistogram() {
        LatencyHistogram first = replications.getFirst().latencyHistogram();
        long[] counts = first.counts().clone();
        for (int i = 1; i < replications.size(); i++) {
            LatencyHistogram h = replications.get(i).latencyHistogram();
            for (int b = 0; b < h.counts().length; b++) {
                double mid = (b + 0.5) * h.binWidthMs();
                int target = (int) Math.min(counts.length - 1, Math.floor(mid / first.binWidthMs()));
                if (counts.length > 0) counts[target] += h.counts()[b];
            }
        }
        return new LatencyHistogram(first.binWidthMs(), counts);
    }

    public long events() {
        return replications.stream().mapToLong(RunResult::events).sum();
    }
}
