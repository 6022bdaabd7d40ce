package frontier.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.SweepResult;
import frontier.text.Csv;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented forms of a {@link SweepAnalysis} (docs/sweeps.md): one JSON object (the output of
 * {@code frontier sweep --json}, which is also the results file that {@code frontier sweep} reopens) and a
 * CSV with one row per point. Deterministic: the same results give the same bytes.
 */
public final class SweepReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepReport() {}

    public static ObjectNode toJson(SweepAnalysis a) {
        SweepResult r = a.result();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", SweepResult.FORMAT);
        root.put("scenario", r.scenario());
        ObjectNode sweep = root.putObject("sweep");
        ArrayNode paths = sweep.putArray("paths");
        r.paths().forEach(paths::add);
        sweep.put("method", r.method());
        sweep.put("seed", r.seed());
        sweep.put("replications_per_point", r.replicationsPerPoint());
        sweep.put("points", r.points().size());
        ArrayNode objectives = root.putArray("objectives");
        a.objectives().forEach(o -> objectives.add(o.toString()));
        ArrayNode constraints = root.putArray("constraints");
        a.constraints()
                .forEach(c -> constraints.addObject().put("metric", c.path()).put("max", c.max()));
        ObjectNode weighted = root.putObject("weighted");
        weighted.put("cost", a.objectives().get(0).toString());
        weighted.put("latency", a.objectives().get(1).toString());
        weighted.put("alpha", a.alpha());
        weighted.put("beta", 1 - a.alpha());
        weighted.put(
                "normalisation", "min-max over the feasible points: (value - min) / (max - min), 0 when max = min");
        ObjectNode ranges = weighted.putObject("ranges");
        for (int m = 0; m < 2; m++) {
            ObjectNode range = ranges.putObject(a.objectives().get(m).toString());
            // Values are minimised internally: a maximised objective's range is negated back, its ends swapped.
            boolean max = a.objectives().get(m).maximise();
            number(range, "min", max ? -a.weighted().max(m) : a.weighted().min(m));
            number(range, "max", max ? -a.weighted().min(m) : a.weighted().max(m));
        }
        if (a.optimum() >= 0)
            weighted.put("optimum", r.points().get(a.optimum()).index());
        else weighted.putNull("optimum");
        ArrayNode optima = weighted.putArray("optima");
        for (WeightedOptimum.Interval iv : a.optima()) {
            optima.addObject()
                    .put("alpha_from", iv.from())
                    .put("alpha_to", iv.to())
                    .put("point", r.points().get(iv.point()).index());
        }
        ArrayNode points = root.putArray("points");
        for (int i = 0; i < r.points().size(); i++) {
            PointResult p = r.points().get(i);
            ObjectNode o = points.addObject();
            o.put("index", p.index());
            o.set("config", p.config());
            o.put("seed", p.seed());
            o.put("feasible", a.feasible()[i]);
            o.put("pareto", a.pareto()[i]);
            if (a.uncertain()[i] == null) o.putNull("uncertain");
            else o.put("uncertain", a.uncertain()[i]);
            o.set("metrics", p.metrics());
        }
        return root;
    }

    public static String writeJson(SweepAnalysis a) {
        try {
            return MAPPER.writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One header line and one row per point: index, seed, the swept values, feasible, pareto, uncertain,
     * then every metric by its dotted path (ci95 half-widths as {@code ci95.PATH}), in the order of the first
     * point that has it ({@code seed}, the same as the point's, only once).
     */
    public static String toCsv(SweepAnalysis a) {
        SweepResult r = a.result();
        Set<String> configKeys = new LinkedHashSet<>(r.paths());
        Set<String> metricKeys = new LinkedHashSet<>();
        for (PointResult p : r.points()) {
            p.config().fieldNames().forEachRemaining(configKeys::add);
            flatten("", p.metrics(), metricKeys, null);
        }
        metricKeys.remove("seed"); // the point's seed, already the second column
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("index", "seed"));
        header.addAll(configKeys);
        header.addAll(List.of("feasible", "pareto", "uncertain"));
        header.addAll(metricKeys);
        b.append(Csv.row(header)).append('\n');
        for (int i = 0; i < r.points().size(); i++) {
            PointResult p = r.points().get(i);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(p.index()));
            row.add(Long.toString(p.seed()));
            for (String k : configKeys)
                row.add(p.config().has(k) ? cell(p.config().get(k)) : "");
            row.add(Boolean.toString(a.feasible()[i]));
            row.add(Boolean.toString(a.pareto()[i]));
            row.add(a.uncertain()[i] == null ? "" : a.uncertain()[i].toString());
            Map<String, JsonNode> values = new java.util.HashMap<>();
            flatten("", p.metrics(), null, values);
            for (String k : metricKeys) row.add(values.containsKey(k) ? cell(values.get(k)) : "");
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString();
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys, Map<String, JsonNode> values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) flatten(key + ".", e.getValue(), keys, values);
            else {
                if (keys != null) keys.add(key);
                if (values != null) values.put(key, e.getValue());
            }
        }
    }

    private static String scalar(JsonNode n) {
        if (n == null || n.isNull()) return "";
        return n.isValueNode() ? n.asText() : n.toString();
    }

    /** A JSON number or boolean as it is; text (names from the scenario) through {@link Csv#text}, so a formula is neutralised. */
    private static String cell(JsonNode n) {
        if (n != null && (n.isNumber() || n.isBoolean())) return n.asText();
        return Csv.text(scalar(n));
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) o.put(field, v);
        else o.putNull(field);
    }
}
