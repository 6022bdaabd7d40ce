package frontier.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulationTest {
    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        EventHandler h = (kind, payload) -> log.add(sim.now() + ":" + payload);
        sim.schedule(2, h, 0, "c");
        sim.schedule(1, h, 0, "a");
        sim.schedule(1, h, 0, "b");
        sim.schedule(0, h, 0, "z");
        sim.run(RunControl.NONE, () -> 0);
        assertEquals(List.of("0.0:z", "1.0:a", "1.0:b", "2.0:c"), log);
    }

    @Test
    void anEventScheduledWithAReservedSequenceRunsAmongTiesWhereItWouldHaveRunIfScheduledAtTheReservation() {
        // Both paths of the heap: added outside a handler (sift up) and as a handler's first follow-up (the root).
        for (boolean fromHandler : new boolean[] {false, true}) {
            Simulation sim = new Simulation();
            List<String> log = new ArrayList<>();
            EventHandler h = (kind, payload) -> log.add(sim.now() + ":" + payload);
            sim.schedule(1, h, 0, "a");
            long reserved = sim.reserveSequence();
            sim.schedule(5, h, 0, "c");
            sim.schedule(5, h, 0, "d");
            sim.schedule(2, h, 0, "b");
            if (fromHandler) sim.schedule(0, (kind, payload) -> sim.scheduleAt(5, reserved, h, 0, "r"), 0, null);
            else sim.scheduleAt(5, reserved, h, 0, "r");
            sim.run(RunControl.NONE, () -> 0);
            assertEquals(List.of("1.0:a", "2.0:b", "5.0:r", "5.0:c", "5.0:d"), log, "from a handler: " + fromHandler);
        }
    }

    @Test
    void stopOnceReachedEndsTheRunAfterTheEventThatReachesTheTargetAndNeverForTheLargestTarget() {
        for (long target : new long[] {0, 1, 5, Long.MAX_VALUE}) {
            Simulation sim = new Simulation();
            long[] count = {0};
            EventHandler h = new EventHandler() {
                @Override
                public void handle(int kind, Object payload) {
                    count[0]++;
                    sim.stopOnceReached(count[0], target);
                    if (count[0] < 10) sim.schedule(1, this, 0, null);
                }
            };
            sim.schedule(1, h, 0, null);
            sim.run(RunControl.NONE, () -> 0);
            long expected = target == Long.MAX_VALUE ? 10 : Math.max(1, target);
            assertEquals(expected, count[0], "target " + target);
            assertEquals(target != Long.MAX_VALUE, sim.isStopped(), "target " + target);
        }
    }

    @Test
    void heapOrdersManyRandomEventsLikeASort() {
        Simulation sim = new Simulation();
        SplittableRandom rnd = new SplittableRandom(1);
        List<Double> seen = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        EventHandler h = new EventHandler() {
            int created;

            @Override
            public void handle(int kind, Object payload) {
                seen.add(sim.now());
                order.add(kind);
                // Keep scheduling, sometimes at the same instant, to exercise slot reuse and ties.
                if (created < 20_000) {
                    created++;
                    sim.schedule(rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 10, this, created, null);
                }
            }
        };
        for (int i = 0; i < 500; i++) sim.schedule(rnd.nextDouble() * 10, h, -1, null);
        sim.run(RunControl.NONE, () -> 0);
        assertEquals(20_500, seen.size());
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "time went backwards at " + i);
    }

    @Test
    void eventsRunByTimeThenSchedulingOrderWhateverEachHandlerSchedules() {
        // The event being handled stays in the list until its handler's first follow-up takes its place (or the
        // handler ends having scheduled nothing): handlers here schedule none, one or several events, often at equal
        // times (quarter steps), and the run must still be the sort of every event by (time, scheduling order).
        Simulation sim = new Simulation();
        SplittableRandom rnd = new SplittableRandom(7);
        List<double[]> ran = new ArrayList<>();
        int[] scheduled = {0};
        EventHandler h = new EventHandler() {
            @Override
            public void handle(int kind, Object payload) {
                ran.add(new double[] {sim.now(), kind});
                assertEquals(scheduled[0] - ran.size(), sim.pendingEvents(), "the handled event is no longer pending");
                int followUps = scheduled[0] < 50_000 ? rnd.nextInt(sim.pendingEvents() > 300 ? 2 : 4) : 0;
                for (int i = 0; i < followUps; i++) sim.schedule(rnd.nextInt(8) / 4.0, this, scheduled[0]++, null);
            }
        };
        for (int i = 0; i < 20; i++) sim.schedule(rnd.nextInt(8) / 4.0, h, scheduled[0]++, null);
        sim.run(RunControl.NONE, () -> 0);
        assertEquals(scheduled[0], ran.size(), "every scheduled event ran once");
        assertEquals(0, sim.pendingEvents());
        for (int i = 1; i < ran.size(); i++) {
            double[] a = ran.get(i - 1);
            double[] b = ran.get(i);
            assertTrue(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]), "out of order at " + i);
        }
    }

    @Test
    void stopEndsTheRunAfterTheCurrentEvent() {
        Simulation sim = new Simulation();
        int[] count = {0};
        EventHandler h = new EventHandler() {
            @Override
            public void handle(int kind, Object payload) {
                if (++count[0] == 10) sim.stop();
                sim.schedule(1, this, 0, null);
            }
        };
        sim.schedule(0, h, 0, null);
        sim.run(RunControl.NONE, () -> 0);
        assertEquals(10, count[0]);
        assertEquals(9.0, sim.now());
    }

    @Test
    void cancellationIsHonouredAndProgressReported() {
        Simulation sim = new Simulation();
        List<Double> progress = new ArrayList<>();
        RunControl control = new RunControl() {
            @Override
            public boolean isCancelled() {
                return sim.now() > 200_000;
            }

            @Override
            public void progress(double fraction) {
                progress.add(fraction);
            }
        };
        EventHandler h = new EventHandler() {
            @Override
            public void handle(int kind, Object payload) {
                sim.schedule(1, this, 0, null);
            }
        };
        sim.schedule(0, h, 0, null);
        assertThrows(CancelledException.class, () -> sim.run(control, () -> sim.now() / 1e6));
        assertTrue(sim.now() < 300_000, "stopped soon after cancellation, at " + sim.now());
        assertTrue(progress.size() >= 3);
        for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i) >= progress.get(i - 1));
    }

    @Test
    void schedulingInThePastIsRefused() {
        Simulation sim = new Simulation();
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, (k, p) -> {}, 0, null));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.NaN, (k, p) -> {}, 0, null));
    }
}
