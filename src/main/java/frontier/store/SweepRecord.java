package frontier.store;

import java.time.Instant;
import java.util.List;

/**
 * One sweep saved in the workspace (schema v3), as listed: what it is, when it was saved, how many points
 * it has and how many of them were on the Pareto front of the {@code objectives} it was saved with.
 * Its full results (every metric of every point) are read with {@link SweepStore#results(long)}.
 *
 * @param name       the name given when saving (by default the scenario's name)
 * @param source     the scenario or results file it came from, as given
 * @param objectives the metric paths of the front counted in {@code frontSize}
 */
public record SweepRecord(
        long id,
        String name,
        String source,
        Instant savedAt,
        String method,
        long seed,
        int replicationsPerPoint,
        int points,
        int frontSize,
        List<String> objectives) {
    public SweepRecord {
        objectives = List.copyOf(objectives);
    }
}
