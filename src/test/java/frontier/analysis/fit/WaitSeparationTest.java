package frontier.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaitSeparationTest {
    /** Poisson arrivals into c FIFO servers with exponential service of mean 1 s: {arrivals, latencies, services}. */
    static double[][] fifo(long seed, double rate, int servers, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < servers; i++) free.add(0.0);
        double[] a = new double[n], l = new double[n], s = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - r.nextDouble()) / rate;
            s[i] = -Math.log(1 - r.nextDouble());
            double start = Math.max(t, free.poll());
            free.add(start + s[i]);
            a[i] = t;
            l[i] = start + s[i] - t;
        }
        return new double[][] {a, l, s};
    }

    @Test
    void recoversSlotsAndServiceTimesOfABusyFifoFleet() {
        // 3 instances × 2 slots at 80% busy: the reconstruction under the right count is exact, up to floating point.
        double[][] log = fifo(3, 4.8, 6, 50_000);
        WaitSeparation.Result r = WaitSeparation.separate(log[0], log[1], 3, 6);
        assertTrue(r.queued(), r.notes().toString());
        assertEquals(2, r.slotsPerInstance(), r.candidates().toString());
        assertArrayEquals(log[2], r.serviceS(), 1e-9);
        assertTrue(r.waitingShare() > 0.3, "about half the requests wait in M/M/6 at 80%: " + r.waitingShare());
    }

    @Test
    void aFleetThatNeverQueuedKeepsThePeakAndItsLatencies() {
        // 20 servers at 10% busy: nobody waits, so slots stay at the peak-based count and service = latency.
        double[][] log = fifo(5, 2, 20, 20_000);
        WaitSeparation.Result r = WaitSeparation.separate(log[0], log[1], 4, 3);
        assertFalse(r.queued(), r.candidates().toString());
        assertEquals(3, r.slotsPerInstance());
        assertArrayEquals(log[1], r.serviceS(), 0);
    }
}
