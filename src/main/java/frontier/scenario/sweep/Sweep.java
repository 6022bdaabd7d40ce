package frontier.scenario.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.WorkEstimate;
import frontier.model.WorkLimitException;
import frontier.model.WorkLimits;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioException;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.SweepPath;
import frontier.scenario.SweepSpec;
import frontier.sim.RandomStreams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A scenario with a {@code sweep}, expanded into its configurations. Each configuration is the scenario's
 * JSON tree (without {@code sweep}) with the swept fields replaced, read back through
 * {@link ScenarioLoader#parse(String, String, Path)}: it is validated exactly like a file, and an invalid one
 * is reported with the point and its values. Point {@code i} runs {@code replications_per_point}
 * replications (default: the scenario's {@code run.replications}) from a master seed derived from (sweep
 * seed, i) only, so its results do not depend on which thread runs it or on the other points; with
 * {@code common_random_numbers} every point uses the sweep seed itself, so all see the same arrivals. With
 * {@code nsga2}, {@link #points()} is the first generation only; {@link SweepRunner} makes the others.
 */
public final class Sweep {
    private static final ObjectMapper MAPPER = ScenarioLoader.mapper();
    /** The bounds every point, and the sweep as a whole, are checked against before anything runs. */
    private static final WorkLimits LIMITS = WorkLimits.DEFAULT;

    private final String source;
    private final Scenario base;
    private final ObjectNode baseTree;
    private final SweepSpec spec;
    private final List<SweepPath> paths;
    private final long seed;
    private final int replications;
    private final List<SweepPoint> points;

    private Sweep(String source, Scenario base, ObjectNode tree, Path baseDir) {
        this.source = source;
        this.base = base;
        this.spec = base.sweep();
        if (spec == null)
            throw new ScenarioException(source + ": $.sweep: the scenario has no 'sweep' (see docs/sweeps.md)", null);
        this.baseTree = tree.deepCopy();
        baseTree.remove("sweep");
        this.seed = spec.seed() != null ? spec.seed() : base.run().seed();
        this.replications = spec.replicationsPerPoint() != null
                ? spec.replicationsPerPoint()
                : base.run().replications();
        List<SweepPath> ps = new ArrayList<>();
        for (int j = 0; j < spec.parameters().size(); j++) {
            SweepPath p = SweepPath.parse(spec.parameters().get(j).path());
            String where = source + ": $.sweep.parameters[" + j + "].path: ";
            if (p.root().equals("sweep")) throw new ScenarioException(where + "a sweep cannot vary itself", null);
            try {
                p.get(baseTree);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(where + e.getMessage(), e);
            }
            ps.add(p);
        }
        this.paths = List.copyOf(ps);
        List<List<JsonNode>> design = design();
        // Reading a configuration back costs about a millisecond: do it on all cores. Each point is made
        // alone, and the error reported is that of the lowest index, so the outcome does not depend on timing.
        Object[] made = java.util.stream.IntStream.range(0, design.size())
                .parallel()
                .mapToObj(i -> {
                    try {
                        return (Object) point(i, design.get(i), baseDir);
                    } catch (RuntimeException e) {
                        return e;
                    }
                })
                .toArray();
        List<SweepPoint> list = new ArrayList<>(made.length);
        for (Object o : made) {
            if (o instanceof RuntimeException e) throw e;
            list.add((SweepPoint) o);
        }
        this.points = List.copyOf(list);
        checkWork();
    }

    /**
     * Refuses a sweep whose points together would take more events than a sweep may ({@link WorkLimits#maxEventsPerSweep()});
     * each point was checked against the limit of a run when it was made. For {@code nsga2} the later generations are
     * taken to cost what the first one does.
     */
    private void checkWork() {
        double total = 0;
        for (SweepPoint p : points)
            total += ScenarioRunner.check(p.scenario(), LIMITS).totalEvents();
        int planned = plannedPoints();
        if (!points.isEmpty()) total *= (double) planned / points.size();
        if (!(total <= LIMITS.maxEventsPerSweep())) {
            String field =
                    switch (spec.method()) {
                        case GRID -> "$.sweep.parameters";
                        case RANDOM, LATIN_HYPERCUBE -> "$.sweep.samples";
                        case NSGA2 -> "$.sweep.generations";
                    };
            throw new ScenarioException(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s: %s: the sweep would take about %s events (%,d configurations × about %s events each, replications included),"
                                    + " more than the %,d events a sweep may take (docs/cli.md \"Limits of simulations\"); sweep fewer"
                                    + " configurations, run fewer replications per point or shorten the run",
                            source,
                            field,
                            WorkEstimate.number(total),
                            planned,
                            WorkEstimate.number(total / Math.max(1, planned)),
                            LIMITS.maxEventsPerSweep()),
                    null);
        }
    }

    /** Reads a scenario file with a sweep and expands it; every error is a {@link ScenarioException}. */
    public static Sweep load(Path file) {
        Scenario s = ScenarioLoader.load(file);
        try {
            return new Sweep(
                    file.toString(), s, (ObjectNode) MAPPER.readTree(ScenarioLoader.readText(file)), s.baseDir());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Expands scenario JSON with a sweep; relative paths inside resolve against {@code baseDir}. */
    public static Sweep parse(String json, String source, Path baseDir) {
        Scenario s = ScenarioLoader.parse(json, source, baseDir);
        // The loader accepted a leading byte-order mark; the tree read here must skip it the same way.
        String body = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try {
            return new Sweep(source, s, (ObjectNode) MAPPER.readTree(body), baseDir);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    public String source() {
        return source;
    }

    /** The scenario as written: the base configuration, which {@code simulate} runs. */
    public Scenario base() {
        return base;
    }

    /** The scenario's JSON tree without {@code sweep}. */
    public ObjectNode baseTree() {
        return baseTree.deepCopy();
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The swept paths in canonical form, in the order of the spec. */
    public List<String> paths() {
        return paths.stream().map(SweepPath::toString).toList();
    }

    public long seed() {
        return seed;
    }

    public int replicationsPerPoint() {
        return replications;
    }

    public List<SweepPoint> points() {
        return points;
    }

    /** The master seed of point {@code index}: SplitMix64 of (sweep seed, index), so points are independent. */
    public static long pointSeed(long sweepSeed, int index) {
        long z = sweepSeed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE; // non-negative: easier to read and to pass to --seed
    }

    /**
     * Makes configuration {@code index} from the values of the paths, validated like a file (used by the
     * runner for the generations of {@code nsga2} after the first, and by a remote executor to rebuild a point
     * from its index and values: the same index and values make the same scenario and seed).
     */
    public SweepPoint point(int index, List<JsonNode> values) {
        return point(index, values, base.baseDir());
    }

    /** The objectives {@code nsga2} minimises (empty for the other methods). */
    public List<frontier.pareto.Objective> objectives() {
        return spec.objectives() == null
                ? List.of()
                : spec.objectives().stream()
                        .map(frontier.pareto.Objective::parse)
                        .toList();
    }

    /**
     * The most configurations the sweep runs: {@code points().size()}, or for {@code nsga2} population ×
     * generations (configurations proposed again are not run again, so it may run fewer).
     */
    public int plannedPoints() {
        return spec.method() == SweepSpec.Method.NSGA2 ? spec.population() * spec.generations() : points.size();
    }

    /**
     * A fresh NSGA-II search over the parameters (for {@code nsga2}), seeded by the sweep seed: every call gives
     * the same proposals for the same objective values. Numeric samples are real or integer variables; a
     * {@code range} or an increasing list of numbers is an ordered integer variable over its levels; any other
     * list is categorical.
     */
    Nsga2 newSearch() {
        List<Nsga2.Variable> vars = new ArrayList<>();
        for (int j = 0; j < spec.parameters().size(); j++) {
            SweepSpec.Parameter p = spec.parameters().get(j);
            if (p.sample() != null) {
                if (p.sample().integer()) {
                    long[] b = integerBounds(j);
                    vars.add(Nsga2.Variable.integer(b[0], b[1]));
                } else {
                    vars.add(Nsga2.Variable.real(p.sample().low(), p.sample().high()));
                }
            } else {
                vars.add(
                        ordered(p.levels())
                                ? Nsga2.Variable.integer(0, p.levels().size() - 1)
                                : Nsga2.Variable.categorical(p.levels().size()));
            }
        }
        int population = spec.population() == null ? 4 : spec.population();
        return new Nsga2(vars, population, new RandomStreams(seed, 0).stream("sweep-nsga2"));
    }

    /** The values of the paths, in their order, in a point's {@code config} (the inverse of {@link #point}). */
    public List<JsonNode> values(ObjectNode config) {
        return paths.stream().map(p -> config.get(p.toString())).toList();
    }

    /** The values of the paths a genome of {@link #newSearch()} stands for. */
    List<JsonNode> decode(double[] genome) {
        JsonNode[] row = new JsonNode[paths.size()];
        for (int j = 0; j < paths.size(); j++) {
            SweepSpec.Parameter p = spec.parameters().get(j);
            if (p.sample() != null && !p.sample().integer()) {
                row[j] = JsonNodeFactory.instance.numberNode(
                        Math.min(p.sample().high(), Math.max(p.sample().low(), genome[j])));
            } else if (p.sample() != null) {
                long[] b = integerBounds(j);
                row[j] = JsonNodeFactory.instance.numberNode(
                        (long) Math.min(b[1], Math.max(b[0], Math.rint(genome[j]))));
            } else {
                int level = (int) Math.min(p.levels().size() - 1, Math.max(0, Math.rint(genome[j])));
                row[j] = MAPPER.valueToTree(p.levels().get(level));
            }
        }
        return List.of(row);
    }

    private static boolean ordered(List<Object> levels) {
        for (int i = 0; i < levels.size(); i++) {
            if (!(levels.get(i) instanceof Number n)) return false;
            if (i > 0 && !(((Number) levels.get(i - 1)).doubleValue() < n.doubleValue())) return false;
        }
        return true;
    }

    private long[] integerBounds(int j) {
        SweepSpec.Sample s = spec.parameters().get(j).sample();
        long lo = (long) Math.ceil(s.low());
        long hi = (long) Math.floor(s.high());
        if (lo > hi) {
            throw new ScenarioException(
                    source + ": $.sweep.parameters[" + j + "].sample: " + paths.get(j) + ": [" + s.low() + ", "
                            + s.high() + "] holds no whole number",
                    null);
        }
        return new long[] {lo, hi};
    }

    private SweepPoint point(int index, List<JsonNode> values, Path baseDir) {
        ObjectNode tree = baseTree.deepCopy();
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        StringBuilder label = new StringBuilder();
        for (int j = 0; j < paths.size(); j++) {
            paths.get(j).set(tree, values.get(j));
            config.set(paths.get(j).toString(), values.get(j));
            label.append(j == 0 ? "" : ", ").append(paths.get(j)).append(" = ").append(values.get(j));
        }
        String where = source + " (sweep point " + index + ": " + label + ")";
        Scenario s;
        try {
            s = ScenarioLoader.parse(MAPPER.writeValueAsString(tree), where, baseDir);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ScenarioException e) {
            // Lines and columns would point into the generated configuration, not the user's file: drop them.
            throw new ScenarioException(e.getMessage().replaceAll("\\(line \\d+, column \\d+\\) ", ""), e);
        }
        long ps = spec.commonRandomNumbers() ? seed : pointSeed(seed, index);
        Scenario run = s.withRun(s.run().withSeed(ps).withReplications(replications));
        try {
            ScenarioRunner.check(run, LIMITS);
        } catch (WorkLimitException e) {
            WorkLimitException named = e.field().equals("$.run.replications") && spec.replicationsPerPoint() != null
                    ? e.withField("$.sweep.replications_per_point")
                    : e;
            throw new ScenarioException(where + ": " + named.getMessage(), e);
        }
        return new SweepPoint(index, config, run, ps);
    }

    /** The values of every point, in the order of the paths. */
    private List<List<JsonNode>> design() {
        List<SweepSpec.Parameter> params = spec.parameters();
        int k = params.size();
        List<List<JsonNode>> out = new ArrayList<>();
        if (spec.method() == SweepSpec.Method.NSGA2) {
            // The first generation, each configuration once; the runner makes the others from the results
            // (SweepRunner).
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (double[] genome : newSearch().initial()) {
                List<JsonNode> values = decode(genome);
                if (seen.add(values.toString())) out.add(values);
            }
            return out;
        }
        if (spec.method() == SweepSpec.Method.GRID) {
            List<List<JsonNode>> levels = params.stream()
                    .map(p -> p.levels().stream()
                            .map(v -> (JsonNode) MAPPER.valueToTree(v))
                            .toList())
                    .toList();
            int n = 1;
            for (List<JsonNode> l : levels) n *= l.size();
            for (int i = 0; i < n; i++) {
                // Mixed radix, the last parameter fastest: the order of nested loops written in the spec's order.
                JsonNode[] row = new JsonNode[k];
                int rest = i;
                for (int j = k - 1; j >= 0; j--) {
                    row[j] = levels.get(j).get(rest % levels.get(j).size());
                    rest /= levels.get(j).size();
                }
                out.add(List.of(row));
            }
            return out;
        }
        int n = spec.samples();
        UniformRandomProvider rng = new RandomStreams(seed, 0).stream("sweep-design");
        double[][] u = new double[n][k];
        if (spec.method() == SweepSpec.Method.RANDOM) {
            for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) u[i][j] = rng.nextDouble();
        } else {
            // Latin hypercube: each parameter's [0, 1) cut into n strata, one point per stratum, strata paired at
            // random.
            for (int j = 0; j < k; j++) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int i = n - 1; i > 0; i--) {
                    int r = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[r];
                    perm[r] = t;
                }
                for (int i = 0; i < n; i++) u[i][j] = (perm[i] + rng.nextDouble()) / n;
            }
        }
        for (int i = 0; i < n; i++) {
            JsonNode[] row = new JsonNode[k];
            for (int j = 0; j < k; j++) row[j] = value(j, u[i][j]);
            out.add(List.of(row));
        }
        return out;
    }

    /** Maps u in [0, 1) to parameter j's values: a level of a list or range, or a point of the sampled interval. */
    private JsonNode value(int j, double u) {
        SweepSpec.Parameter p = spec.parameters().get(j);
        if (p.sample() == null) {
            List<Object> levels = p.levels();
            return MAPPER.valueToTree(levels.get(Math.min(levels.size() - 1, (int) (u * levels.size()))));
        }
        double low = p.sample().low();
        double high = p.sample().high();
        if (p.sample().integer()) {
            long lo = (long) Math.ceil(low);
            long hi = (long) Math.floor(high);
            if (lo > hi) {
                throw new ScenarioException(
                        source + ": $.sweep.parameters[" + j + "].sample: " + paths.get(j) + ": [" + low + ", " + high
                                + "] holds no whole number",
                        null);
            }
            long count = hi - lo + 1;
            return JsonNodeFactory.instance.numberNode(lo + Math.min(count - 1, (long) (u * count)));
        }
        return JsonNodeFactory.instance.numberNode(low + u * (high - low));
    }
}
