package frontier.store;

import java.util.List;

/**
 * A finished sweep to save ({@link SweepStore#save}): the results document ({@code frontier sweep --json},
 * which {@code frontier sweep} reopens), what the listing shows, and one row per point.
 */
public record NewSweep(
        String name,
        String source,
        String method,
        long seed,
        int replicationsPerPoint,
        List<String> objectives,
        String resultsJson,
        List<SweepPointRecord> points) {
    public NewSweep {
        objectives = List.copyOf(objectives);
        points = List.copyOf(points);
    }
}
