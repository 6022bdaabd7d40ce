package frontier.analysis.llm;

import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measured against predicted, per load level: mean and p99 of TTFT, TPOT and end-to-end latency (s),
 * and the completion rate (requests/s from first send to last end). The prediction pools the requests
 * of {@code replications} runs with independent noise (and, without send times, independent arrivals).
 * Quantiles of both sides by the same rule (nearest rank), so the sample size affects both alike.
 */
public final class LevelComparison {
    /** Statistics of one side. */
    public record Stats(
            double ttftMean,
            double ttftP99,
            double tpotMean,
            double tpotP99,
            double e2eMean,
            double e2eP99,
            double rate) {}

    /** One level: label, offered rate, how many requests, measured and predicted. */
    public record Row(String label, double offeredRate, int requests, Stats measured, Stats predicted) {
        /** Relative error (predicted − measured) / measured of statistic {@code k} (0..6 in {@link Stats} order). */
        public double error(int k) {
            double m = value(measured, k);
            double p = value(predicted, k);
            return (p - m) / m;
        }

        public double maxAbsMeanError() {
            return Math.max(Math.abs(error(0)), Math.max(Math.abs(error(2)), Math.abs(error(4))));
        }

        public double maxAbsP99Error() {
            return Math.max(Math.abs(error(1)), Math.max(Math.abs(error(3)), Math.abs(error(5))));
        }
    }

    static double value(Stats s, int k) {
        return switch (k) {
            case 0 -> s.ttftMean();
            case 1 -> s.ttftP99();
            case 2 -> s.tpotMean();
            case 3 -> s.tpotP99();
            case 4 -> s.e2eMean();
            case 5 -> s.e2eP99();
            default -> s.rate();
        };
    }

    private LevelComparison() {}

    public static Row compare(
            BenchmarkLevel level, EngineConfig config, IterationProfile profile, int replications, long seed) {
        return compare(new ProfileFit.Input(level, config), profile, replications, seed);
    }

    /** As above on the input's engines, over its requests after the warm-up. */
    public static Row compare(ProfileFit.Input in, IterationProfile profile, int replications, long seed) {
        BenchmarkLevel level = in.level();
        int from = in.warmup();
        int n = level.requests().size() - from;
        double[] mt = new double[n];
        double[] mp = new double[n];
        double[] me = new double[n];
        for (int i = 0; i < n; i++) {
            BenchmarkLevel.Request r = level.requests().get(from + i);
            mt[i] = r.ttft();
            mp[i] = r.tpot();
            me[i] = r.e2e();
        }
        Stats measured = stats(mt, mp, me, level.hasSendTimes() ? level.achievedRate() : Double.NaN);
        List<double[]> pt = new ArrayList<>();
        List<double[]> pp = new ArrayList<>();
        List<double[]> pe = new ArrayList<>();
        double rate = 0;
        for (int k = 0; k < replications; k++) {
            LlmResult res = ProfileFit.simulate(in, profile, seed + k);
            int all = level.requests().size();
            pt.add(Arrays.copyOfRange(res.requestTtft(), from, all));
            pp.add(Arrays.copyOfRange(res.requestTpot(), from, all));
            pe.add(Arrays.copyOfRange(res.requestE2e(), from, all));
            rate += res.requestsPerS();
        }
        Stats predicted = stats(concat(pt), concat(pp), concat(pe), rate / replications);
        return new Row(level.label(), level.offeredRate(), n, measured, predicted);
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    static Stats stats(double[] ttft, double[] tpot, double[] e2e, double rate) {
        return new Stats(mean(ttft), p99(ttft), mean(tpot), p99(tpot), mean(e2e), p99(e2e), rate);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    /** Nearest-rank 99th percentile of the non-NaN values. */
    static double p99(double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(0.99 * s.length);
        return s[Math.max(0, rank - 1)];
    }
}
