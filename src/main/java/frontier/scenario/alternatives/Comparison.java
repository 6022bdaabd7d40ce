package frontier.scenario.alternatives;

import frontier.model.RunResult;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A baseline and its alternatives, each run with the baseline's replications and seed: replication k of
 * every entry draws from the random streams of (seed, k), so all see the same arrivals and service draws as
 * far as their pools allow (common random numbers). A delta to the baseline is therefore the mean of the
 * paired differences over replications, and its 95% confidence interval is Student t over those differences
 * — narrower than from two independent samples whenever the runs are positively correlated.
 */
public final class Comparison {
    /** One entry: the baseline (index 0) or an alternative, its changes, the assumptions they made and its results. */
    public record Entry(String name, List<String> changes, List<String> notes, Scenario scenario, Summary summary) {}

    /** A mean with the half-width of its 95% confidence interval (NaN with one replication). */
    public record Estimate(double mean, double halfWidth) {}

    private final List<Entry> entries;

    public Comparison(List<Entry> entries) {
        if (entries.isEmpty()) throw new IllegalArgumentException("no baseline");
        int n = entries.getFirst().summary().replications().size();
        for (Entry e : entries) {
            if (e.summary().replications().size() != n)
                throw new IllegalArgumentException(
                        e.name() + ": " + e.summary().replications().size() + " replications, the baseline has " + n);
        }
        this.entries = List.copyOf(entries);
    }

    /**
     * Runs the baseline and then each alternative (each one's replications in parallel on {@code runner}),
     * reporting progress over all of them; a cancel stops the run in progress ({@link frontier.sim.CancelledException}).
     */
    public static Comparison run(
            Baseline base, List<Alternative.Built> alternatives, ScenarioRunner runner, RunControl control) {
        List<Entry> entries = new ArrayList<>();
        int total = alternatives.size() + 1;
        for (int i = 0; i < total; i++) {
            // A short run may finish before the engine looks at the control: look between runs too.
            if (control.isCancelled()) throw new frontier.sim.CancelledException();
            Scenario s = i == 0 ? base.scenario() : alternatives.get(i - 1).scenario();
            int done = i;
            Summary summary = runner.run(s, new RunControl() {
                @Override
                public boolean isCancelled() {
                    return control.isCancelled();
                }

                @Override
                public void progress(double f) {
                    control.progress((done + f) / total);
                }
            });
            if (i == 0) {
                entries.add(new Entry("Baseline", List.of(), List.of(), s, summary));
            } else {
                Alternative.Built b = alternatives.get(i - 1);
                entries.add(new Entry(
                        b.alternative().name(),
                        b.alternative().changes().stream().map(Change::describe).toList(),
                        b.notes(),
                        s,
                        summary));
            }
        }
        control.progress(1);
        return new Comparison(entries);
    }

    /** The baseline first, then the alternatives in the order given. */
    public List<Entry> entries() {
        return entries;
    }

    public int replications() {
        return entries.getFirst().summary().replications().size();
    }

    /** The metric of entry {@code i}: mean over replications and 95% half-width. */
    public Estimate value(int i, CompareMetric m) {
        List<RunResult> runs = entries.get(i).summary().replications();
        double[] x = new double[runs.size()];
        for (int k = 0; k < x.length; k++) x[k] = m.of(runs.get(k));
        return estimate(x);
    }

    /** Entry {@code i} minus the baseline, paired replication by replication (zero for the baseline itself). */
    public Estimate delta(int i, CompareMetric m) {
        List<RunResult> alt = entries.get(i).summary().replications();
        List<RunResult> base = entries.getFirst().summary().replications();
        double[] d = new double[alt.size()];
        for (int k = 0; k < d.length; k++) d[k] = m.of(alt.get(k)) - m.of(base.get(k));
        return estimate(d);
    }

    /** The delta relative to the baseline's mean, in percent (NaN when the baseline is 0). */
    public double deltaPercent(int i, CompareMetric m) {
        double b = value(0, m).mean();
        return b != 0 && Double.isFinite(b) ? 100 * delta(i, m).mean() / Math.abs(b) : Double.NaN;
    }

    /** Whether any replication of the metric is measured (cost per 1M tokens needs token counts). */
    public boolean measured(CompareMetric m) {
        for (int i = 0; i < entries.size(); i++) if (Double.isFinite(value(i, m).mean())) return true;
        return false;
    }

    /**
     * Requests entry {@code i} did not serve on average per replication: dropped (rejected or timed out) and
     * lost to spot terminations. Never hidden: whoever shows a cost shows this next to it when it is above 0.
     */
    public double notServed(int i) {
        return value(i, CompareMetric.DROPPED).mean()
                + value(i, CompareMetric.LOST).mean();
    }

    /** {@link #notServed} as a share of the requests, in percent. */
    public double notServedPercent(int i) {
        return value(i, CompareMetric.NOT_SERVED_SHARE).mean();
    }

    /**
     * "drops 1.2% of requests (3,450 per run)" when entry {@code i} did not serve every request, else empty:
     * the words shown wherever its cost is shown.
     */
    public String dropWarning(int i) {
        double n = notServed(i);
        if (!(n > 0)) return "";
        double pct = notServedPercent(i);
        String share = pct >= 0.1
                ? String.format(java.util.Locale.US, "%.1f%%", pct)
                : String.format(java.util.Locale.US, "%.2g%%", pct);
        return String.format(java.util.Locale.US, "drops %s of requests (%,.0f per run)", share, n);
    }

    /** A relative change as people read it: "+12.3%", "−46.5%". */
    public static String percent(double pct) {
        if (!Double.isFinite(pct)) return "";
        return String.format(java.util.Locale.US, "%+.1f%%", pct).replace('-', '−');
    }

    private static Estimate estimate(double[] x) {
        int n = x.length;
        double sum = 0;
        for (double v : x) sum += v;
        double mean = sum / n;
        if (n < 2 || !Double.isFinite(mean)) return new Estimate(mean, Double.NaN);
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
        return new Estimate(mean, t * Math.sqrt(ss / (n - 1) / n));
    }
}
