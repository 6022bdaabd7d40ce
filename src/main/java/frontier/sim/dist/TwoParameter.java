package frontier.sim.dist;

import static frontier.sim.InvalidSpecException.positive;

import frontier.sim.InvalidSpecException;

/** Shared argument checks for families given either by (mean, cv) or by two native parameters. */
final class TwoParameter {
    static final double MIN_CV = 1e-12;
    static final double MAX_CV = 1e3;

    private TwoParameter() {}

    /** Returns true when (mean, cv) was given, false when the native pair was; throws if neither or a mix. */
    static boolean byMoments(Double mean, Double cv, String a, Double av, String b, Double bv) {
        boolean moments = mean != null || cv != null;
        boolean natives = av != null || bv != null;
        if (moments == natives) {
            throw new InvalidSpecException("mean", "give either 'mean' and 'cv', or '" + a + "' and '" + b + "'");
        }
        if (moments) {
            positive("mean", InvalidSpecException.required("mean", mean));
            positive("cv", InvalidSpecException.required("cv", cv));
            // Beyond these, a family's native parameters underflow or overflow (sigma or theta 0, shape infinite).
            if (cv < MIN_CV || cv > MAX_CV) {
                throw new InvalidSpecException(
                        "cv", "expected a cv from 1e-12 to 1000 (for no variation use type deterministic), got " + cv);
            }
        } else {
            InvalidSpecException.required(a, av);
            InvalidSpecException.required(b, bv);
        }
        return moments;
    }
}
