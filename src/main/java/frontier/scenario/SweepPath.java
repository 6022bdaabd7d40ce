package frontier.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.sim.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * A path to one field of a scenario's JSON tree, written {@code $.pools[1].instances} or
 * {@code pools[1].instances}: field names separated by dots, array elements by {@code [index]}.
 * {@link #toString()} gives the canonical form without {@code $.}, which is how results name the field.
 */
public final class SweepPath {
    private final List<Object> segments; // String field names and Integer indices

    private SweepPath(List<Object> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Parses the syntax; throws {@link InvalidSpecException} on field "path" when it is malformed. */
    public static SweepPath parse(String text) {
        String s = text.strip();
        if (s.startsWith("$")) s = s.substring(1);
        if (s.startsWith(".")) s = s.substring(1);
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                int close = s.indexOf(']', i);
                String digits = close < 0 ? "" : s.substring(i + 1, close);
                if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit))
                    throw malformed(text, i);
                segments.add(Integer.valueOf(digits));
                i = close + 1;
            } else {
                if (!segments.isEmpty()) {
                    if (c != '.') throw malformed(text, i);
                    i++;
                }
                int from = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                if (i == from || Character.isDigit(s.charAt(from))) throw malformed(text, from);
                segments.add(s.substring(from, i));
            }
        }
        if (segments.isEmpty() || !(segments.getFirst() instanceof String)) {
            throw new InvalidSpecException(
                    "path", "expected a JSON path such as \"$.pools[1].instances\", got \"" + text + "\"");
        }
        return new SweepPath(segments);
    }

    private static InvalidSpecException malformed(String text, int at) {
        return new InvalidSpecException(
                "path",
                "cannot read the JSON path \"" + text + "\" (near character " + (at + 1)
                        + "); write it like \"$.pools[1].instances\"");
    }

    /** The first field name, e.g. {@code pools}. */
    public String root() {
        return (String) segments.getFirst();
    }

    /**
     * The node at this path in {@code tree}; throws {@link IllegalArgumentException} naming the part of the
     * path that does not exist (the caller adds where the path was written).
     */
    public JsonNode get(JsonNode tree) {
        JsonNode node = tree;
        StringBuilder at = new StringBuilder("$");
        for (Object seg : segments) {
            if (seg instanceof String name) {
                if (!node.isObject())
                    throw new IllegalArgumentException(this + " does not exist: " + at + " is not an object");
                if (!node.has(name)) {
                    List<String> names = new ArrayList<>();
                    node.fieldNames().forEachRemaining(names::add);
                    throw new IllegalArgumentException(this + " does not exist: " + at + " has no field '" + name
                            + "' (it has: " + String.join(", ", names)
                            + "); write the field in the scenario, its value there is the base configuration");
                }
                node = node.get(name);
                at.append('.').append(name);
            } else {
                int i = (Integer) seg;
                if (!node.isArray())
                    throw new IllegalArgumentException(this + " does not exist: " + at + " is not an array");
                if (i >= node.size())
                    throw new IllegalArgumentException(
                            this + " does not exist: " + at + " has " + node.size() + " element(s), no [" + i + "]");
                node = node.get(i);
                at.append('[').append(i).append(']');
            }
        }
        return node;
    }

    /** Replaces the node at this path (which must exist) in {@code tree}. */
    public void set(JsonNode tree, JsonNode value) {
        get(tree);
        JsonNode parent = tree;
        for (int k = 0; k < segments.size() - 1; k++) {
            Object seg = segments.get(k);
            parent = seg instanceof String name ? parent.get(name) : parent.get((Integer) seg);
        }
        Object last = segments.getLast();
        if (last instanceof String name) ((ObjectNode) parent).set(name, value);
        else ((ArrayNode) parent).set((Integer) last, value);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Object seg : segments) {
            if (seg instanceof String name) b.append(b.isEmpty() ? "" : ".").append(name);
            else b.append('[').append(seg).append(']');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
