package frontier.cli;

import frontier.sim.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A hand-written M/M/c loop, the yardstick {@code bench mmc --hand-loop} runs beside the real engine:
 * the same events (an arrival and a departure per customer) in a future event list that is a binary
 * heap of primitive (time, kind) pairs, a FIFO ring of arrival times, the same generator and samplers,
 * and only the sums the RESULT line needs. No model, no statistics beyond means, no listeners: what a
 * bare loop costs on this machine.
 */
final class HandLoopMmc {
    private HandLoopMmc() {}

    /** Mean wait, mean response, P(wait > 0) of {@code customers} after {@code warmup}, and the wall seconds. */
    record Result(long customers, double wq, double w, double pwait, double wallS) {}

    static Result run(long customers, long warmup, double lambda, double mu, int servers, long seed) {
        long start = System.nanoTime();
        RandomStreams streams = new RandomStreams(seed, 0);
        UniformRandomProvider arrivalRng = streams.stream("arrivals");
        UniformRandomProvider serviceRng = streams.stream("service:mmc");
        ZigguratSampler.Exponential arrivals = ZigguratSampler.Exponential.of(arrivalRng);
        ZigguratSampler.Exponential service = ZigguratSampler.Exponential.of(serviceRng);
        double meanArrival = 1 / lambda;
        double meanService = 1 / mu;

        // Event heap: times, and whether each is the (single pending) arrival or a departure.
        double[] time = new double[servers + 2];
        boolean[] isArrival = new boolean[servers + 2];
        int size = 0;
        // FIFO of waiting customers' arrival times (ring buffer, grows by doubling).
        double[] queue = new double[1024];
        int qHead = 0;
        int qSize = 0;
        int free = servers;

        long done = 0;
        long counted = 0;
        double sumWait = 0;
        double sumResponse = 0;
        long waited = 0;
        // A customer is accounted when its service starts (its wait and service time are known then), so
        // departures need to carry nothing but their time.
        double now;
        time[0] = arrivals.sample() * meanArrival;
        isArrival[0] = true;
        size = 1;
        long target = warmup + customers;
        while (done < target) {
            now = time[0];
            boolean arrival = isArrival[0];
            size--;
            if (size > 0) {
                double t = time[size];
                boolean a = isArrival[size];
                int i = 0;
                int half = size >>> 1;
                while (i < half) {
                    int child = 2 * i + 1;
                    int right = child + 1;
                    if (right < size && time[right] < time[child]) child = right;
                    if (t <= time[child]) break;
                    time[i] = time[child];
                    isArrival[i] = isArrival[child];
                    i = child;
                }
                time[i] = t;
                isArrival[i] = a;
            }
            if (arrival) {
                size = push(time, isArrival, size, now + arrivals.sample() * meanArrival, true);
                if (free > 0) {
                    free--;
                    double s = service.sample() * meanService;
                    if (done >= warmup) {
                        counted++;
                        sumResponse += s;
                    }
                    size = push(time, isArrival, size, now + s, false);
                } else {
                    if (qSize == queue.length) {
                        double[] b = new double[queue.length * 2];
                        for (int k = 0; k < qSize; k++) b[k] = queue[(qHead + k) & (queue.length - 1)];
                        queue = b;
                        qHead = 0;
                    }
                    queue[(qHead + qSize++) & (queue.length - 1)] = now;
                }
            } else {
                done++;
                if (qSize > 0) {
                    double arrived = queue[qHead];
                    qHead = (qHead + 1) & (queue.length - 1);
                    qSize--;
                    double s = service.sample() * meanService;
                    if (done >= warmup) {
                        double wq = now - arrived;
                        counted++;
                        waited++;
                        sumWait += wq;
                        sumResponse += wq + s;
                    }
                    size = push(time, isArrival, size, now + s, false);
                } else {
                    free++;
                }
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Result(counted, sumWait / counted, sumResponse / counted, (double) waited / counted, wall);
    }

    private static int push(double[] time, boolean[] isArrival, int size, double t, boolean arrival) {
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (time[parent] <= t) break;
            time[i] = time[parent];
            isArrival[i] = isArrival[parent];
            i = parent;
        }
        time[i] = t;
        isArrival[i] = arrival;
        return size + 1;
    }
}
