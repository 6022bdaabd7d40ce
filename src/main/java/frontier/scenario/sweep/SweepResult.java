package frontier.scenario.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every point of a finished sweep: what was run (the scenario's name, the swept paths, method, seed and
 * replications per point) and each point's {@link PointResult}, in index order. It is all a later analysis
 * needs, so a results file ({@link #fromJson}) can be reopened without simulating again.
 */
public record SweepResult(
        String scenario,
        List<String> paths,
        String method,
        long seed,
        int replicationsPerPoint,
        List<PointResult> points) {
    public SweepResult {
        paths = List.copyOf(paths);
        points = List.copyOf(points);
    }

    /** The format tag written in results files. */
    public static final String FORMAT = "frontier-sweep-results/1";

    /**
     * Reads the points back from a results document (the object {@code frontier sweep --json} prints and
     * {@code --out} writes); analysis fields in it ({@code pareto}, {@code weighted}, …) are ignored and
     * recomputed by the caller.
     */
    public static SweepResult fromJson(JsonNode root, String source) {
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText(null))) {
            throw new BadInputException(
                    source + ": not a sweep results file (expected \"format\": \"" + FORMAT + "\")");
        }
        JsonNode sweep = root.path("sweep");
        List<String> paths = new ArrayList<>();
        sweep.path("paths").forEach(p -> paths.add(p.asText()));
        JsonNode pts = root.get("points");
        if (pts == null || !pts.isArray()) throw new BadInputException(source + ": $.points: expected an array");
        List<PointResult> points = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            JsonNode p = pts.get(i);
            if (!(p.get("config") instanceof ObjectNode config)
                    || !(p.get("metrics") instanceof ObjectNode metrics)
                    || !p.path("index").canConvertToInt()
                    || !p.path("seed").canConvertToLong()) {
                throw new BadInputException(source + ": $.points[" + i + "]: expected index, config, seed and metrics");
            }
            points.add(new PointResult(
                    p.get("index").intValue(), config, p.get("seed").longValue(), metrics));
        }
        return new SweepResult(
                root.path("scenario").asText("scenario"),
                paths,
                sweep.path("method").asText("grid"),
                sweep.path("seed").asLong(),
                sweep.path("replications_per_point").asInt(1),
                points);
    }
}
