package frontier.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import frontier.sim.InvalidSpecException;
import java.util.List;

/**
 * The {@code sweep} of a scenario file: which fields to vary ({@code parameters}, each a JSON path into the
 * scenario with a list of {@code values}, a {@code range} or a {@code sample} interval), how to choose the
 * configurations ({@code method}: the full {@code grid}, or {@code samples} points drawn at {@code random}
 * or by {@code latin_hypercube}, or searched by {@code nsga2}: {@code generations} of {@code population}
 * configurations evolving towards the Pareto front of {@code objectives}), how many replications to run at
 * each point, the sweep's seed, and whether every point runs on the same random numbers
 * ({@code common_random_numbers}). Paths
 * are checked against the scenario by {@code frontier.scenario.sweep.Sweep}; this record checks only what it can see by itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepSpec(
        @JsonProperty(required = true) List<Parameter> parameters,
        Method method,
        Integer samples,
        Integer population,
        Integer generations,
        List<String> objectives,
        Integer replicationsPerPoint,
        Long seed,
        Boolean commonRandomNumbers) {
    /** Largest number of configurations a sweep may have. */
    public static final int MAX_POINTS = 1_000_000;
    /** What nsga2 minimises by default: cost per 1,000 requests and p99 latency, as {@code frontier sweep}. */
    public static final List<String> DEFAULT_OBJECTIVES = List.of("cost", "p99");

    public SweepSpec {
        if (parameters == null || parameters.isEmpty())
            throw new InvalidSpecException("parameters", "expected at least one parameter");
        parameters = List.copyOf(parameters);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!seen.add(SweepPath.parse(parameters.get(i).path()).toString())) {
                throw new InvalidSpecException(
                        "parameters[" + i + "].path",
                        "the path " + parameters.get(i).path() + " is swept twice");
            }
        }
        if (method == null) method = Method.GRID;
        if (commonRandomNumbers == null) commonRandomNumbers = false;
        if (method != Method.NSGA2) {
            if (population != null) throw new InvalidSpecException("population", "'population' is for method nsga2");
            if (generations != null) throw new InvalidSpecException("generations", "'generations' is for method nsga2");
            if (objectives != null) throw new InvalidSpecException("objectives", "'objectives' is for method nsga2");
        }
        if (method == Method.NSGA2) {
            if (samples != null)
                throw new InvalidSpecException(
                        "samples",
                        "nsga2 evaluates 'population' configurations per generation; 'samples' is for method random or latin_hypercube");
            if (population == null)
                throw new InvalidSpecException(
                        "population", "method nsga2 needs 'population', the configurations per generation");
            if (population < 4 || population > 10_000)
                throw new InvalidSpecException("population", "expected an integer from 4 to 10000, got " + population);
            if (generations == null)
                throw new InvalidSpecException(
                        "generations",
                        "method nsga2 needs 'generations', the number of generations (the first one included)");
            if (generations < 1 || generations > 10_000)
                throw new InvalidSpecException(
                        "generations", "expected an integer from 1 to 10000, got " + generations);
            if ((long) population * generations > MAX_POINTS) {
                throw new InvalidSpecException(
                        "generations", "population × generations is more than " + MAX_POINTS + " configurations");
            }
            if (objectives == null) objectives = DEFAULT_OBJECTIVES;
            if (objectives.size() < 2)
                throw new InvalidSpecException(
                        "objectives", "expected at least two objectives, e.g. [\"cost\", \"p99\"]");
            for (int i = 0; i < objectives.size(); i++) {
                String o = objectives.get(i);
                if (o == null
                        || o.isBlank()
                        || o.strip().equalsIgnoreCase("max:")
                        || o.strip().equalsIgnoreCase("min:")) {
                    throw new InvalidSpecException(
                            "objectives[" + i + "]",
                            "expected a metric such as \"cost\", \"p99\" or \"latency_ms.p95\"");
                }
            }
            objectives = List.copyOf(objectives);
        } else if (method == Method.GRID) {
            if (samples != null)
                throw new InvalidSpecException(
                        "samples", "a grid runs every combination; 'samples' is for method random or latin_hypercube");
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).sample() != null) {
                    throw new InvalidSpecException(
                            "parameters[" + i + "].sample",
                            "a grid needs a list of 'values' or a 'range'; use method random or latin_hypercube to sample an interval");
                }
            }
            long n = 1;
            for (Parameter p : parameters) {
                n *= p.levels().size();
                if (n > MAX_POINTS)
                    throw new InvalidSpecException(
                            "parameters",
                            "the grid has more than " + MAX_POINTS
                                    + " configurations; sample it (method random or latin_hypercube)");
            }
        } else {
            if (samples == null)
                throw new InvalidSpecException(
                        "samples", "method " + method.label() + " needs 'samples', the number of configurations");
            if (samples < 1 || samples > MAX_POINTS)
                throw new InvalidSpecException(
                        "samples", "expected an integer from 1 to " + MAX_POINTS + ", got " + samples);
        }
        if (replicationsPerPoint != null && (replicationsPerPoint < 1 || replicationsPerPoint > 10_000)) {
            throw new InvalidSpecException(
                    "replications_per_point", "expected an integer from 1 to 10000, got " + replicationsPerPoint);
        }
    }

    /** How configurations are chosen. */
    public enum Method {
        GRID("grid"),
        RANDOM("random"),
        LATIN_HYPERCUBE("latin_hypercube"),
        NSGA2("nsga2");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /** One swept field: exactly one of {@code values}, {@code range} and {@code sample}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parameter(
            @JsonProperty(required = true) String path, List<Object> values, Range range, Sample sample) {
        public Parameter {
            if (path == null || path.isBlank())
                throw new InvalidSpecException("path", "expected a JSON path such as \"$.pools[1].instances\"");
            int given = (values != null ? 1 : 0) + (range != null ? 1 : 0) + (sample != null ? 1 : 0);
            if (given != 1)
                throw new InvalidSpecException(
                        "values",
                        "give exactly one of 'values' (a list), 'range' (from, to, step) or 'sample' (low, high)");
            if (values != null) {
                if (values.isEmpty()) throw new InvalidSpecException("values", "expected at least one value");
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) == null)
                        throw new InvalidSpecException("values[" + i + "]", "expected a value, got null");
                }
                values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            }
            SweepPath.parse(path); // syntax only; existence is checked against the scenario
        }

        /** The discrete levels of a {@code values} list or a {@code range}; empty for {@code sample}. */
        public List<Object> levels() {
            if (values != null) return values;
            if (range != null) return range.levels();
            return List.of();
        }
    }

    /**
     * {@code from}, {@code from + step}, … up to {@code to} inclusive, computed in decimal so that 0.1 steps
     * give 0.3, not 0.30000000000000004; whole numbers when {@code from} and {@code step} are whole.
     */
    public record Range(
            @JsonProperty(required = true) double from,
            @JsonProperty(required = true) double to,
            @JsonProperty(required = true) double step) {
        public Range {
            if (!Double.isFinite(from)) throw new InvalidSpecException("from", "expected a finite number");
            if (!Double.isFinite(to)) throw new InvalidSpecException("to", "expected a finite number");
            if (!(step > 0) || !Double.isFinite(step))
                throw new InvalidSpecException("step", "expected a number > 0, got " + step);
            if (to < from) throw new InvalidSpecException("to", "must be >= from (" + from + "), got " + to);
            if ((to - from) / step > MAX_POINTS)
                throw new InvalidSpecException("step", "the range has more than " + MAX_POINTS + " values");
        }

        public List<Object> levels() {
            java.math.BigDecimal f = java.math.BigDecimal.valueOf(from);
            java.math.BigDecimal s = java.math.BigDecimal.valueOf(step);
            java.math.BigDecimal t = java.math.BigDecimal.valueOf(to);
            boolean whole = isWhole(f) && isWhole(s);
            List<Object> out = new java.util.ArrayList<>();
            for (java.math.BigDecimal v = f; v.compareTo(t) <= 0; v = v.add(s)) {
                out.add(whole ? (Object) v.longValueExact() : (Object) v.doubleValue());
            }
            return out;
        }

        private static boolean isWhole(java.math.BigDecimal d) {
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        }
    }

    /**
     * An interval [low, high) for random or Latin hypercube sampling; with {@code integer: true}, whole
     * numbers from low to high inclusive (for counts such as instances).
     */
    public record Sample(
            @JsonProperty(required = true) double low,
            @JsonProperty(required = true) double high,
            Boolean integer) {
        public Sample {
            if (integer == null) integer = false;
            if (!Double.isFinite(low)) throw new InvalidSpecException("low", "expected a finite number");
            if (!Double.isFinite(high) || !(high > low))
                throw new InvalidSpecException("high", "expected a finite number > low (" + low + "), got " + high);
        }
    }
}
