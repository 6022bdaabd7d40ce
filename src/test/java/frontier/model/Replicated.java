package frontier.model;

import frontier.model.traffic.Traffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Test support: runs independent replications of a model and gives, per metric, the mean and its
 * standard error across replications. Replication means are independent and close to normal, so a
 * tolerance of k standard errors has a known false-alarm rate (Student t with n−1 degrees of freedom).
 */
record Replicated(List<RunResult> runs) {
    static Replicated run(Traffic traffic, PoolSpec pool, RunSpec run, int replications, long seed) {
        List<RunResult> runs = new ArrayList<>();
        for (int k = 0; k < replications; k++) {
            runs.add(ServingModel.run(traffic, pool, run, null, new RandomStreams(seed, k), RunControl.NONE));
        }
        return new Replicated(runs);
    }

    double mean(String metric) {
        return runs.stream().mapToDouble(r -> r.metric(metric)).average().orElseThrow();
    }

    double standardError(String metric) {
        double m = mean(metric);
        double ss = runs.stream()
                .mapToDouble(r -> (r.metric(metric) - m) * (r.metric(metric) - m))
                .sum();
        return Math.sqrt(ss / (runs.size() - 1) / runs.size());
    }

    /** Two-sided probability that |t| exceeds k for n−1 degrees of freedom: the false-alarm rate of a k·SE tolerance. */
    double falseAlarmRate(double k) {
        return 2 * TDistribution.of(runs.size() - 1).survivalProbability(k);
    }
}
