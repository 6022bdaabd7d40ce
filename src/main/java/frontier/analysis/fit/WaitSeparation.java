package frontier.analysis.fit;

import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Separates waiting from service in a request log that has only start and end (arrival and latency),
 * given the capacity the bill shows: {@code instances} instances of an unknown number of slots each.
 *
 * <p>For a candidate of c servers (instances × slots) fed from one FIFO queue, the log determines every
 * request's start of service exactly (Larson's queue inference): request i starts at its arrival or, when
 * c earlier requests were still in flight then, at the c-th latest departure among the earlier requests,
 * whichever is later. Its service is its departure minus that start. With the right c the requests that
 * found a free server (latency = service) and the requests that waited (reconstructed service) have the
 * same service distribution, since a request's service does not depend on how long it waited. With too
 * few servers the reconstruction overstates waiting (services of the waiting requests come out short, some
 * negative); with too many it understates waiting. So the chosen slot count is the smallest whose
 * reconstruction does not make the waiting requests' mean service significantly shorter than the unqueued
 * requests' (z &gt; {@value #Z}, Welch) with at most {@value #NEGATIVE_SHARE} of services negative. If the
 * chosen count leaves fewer than {@value #MIN_WAITING_SHARE} of requests waiting, the log shows no
 * material queueing and slots come from the peak of requests in flight (as before).
 *
 * <p>Limits: routing must be close to one FIFO queue over the fleet (a pool queue, or least-loaded routing);
 * per-instance queues with random routing wait more than the reconstruction says. Service that slows with
 * load (an LLM engine's growing batch) looks like waiting. When the log never queued, the slot count is only
 * bounded from below by the peak in flight: more slots than the fleet ever used cannot be seen.
 */
public final class WaitSeparation {
    /** The z statistic below which a candidate's waiting requests are significantly short of service. */
    static final double Z = -3;
    /** Most services a candidate may reconstruct as negative (timestamps and routing are not exactly FIFO). */
    static final double NEGATIVE_SHARE = 0.01;
    /** Share of requests that must wait under the chosen slot count for queueing to count as material. */
    public static final double MIN_WAITING_SHARE = 0.01;
    /** Waiting requests needed to test a candidate; fewer cannot reject it. */
    static final int MIN_TESTED = 30;

    private WaitSeparation() {}

    /**
     * One candidate slot count.
     *
     * @param slotsPerInstance slots per instance
     * @param servers          instances × slots
     * @param waiting          requests that waited under this candidate
     * @param meanServiceS     mean reconstructed service of the waiting requests
     * @param meanUnqueuedS    mean latency (= service) of the requests that found a free server
     * @param z                (waiting mean − unqueued mean) / standard error; NaN with fewer than {@value #MIN_TESTED} waiting
     * @param negativeShare    share of all requests whose reconstructed service is ≤ 0
     */
    public record Candidate(
            int slotsPerInstance,
            int servers,
            int waiting,
            double meanServiceS,
            double meanUnqueuedS,
            double z,
            double negativeShare) {}

    /**
     * The separation.
     *
     * @param slotsPerInstance the chosen slots per instance
     * @param queued           whether the log shows material waiting (else {@code slotsPerInstance} is the peak-based count)
     * @param serviceS         service time of each request (seconds, > 0), aligned with the input; the latencies when not queued
     * @param waitingShare     share of requests that waited under the chosen count
     * @param meanWaitS        mean wait under the chosen count
     * @param candidates       every candidate tried, fewest slots first
     * @param notes            sentences for the user
     */
    public record Result(
            int slotsPerInstance,
            boolean queued,
            double[] serviceS,
            double waitingShare,
            double meanWaitS,
            List<Candidate> candidates,
            List<String> notes) {
        public Result {
            candidates = List.copyOf(candidates);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Separates waiting from service.
     *
     * @param arrivals  arrival times (s), non-decreasing
     * @param latencyS  latencies (s, > 0), aligned with {@code arrivals}
     * @param instances instances the bill shows (≥ 1)
     * @param peakSlots slots per instance that fit the peak of requests in flight (the upper end of the search)
     */
    public static Result separate(double[] arrivals, double[] latencyS, int instances, int peakSlots) {
        int n = arrivals.length;
        if (latencyS.length != n)
            throw new BadInputException("wait separation: " + n + " arrivals but " + latencyS.length + " latencies");
        if (instances < 1 || peakSlots < 1)
            throw new BadInputException("wait separation: instances and slots must be >= 1");
        for (int i = 1; i < n; i++) {
            if (arrivals[i] < arrivals[i - 1])
                throw new BadInputException("wait separation: arrival " + i + " is before the one before it");
        }
        List<Candidate> candidates = new ArrayList<>();
        double[] start = new double[n];
        int chosen = peakSlots;
        for (int k = 1; k < peakSlots; k++) {
            Candidate c = candidate(arrivals, latencyS, instances, k, start);
            candidates.add(c);
            boolean rejected = c.negativeShare() > NEGATIVE_SHARE || (!Double.isNaN(c.z()) && c.z() < Z);
            if (!rejected) {
                chosen = k;
                break;
            }
        }
        List<String> notes = new ArrayList<>();
        if (chosen < peakSlots) {
            candidate(arrivals, latencyS, instances, chosen, start);
            double[] service = new double[n];
            double minPositive = Double.POSITIVE_INFINITY;
            int waiting = 0;
            double waitSum = 0;
            for (int i = 0; i < n; i++) {
                double w = start[i] - arrivals[i];
                if (w > 0) {
                    waiting++;
                    waitSum += w;
                }
                service[i] = arrivals[i] + latencyS[i] - start[i];
                if (service[i] > 0) minPositive = Math.min(minPositive, service[i]);
            }
            for (int i = 0; i < n; i++) if (!(service[i] > 0)) service[i] = minPositive;
            double share = n == 0 ? 0 : (double) waiting / n;
            if (share >= MIN_WAITING_SHARE) {
                notes.add(String.format(
                        Locale.ROOT,
                        "waiting separated from service: %d instance(s) × %d slot(s) explain the log with %.1f%% of requests "
                                + "waiting (mean wait %.3f s); the peak of %d slot(s) per instance in flight includes queued requests",
                        instances,
                        chosen,
                        100 * share,
                        n == 0 ? 0 : waitSum / n,
                        peakSlots));
                return new Result(chosen, true, service, share, n == 0 ? 0 : waitSum / n, candidates, notes);
            }
        }
        notes.add(
                "no material waiting in the log: latency is taken as service time, slots from the peak of requests in flight");
        return new Result(peakSlots, false, latencyS.clone(), 0, 0, candidates, notes);
    }

    /** Reconstructs starts for {@code instances × k} FIFO servers into {@code start} and tests the candidate. */
    private static Candidate candidate(double[] a, double[] l, int instances, int k, double[] start) {
        int c = instances * k;
        int n = a.length;
        PriorityQueue<Double> latest =
                new PriorityQueue<>(c + 1); // the c latest departures so far; head = the c-th latest
        int negative = 0, nw = 0, nu = 0;
        double sw = 0, sw2 = 0, su = 0, su2 = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] + l[i];
            double s = latest.size() < c ? a[i] : Math.max(a[i], latest.peek());
            start[i] = s;
            double service = d - s;
            if (service <= 0) negative++;
            if (s > a[i]) {
                nw++;
                sw += service;
                sw2 += service * service;
            } else {
                nu++;
                su += service;
                su2 += service * service;
            }
            if (latest.size() < c) latest.add(d);
            else if (d > latest.peek()) {
                latest.poll();
                latest.add(d);
            }
        }
        double mw = nw == 0 ? Double.NaN : sw / nw, mu = nu == 0 ? Double.NaN : su / nu;
        double z = Double.NaN;
        if (nw >= MIN_TESTED && nu >= MIN_TESTED) {
            double vw = Math.max(0, sw2 / nw - mw * mw), vu = Math.max(0, su2 / nu - mu * mu);
            double se = Math.sqrt(vw / nw + vu / nu);
            z = se > 0 ? (mw - mu) / se : (mw < mu ? Double.NEGATIVE_INFINITY : 0);
        }
        return new Candidate(k, c, nw, mw, mu, z, n == 0 ? 0 : (double) negative / n);
    }
}
