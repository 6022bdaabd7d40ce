package frontier.scenario.alternatives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.PriceCatalogue;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioException;
import frontier.scenario.ScenarioLoader;
import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An alternative to a baseline scenario: a name and the {@link Change}s that make it. {@link #build} applies
 * them to a copy of the baseline's tree (pool kinds first, then the rest in the order given) and reads the
 * result back through the strict loader, so an alternative is validated like a file; any problem is a
 * {@link ScenarioException} that names the alternative.
 */
public record Alternative(String name, List<Change> changes) {
    public Alternative {
        if (changes == null || changes.isEmpty())
            throw new BadInputException("an alternative needs at least one change");
        changes = List.copyOf(changes);
        if (name == null || name.isBlank())
            name = String.join(", ", changes.stream().map(Change::describe).toList());
    }

    /** An alternative named by its changes. */
    public static Alternative of(Change... changes) {
        return new Alternative(null, List.of(changes));
    }

    /**
     * Reads an alternative written as the CLI's {@code --alt}: changes separated by {@code ;}, each
     * {@code KEY=VALUE} (see {@link Change}); {@code pool=NAME} makes the following pool changes apply to
     * that pool, and {@code name=TEXT} names the alternative.
     */
    public static Alternative parse(String text) {
        String pool = null;
        String name = null;
        List<Change> changes = new ArrayList<>();
        for (String part : text.split(";")) {
            String t = part.strip();
            if (t.isEmpty()) continue;
            String key =
                    t.contains("=") ? t.substring(0, t.indexOf('=')).strip().toLowerCase(java.util.Locale.ROOT) : t;
            String value = t.contains("=") ? t.substring(t.indexOf('=') + 1).strip() : "";
            if (key.equals("pool") || key.equals("pool.name")) {
                if (value.isEmpty()) throw new BadInputException("'" + t + "': expected pool=NAME");
                pool = value;
            } else if (key.equals("name")) {
                name = value;
            } else {
                changes.add(Change.parse(t, pool));
            }
        }
        if (changes.isEmpty())
            throw new BadInputException(
                    "'" + text + "': expected at least one change such as kind=spot or instances=4");
        return new Alternative(name, changes);
    }

    /** The alternative as a scenario, and the assumptions its changes made. */
    public record Built(Alternative alternative, ObjectNode tree, Scenario scenario, List<String> notes) {
        /** The alternative's scenario JSON. */
        public String json() {
            try {
                return ScenarioLoader.mapper().writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Applies the changes to the baseline and validates the result. The alternative runs the baseline's
     * {@code run} (duration, replications, seed): the same random numbers, for a fair comparison.
     */
    public Built build(Baseline base, PriceCatalogue catalogue) {
        Edit e = new Edit(base, catalogue);
        String where = base.source() + " (alternative \"" + name + "\")";
        List<Change> ordered =
                changes.stream().sorted(Comparator.comparingInt(Change::order)).toList();
        for (Change c : ordered) {
            try {
                c.apply(e);
            } catch (IllegalArgumentException ex) {
                throw new ScenarioException(where + ": " + c.describe() + ": " + ex.getMessage(), ex);
            }
        }
        if (!e.needPrice.isEmpty()) {
            throw new ScenarioException(
                    where + ": " + e.needPrice.values().iterator().next(), null);
        }
        e.tree.put("name", base.scenario().name() + " — " + name);
        e.tree.set("run", base.tree().get("run").deepCopy());
        String json;
        try {
            json = ScenarioLoader.mapper().writeValueAsString(e.tree);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        Scenario s;
        try {
            s = ScenarioLoader.parse(json, where, base.baseDir());
        } catch (ScenarioException ex) {
            // Lines and columns would point into the generated scenario, not the user's file.
            throw new ScenarioException(ex.getMessage().replaceAll("\\(line \\d+, column \\d+\\) ", ""), ex);
        }
        return new Built(this, e.tree, s, List.copyOf(e.notes));
    }
}
