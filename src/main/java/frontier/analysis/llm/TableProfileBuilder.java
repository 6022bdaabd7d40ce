package frontier.analysis.llm;

import frontier.model.llm.IterationTable;
import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an {@link IterationTable} from measured points (repeated measurements of one key are averaged)
 * and says how well it predicts what it was not given: leave-one-out over every point of each of its
 * three tables, each left-out point interpolated (or extrapolated, at the ends) from the others by the
 * table's own rule. In-sample a table is exact up to the averaging, so leave-one-out is the honest
 * figure to set beside a linear fit's R².
 */
public final class TableProfileBuilder {
    /** One measured point: a key (tokens or sequences) and a time in seconds. */
    public record Point(double key, double seconds) {}

    /** Leave-one-out errors: how many points were left out, the median and largest |relative error|. */
    public record Quality(int points, double medianAbsRelError, double maxAbsRelError) {}

    private TableProfileBuilder() {}

    public static IterationTable build(
            List<Point> prefill, List<Point> decodeBatch, double refContext, List<Point> decodeContext) {
        double[][] p = averaged(prefill, "prefill");
        double[][] b = averaged(decodeBatch, "decode_batch");
        double[][] c = averaged(decodeContext, "decode_context");
        return new IterationTable(p[0], p[1], b[0], b[1], refContext, c[0], c[1]);
    }

    private static double[][] averaged(List<Point> points, String what) {
        if (points.isEmpty()) throw new BadInputException(what + ": no measured point");
        Map<Double, double[]> m = new TreeMap<>();
        for (Point pt : points) {
            double[] acc = m.computeIfAbsent(pt.key(), k -> new double[2]);
            acc[0] += pt.seconds();
            acc[1]++;
        }
        double[] k = new double[m.size()];
        double[] v = new double[m.size()];
        int i = 0;
        for (Map.Entry<Double, double[]> e : m.entrySet()) {
            k[i] = e.getKey();
            v[i++] = e.getValue()[0] / e.getValue()[1];
        }
        return new double[][] {k, v};
    }

    /** Leave-one-out over the points of the three tables (tables of one point are skipped). */
    public static Quality leaveOneOut(IterationTable t) {
        List<Double> errors = new ArrayList<>();
        collect(t.prefillTokens(), t.prefillSeconds(), errors);
        collect(t.decodeSeqs(), t.decodeBatchSeconds(), errors);
        collect(t.contextTokens(), t.decodeContextSeconds(), errors);
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (e.length == 0) return new Quality(0, Double.NaN, Double.NaN);
        double median = e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
        return new Quality(e.length, median, e[e.length - 1]);
    }

    private static void collect(double[] x, double[] y, List<Double> errors) {
        if (x.length < 2) return;
        for (int i = 0; i < x.length; i++) {
            double[] xs = remove(x, i);
            double[] ys = remove(y, i);
            // Same rule as IterationTable: a one-point table is the only point; below: first value; above: last slope.
            IterationTable one = new IterationTable(
                    xs, ys, new double[] {1}, new double[] {1}, 1, new double[] {1}, new double[] {1});
            errors.add(Math.abs(one.prefill(x[i]) - y[i]) / y[i]);
        }
    }

    private static double[] remove(double[] a, int i) {
        double[] out = new double[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    /** The linear form's in-sample |relative errors| on the same points, for comparison (median, max). */
    public static Quality linearOnPoints(IterationTableFit.Result fit, IterationTable t) {
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < t.prefillTokens().length; i++) {
            double k = t.prefillTokens()[i];
            errors.add(Math.abs(fit.predict(new IterationTableFit.Row(k, 0, k, 0)) - t.prefillSeconds()[i])
                    / t.prefillSeconds()[i]);
        }
        for (int i = 0; i < t.decodeSeqs().length; i++) {
            double s = t.decodeSeqs()[i];
            errors.add(Math.abs(fit.predict(new IterationTableFit.Row(0, s, s * t.refContext(), 0))
                            - t.decodeBatchSeconds()[i])
                    / t.decodeBatchSeconds()[i]);
        }
        for (int i = 0; i < t.contextTokens().length; i++) {
            double c = t.contextTokens()[i];
            errors.add(Math.abs(fit.predict(new IterationTableFit.Row(0, 1, c, 0)) - t.decodeContextSeconds()[i])
                    / t.decodeContextSeconds()[i]);
        }
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
        return new Quality(e.length, median, e[e.length - 1]);
    }
}
