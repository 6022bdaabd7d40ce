package frontier.analysis.llm;

import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Fits {@code t = a + b·prefill_tokens + c·decode_seqs + d·context_tokens} to measured iteration (or
 * batch) times, such as Splitwise's prefill and per-step decode tables: least squares on relative errors
 * (each row divided by its measured time, so a 30 ms decode step counts as much as a 3 s prefill), with
 * every coefficient kept ≥ 0 by dropping a term that comes out negative and refitting the rest.
 */
public final class IterationTableFit {
    /** One measured iteration: its composition and its time (s). */
    public record Row(double prefillTokens, double decodeSeqs, double contextTokens, double seconds) {}

    /** Coefficients (s, s/token, s/sequence, s/token), R² of the times, largest |relative error|. */
    public record Result(double a, double b, double c, double d, double r2, double maxRelError, int rows) {
        public double predict(Row r) {
            return a + b * r.prefillTokens() + c * r.decodeSeqs() + d * r.contextTokens();
        }
    }

    private IterationTableFit() {}

    public static Result fit(List<Row> rows) {
        if (rows.size() < 4)
            throw new BadInputException(
                    "at least 4 measured iterations are needed to fit 4 coefficients, got " + rows.size());
        boolean[] active = {true, true, true, true};
        double[] coef = new double[4];
        for (int pass = 0; pass < 4; pass++) {
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < 4; j++) if (active[j]) cols.add(j);
            double[][] x = new double[rows.size()][cols.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                double[] f = {1, r.prefillTokens(), r.decodeSeqs(), r.contextTokens()};
                double w = 1 / r.seconds();
                for (int k = 0; k < cols.size(); k++) x[i][k] = f[cols.get(k)] * w;
                y[i] = 1;
            }
            RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(x, false))
                    .getSolver()
                    .solve(new ArrayRealVector(y, false));
            coef = new double[4];
            int worst = -1;
            for (int k = 0; k < cols.size(); k++) {
                coef[cols.get(k)] = beta.getEntry(k);
                if (beta.getEntry(k) < 0 && (worst < 0 || beta.getEntry(k) < coef[worst])) worst = cols.get(k);
            }
            if (worst < 0) break;
            active[worst] = false;
            coef[worst] = 0;
        }
        for (int j = 0; j < 4; j++) if (!active[j] || coef[j] < 0) coef[j] = 0;
        Result tmp = new Result(coef[0], coef[1], coef[2], coef[3], 0, 0, rows.size());
        double mean = rows.stream().mapToDouble(Row::seconds).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        double maxRel = 0;
        for (Row r : rows) {
            double p = tmp.predict(r);
            ssRes += (p - r.seconds()) * (p - r.seconds());
            ssTot += (r.seconds() - mean) * (r.seconds() - mean);
            maxRel = Math.max(maxRel, Math.abs(p - r.seconds()) / r.seconds());
        }
        return new Result(coef[0], coef[1], coef[2], coef[3], 1 - ssRes / ssTot, maxRel, rows.size());
    }
}
