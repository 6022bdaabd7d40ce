package frontier.twin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private FleetGenerator() {}

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

    /** What an autoscaled fleet did: its requests, and each instance's launch and stop (s from 0). */
    record Autoscaled(Log log, List<double[]> instances, double instanceSeconds) {}

    /**
     * An autoscaled fleet over {@code hours}: Poisson arrivals at {@code ratesPerHour[h] × factor} in hour h,
     * one FIFO queue, {@code slots} slots per ready instance, lognormal service. Every {@code tickS} seconds the
     * autoscaler computes utilization (busy slot-seconds ÷ ready slot-seconds over the tick) and, as
     * Kubernetes' HPA does, proposes ceil(current × utilization ÷ target) unless the ratio is within 10% of 1;
     * it scales out at once and scales in to the highest proposal of the last {@code scaleInWindowS}, between
     * {@code min} and {@code max}. A new instance is billed from launch and serves after {@code coldStartS};
     * scale-in stops idle instances first, newest first, then lets busy ones finish (draining).
     */
    static Autoscaled autoscaledFleet(
            long seed,
            double[] ratesPerHour,
            double factor,
            int slots,
            double meanS,
            double cv,
            double target,
            int min,
            int max,
            double tickS,
            double scaleInWindowS,
            double coldStartS) {
        SplittableRandom arrivals = new SplittableRandom(seed);
        SplittableRandom services = new SplittableRandom(seed * 31 + 7);
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double mu = Math.log(meanS) - sigma * sigma / 2;
        double end = ratesPerHour.length * 3600.0;
        // Arrivals by thinning a Poisson process at the highest rate.
        double top = 0;
        for (double r : ratesPerHour) top = Math.max(top, r * factor);
        List<Double> times = new ArrayList<>();
        for (double t = 0; ; ) {
            t += -Math.log(1 - arrivals.nextDouble()) / top;
            if (t >= end) break;
            if (arrivals.nextDouble() * top < ratesPerHour[(int) (t / 3600)] * factor) times.add(t);
        }
        int n = times.size();
        double[] a = new double[n], l = new double[n], s = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = times.get(i);
            s[i] = Math.exp(mu + sigma * gaussian(services));
        }
        // Event loop: kinds 0 arrival, 1 completion, 2 instance ready, 3 tick. Events are {time, kind, index}.
        PriorityQueue<double[]> events =
                new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        List<double[]> inst = new ArrayList<>(); // {launch, stop (NaN while alive), readyAt, busy slots, draining 0/1}
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        double[] startOf = new double[n];
        for (int k = 0; k < min; k++) inst.add(new double[] {0, Double.NaN, 0, 0, 0});
        if (n > 0) events.add(new double[] {a[0], 0, 0});
        events.add(new double[] {tickS, 3, 0});
        double busySlotSec = 0, readySlotSec = 0, lastT = 0, busyAtTick = 0, readyAtTick = 0;
        ArrayDeque<double[]> proposals = new ArrayDeque<>();
        int[] onInstance = new int[n];
        while (!events.isEmpty()) {
            double[] e = events.poll();
            double now = e[0];
            if (e[1] == 3 && now >= end) continue; // no scaling after the period; requests in service finish
            int busy = 0, ready = 0;
            for (double[] x : inst) {
                if (!Double.isNaN(x[1])) continue;
                busy += (int) x[3];
                if (x[2] <= lastT && x[4] == 0) ready += slots;
            }
            busySlotSec += busy * (now - lastT);
            readySlotSec += ready * (now - lastT);
            lastT = now;
            switch ((int) e[1]) {
                case 0 -> {
                    int i = (int) e[2];
                    queue.add(i);
                    if (i + 1 < n) events.add(new double[] {a[i + 1], 0, i + 1});
                }
                case 1 -> {
                    int i = (int) e[2];
                    double[] x = inst.get(onInstance[i]);
                    x[3]--;
                    l[i] = now - a[i];
                    if (x[4] == 1 && x[3] == 0) x[1] = now;
                }
                case 2 -> {}
                default -> {
                    events.add(new double[] {now + tickS, 3, 0});
                    double util = readySlotSec - readyAtTick > 0
                            ? (busySlotSec - busyAtTick) / (readySlotSec - readyAtTick)
                            : 1;
                    busyAtTick = busySlotSec;
                    readyAtTick = readySlotSec;
                    List<double[]> alive = inst.stream()
                            .filter(x -> Double.isNaN(x[1]) && x[4] == 0)
                            .toList();
                    int current = alive.size();
                    double ratio = util / target;
                    int proposal = Math.abs(ratio - 1) <= 0.1 ? current : (int) Math.ceil(current * ratio - 1e-9);
                    proposal = Math.max(min, Math.min(max, proposal));
                    proposals.add(new double[] {now, proposal});
                    while (proposals.peekFirst()[0] < now - scaleInWindowS) proposals.pollFirst();
                    int highest =
                            proposals.stream().mapToInt(p -> (int) p[1]).max().orElse(proposal);
                    if (proposal > current) {
                        for (int k = current; k < proposal; k++) {
                            inst.add(new double[] {now, Double.NaN, now + coldStartS, 0, 0});
                            events.add(new double[] {now + coldStartS, 2, 0});
                        }
                    } else if (highest < current) {
                        int remove = current - highest;
                        List<double[]> order = new ArrayList<>(alive);
                        order.sort((x, y) -> x[3] != y[3] ? Double.compare(x[3], y[3]) : Double.compare(y[0], x[0]));
                        for (int k = 0; k < remove; k++) {
                            double[] x = order.get(k);
                            x[4] = 1;
                            if (x[3] == 0) x[1] = now;
                        }
                    }
                }
            }
            // Dispatch: the queue's head to the ready, non-draining instance with a free slot and the most work
            // (packing).
            while (!queue.isEmpty()) {
                int best = -1;
                for (int k = 0; k < inst.size(); k++) {
                    double[] x = inst.get(k);
                    if (!Double.isNaN(x[1]) || x[4] == 1 || x[2] > now || x[3] >= slots) continue;
                    if (best < 0 || x[3] > inst.get(best)[3]) best = k;
                }
                if (best < 0) break;
                int i = queue.poll();
                inst.get(best)[3]++;
                onInstance[i] = best;
                startOf[i] = now;
                events.add(new double[] {now + s[i], 1, i});
            }
        }
        double instanceSeconds = 0;
        for (double[] x : inst) {
            if (Double.isNaN(x[1])) x[1] = end;
            instanceSeconds += Math.min(end, x[1]) - x[0];
        }
        List<double[]> spans = new ArrayList<>();
        for (double[] x : inst) spans.add(new double[] {x[0], Math.min(end, x[1])});
        return new Autoscaled(new Log(a, l, s), spans, instanceSeconds);
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
