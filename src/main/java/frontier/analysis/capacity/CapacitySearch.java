package frontier.analysis.capacity;

import frontier.model.Metric;
import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The highest Poisson request rate a deployment sustains under TTFT and TPOT SLOs on a percentile
 * (p99 by default): each probe simulates the deployment at one rate (several replications), the SLO is
 * met when the mean over replications of the percentile is within it, and the search doubles the rate
 * until a probe misses, then bisects down to a relative tolerance. Beside the capacity (the highest rate
 * that met the SLOs) it reports the confidence interval the replications allow: the highest rate whose
 * 95% interval lies wholly within the SLOs, and the lowest whose interval lies wholly beyond one of them.
 * A rate at which the deployment does not keep up (completions below 95% of arrivals) misses too.
 */
public final class CapacitySearch {
    /** SLOs in seconds on the {@code stat} percentile of TTFT and TPOT. */
    public record Slo(double ttftS, double tpotS, Metric.Stat stat) {}

    /** One simulated rate: the SLO percentiles (ms, mean ± 95% half-width), throughput, and the verdicts. */
    public record Probe(
            double rate,
            double ttftMs,
            double ttftHalfWidth,
            double tpotMs,
            double tpotHalfWidth,
            double throughput,
            boolean meets,
            boolean certainlyMeets,
            boolean certainlyMisses) {}

    /** {@code rate}: the capacity (0 if even the lowest rate missed); {@code low}..{@code high}: its 95% interval. */
    public record Result(double rate, double low, double high, List<Probe> probes) {}

    private CapacitySearch() {}

    /**
     * @param runAt     simulates the deployment at a rate (requests/s) and summarises the replications
     * @param startRate the first rate probed (a guess; the search doubles or halves from it)
     * @param tolerance relative width at which bisection stops (e.g. 0.02)
     */
    public static Result search(DoubleFunction<Summary> runAt, Slo slo, double startRate, double tolerance) {
        List<Probe> probes = new ArrayList<>();
        double lo = 0;
        double hi = Double.NaN;
        double r = startRate;
        for (int i = 0; i < 30; i++) {
            Probe p = probe(runAt, slo, r);
            probes.add(p);
            if (p.meets()) {
                lo = r;
                if (!Double.isNaN(hi)) break;
                r *= 2;
            } else {
                hi = r;
                if (lo > 0) break;
                r /= 2;
                if (r < startRate / 1024) break;
            }
        }
        if (lo > 0 && !Double.isNaN(hi)) {
            while ((hi - lo) / lo > tolerance) {
                double mid = (lo + hi) / 2;
                Probe p = probe(runAt, slo, mid);
                probes.add(p);
                if (p.meets()) lo = mid;
                else hi = mid;
            }
        }
        probes.sort(Comparator.comparingDouble(Probe::rate));
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        for (Probe p : probes) {
            if (p.certainlyMeets() && p.rate() > low) low = p.rate();
        }
        for (Probe p : probes) {
            if (p.certainlyMisses() && p.rate() > low) {
                high = p.rate();
                break;
            }
        }
        return new Result(lo, low, high, List.copyOf(probes));
    }

    /** One probe at a given rate (for a fleet's check at a target load). */
    public static Probe probeAt(DoubleFunction<Summary> runAt, Slo slo, double rate) {
        return probe(runAt, slo, rate);
    }

    static Probe probe(DoubleFunction<Summary> runAt, Slo slo, double rate) {
        Summary s = runAt.apply(rate);
        String ttft = Metric.TTFT.get(slo.stat().ordinal()).path();
        String tpot = Metric.TPOT.get(slo.stat().ordinal()).path();
        double t1 = s.metric(ttft);
        double t2 = s.metric(tpot);
        double h1 = finite(s.halfWidth(ttft));
        double h2 = finite(s.halfWidth(tpot));
        double thr = s.metric(Metric.THROUGHPUT);
        double arr = s.metric(Metric.ARRIVAL_RATE);
        boolean keepsUp = !(thr < 0.95 * arr);
        double ttftSlo = slo.ttftS() * 1000;
        double tpotSlo = slo.tpotS() * 1000;
        boolean meets = keepsUp && t1 <= ttftSlo && (Double.isNaN(t2) || t2 <= tpotSlo);
        boolean sure = keepsUp && t1 + h1 <= ttftSlo && (Double.isNaN(t2) || t2 + h2 <= tpotSlo);
        boolean surelyNot = !keepsUp || t1 - h1 > ttftSlo || t2 - h2 > tpotSlo;
        return new Probe(rate, t1, h1, t2, h2, thr, meets, sure, surelyNot);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
