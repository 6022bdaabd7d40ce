package frontier.twin;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * An independent generator of request logs for the twin tests, written from scratch for them (it shares no
 * code with Frontier's engine or the demo): Poisson arrivals at a fixed rate into one FIFO queue in front of
 * c identical servers, lognormal service times. Each request starts when it arrives or when the earliest
 * server frees, whichever is later (the Kiefer–Wolfowitz recursion of the G/G/c queue, exact for FIFO).
 */
final class FleetGenerator {
    /** Requests in arrival order: arrival (s from 0), latency (s) and service (s). */
    record Log(double[] arrival, double[] latency, double[] service) {
        int size() {
            return arrival.length;
        }

        /** The q-quantile of latency in ms (nearest rank), over requests from index {@code from}. */
        double latencyQuantileMs(double q, int from) {
            double[] s = Arrays.copyOfRange(latency, from, latency.length);
            Arrays.sort(s);
            return 1000 * s[Math.max(0, (int) Math.ceil(q * s.length) - 1)];
        }
    }

    private FleetGenerator() {
    }

    /** {@code n} requests at {@code ratePerS} into {@code servers} FIFO servers with lognormal service (mean, cv). */
    static Log fixedFleet(long seed, double ratePerS, int servers, double meanS, double cv, int n) {
        SplittableRandom arrivals = new SplittableRandom(seed);
        SplittableRandom services = new SplittableRandom(seed * 31 + 7);
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double mu = Math.log(meanS) - sigma * sigma / 2;
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < servers; i++) free.add(0.0);
        double[] a = new double[n], l = new double[n], s = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - arrivals.nextDouble()) / ratePerS;
            double service = Math.exp(mu + sigma * gaussian(services));
            double start = Math.max(t, free.poll());
            free.add(start + service);
            a[i] = t;
            s[i] = service;
            l[i] = start + service - t;
        }
        return new Log(a, l, s);
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
