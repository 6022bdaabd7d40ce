package frontier.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.IdlePolicy;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.ServerlessPool;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Exponential;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Which idle serverless instance takes a request decides which instances stay warm. Newest-freed (a stack)
 * keeps re-using the instances that just finished, so the others idle out; newest-created keeps sending
 * work to the youngest instance, while an old one that just finished may idle until it expires.
 */
class IdlePolicyTest {
    static double coldShare(IdlePolicy policy, long seed) {
        ServerlessPool pool = new ServerlessPool(
                "fn",
                1,
                ModelProfile.of(Exponential.ofMean(1.0)),
                new Deterministic(0.5),
                null,
                10,
                null,
                1000,
                0,
                policy,
                null,
                null,
                null);
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(3), List.of(pool), null, null, new RunSpec(null, 400_000L, null, 20_000L, 1, seed));
        return ServingModel.run(spec, null, new RandomStreams(seed, 0), RunControl.NONE)
                .metric("cold_starts.share_of_requests");
    }

    /**
     * Poisson 3 requests/s, exponential service of 1 s, 10 s keep-alive, one request per instance: the two
     * rules give cold-start shares that differ well beyond sampling error. Binomial standard error of a share
     * p over 400,000 requests is sqrt(p(1−p)/n), under 0.0003 here; the test asks for a gap of 6 of them.
     */
    @Test
    void newestCreatedAndNewestFreedGiveDifferentColdStartShares() {
        double freed = coldShare(IdlePolicy.NEWEST_FIRST, 7), created = coldShare(IdlePolicy.NEWEST_CREATED, 7);
        double se = Math.sqrt(freed * (1 - freed) / 400_000 + created * (1 - created) / 400_000);
        System.out.printf(
                Locale.ROOT,
                "cold-start share at 10 s keep-alive: newest-freed %.4f, newest-created %.4f (%+.1f%%)%n",
                freed,
                created,
                100 * (created / freed - 1));
        assertTrue(Math.abs(created - freed) > 6 * se, "freed " + freed + " created " + created + " se " + se);
    }
}
