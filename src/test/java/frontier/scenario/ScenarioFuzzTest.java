package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.WorkEstimate;
import frontier.model.WorkLimits;
import frontier.scenario.sweep.Sweep;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded fuzzer over every scenario under simulations/: each case mutates one example (values to absurd numbers,
 * negatives, NaN strings, huge arrays, deep nesting, type swaps, removed and unknown fields, cut or corrupted text)
 * and then either loads it and runs it within a small work cap, or is refused with a {@link BadInputException}
 * whose message names a JSON path ("$") or a line. Any other exception, an OutOfMemoryError or a run past its
 * budget fails the test with the seed, the file and the mutations, so the case can be replayed.
 *
 * <p>Before mutating, each example is shrunk to one replication of at most {@value #SHRUNK_EVENTS} events, so a
 * case that loads also runs quickly; the cap ({@link #LIMITS}) is ten times that, so a mutation that makes the
 * run much longer is refused by the estimate or stopped by the event budget as a user's run would be.
 *
 * <p>{@code ./run-tests} runs {@value #DEFAULT_CASES} cases; {@code -Dfrontier.fuzz.cases=N} runs N (and
 * {@code -Dfrontier.fuzz.seed=S} another seed). The timeout below is only a guard so that a hang fails the
 * build instead of stalling it; nothing is asserted about time.
 */
@Tag("slow")
class ScenarioFuzzTest {
    static final int DEFAULT_CASES = 300;
    static final long SHRUNK_EVENTS = 50_000;
    static final WorkLimits LIMITS =
            new WorkLimits(10 * SHRUNK_EVENTS, 100 * SHRUNK_EVENTS, 100_000, 10_000_000, 100_000);
    private static final ObjectMapper MAPPER = ScenarioLoader.mapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyMutationOfEveryExampleRunsWithinItsBudgetOrIsRefusedWithAPath() throws IOException {
        int cases = Integer.getInteger("frontier.fuzz.cases", DEFAULT_CASES);
        long seed = Long.getLong("frontier.fuzz.seed", 20261013L);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("simulations"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 15, "the examples were found: " + files);
        List<ObjectNode> bases = new ArrayList<>();
        for (Path f : files) bases.add(shrunk(f));
        SplittableRandom rng = new SplittableRandom(seed);
        int ran = 0;
        int refused = 0;
        for (int c = 0; c < cases; c++) {
            int which = rng.nextInt(files.size());
            Path file = files.get(which);
            ObjectNode tree = bases.get(which).deepCopy();
            List<String> applied = new ArrayList<>();
            int roll = rng.nextInt(10);
            int n = roll < 6 ? 1 : roll < 9 ? 2 : 3;
            for (int m = 0; m < n; m++) applied.add(mutate(tree, rng));
            String text = deepen(MAPPER.writeValueAsString(tree));
            if (rng.nextInt(8) == 0) {
                text = corrupt(text, rng, applied);
            }
            String what = "case " + c + " (seed " + seed + ") of " + file + ": " + applied;
            long t0 = System.nanoTime();
            if (Boolean.getBoolean("frontier.fuzz.trace")) System.out.println("start " + what);
            try {
                if (runCase(text, file)) ran++;
                else refused++;
            } catch (BadInputException e) {
                refused++;
                String msg = e.getMessage();
                assertTrue(
                        msg != null && (msg.contains("$") || msg.contains("line ")),
                        what + ": a refusal must name a JSON path or a line: " + msg);
            } catch (OutOfMemoryError | StackOverflowError e) {
                fail(what + ": " + e, e);
            } catch (RuntimeException e) {
                fail(what + ": not a BadInputException: " + e, e);
            } finally {
                if (Boolean.getBoolean("frontier.fuzz.trace"))
                    System.out.printf("%.2f s %s%n", (System.nanoTime() - t0) / 1e9, what);
            }
        }
        // Both outcomes must occur, or the mutations (or the shrinking) have stopped testing anything.
        assertTrue(ran > cases / 20 && refused > cases / 20, "ran " + ran + ", refused " + refused + " of " + cases);
        System.out.printf(
                "scenario fuzz: %d cases (seed %d): %d ran within the cap, %d refused with a path or line%n",
                cases, seed, ran, refused);
    }

    @Test
    void aSubnormalCvFoundByTheFuzzerIsRefusedWithItsPath() {
        // Case 51 of seed 7: cv 4.9e-324 passed "> 0", made a lognormal's sigma 0, and the sampler threw.
        String json = """
                {"traffic": {"type": "poisson", "rate_per_s": 1},
                 "pool": {"servers": 1, "service": {"type": "lognormal", "mean": 1, "cv": 4.9E-324}},
                 "run": {"duration_s": 10}}
                """;
        String m = org.junit.jupiter.api.Assertions.assertThrows(
                        ScenarioException.class, () -> ScenarioLoader.parse(json, "s.json"))
                .getMessage();
        assertTrue(m.startsWith("s.json: $.pool.service.cv: ") && m.contains("expected a cv from 1e-12 to 1000"), m);
    }

    /** Loads and runs one case; true if it ran. A sweep is also expanded (if it has at most 1,000 configurations). */
    private static boolean runCase(String text, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Scenario s = ScenarioLoader.parse(text, file.toString(), dir);
        if (s.sweep() != null && plannedPoints(s) <= 1_000) Sweep.parse(text, file.toString(), dir);
        new ScenarioRunner(1, LIMITS).run(s, RunControl.NONE);
        return true;
    }

    private static long plannedPoints(Scenario s) {
        var spec = s.sweep();
        return switch (spec.method()) {
            case GRID ->
                spec.parameters().stream()
                        .mapToLong(p -> p.levels().size())
                        .reduce(1, (a, b) -> Math.min(Long.MAX_VALUE / 2, a * b));
            case RANDOM, LATIN_HYPERCUBE -> spec.samples();
            case NSGA2 -> spec.population();
        };
    }

    /** The example as one replication of at most SHRUNK_EVENTS events: its run shortened, everything else as written. */
    private static ObjectNode shrunk(Path f) throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Files.readString(f));
        Scenario s = ScenarioLoader.load(f);
        double events = s.isBatch()
                ? WorkEstimate.check(s.batch(), 1, WorkLimits.DEFAULT).events()
                : WorkEstimate.of(s.fleet(), 1, s.pool() != null).events();
        double k = Math.min(1, SHRUNK_EVENTS / events);
        if (s.isBatch() && k < 1) {
            // A batch job's events grow with its items (segments of work, and draws when items are drawn one by one).
            ObjectNode batch = (ObjectNode) tree.get("batch");
            batch.put("items", Math.max(s.batch().fleet().instances(), (long)
                    (batch.get("items").asLong() * k)));
        }
        ObjectNode run = (ObjectNode) tree.get("run");
        run.put("replications", 1);
        for (String d : new String[] {"duration_s", "warmup_s"})
            if (run.has(d)) run.put(d, run.get(d).asDouble() * k);
        for (String r : new String[] {"requests", "warmup_requests"})
            if (run.has(r)) run.put(r, Math.max(1, (long) (run.get(r).asLong() * k)));
        if (tree.has("sweep") && tree.get("sweep") instanceof ObjectNode sw) sw.put("replications_per_point", 1);
        ScenarioLoader.parse(
                MAPPER.writeValueAsString(tree),
                f.toString(),
                f.toAbsolutePath().getParent()); // still valid
        return tree;
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) ((ObjectNode) parent).set(field, v);
            else ((ArrayNode) parent).set(index, v);
        }

        void remove() {
            if (field != null) ((ObjectNode) parent).remove(field);
            else ((ArrayNode) parent).remove(index);
        }
    }

    private static void slots(JsonNode node, String path, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (var e : o.properties()) {
                out.add(new Slot(o, e.getKey(), -1, path + "." + e.getKey()));
                slots(e.getValue(), path + "." + e.getKey(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i, path + "[" + i + "]"));
                slots(a.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static final double[] ABSURD = {
        1e308, -1e308, 1e-308, -1, 0, 1e18, 1e9, 2147483648.0, 9.3e18, 0.5, -0.0, 4.9e-324
    };

    private static String mutate(ObjectNode tree, SplittableRandom rng) {
        List<Slot> all = new ArrayList<>();
        slots(tree, "$", all);
        Slot slot = all.get(rng.nextInt(all.size()));
        JsonNode old = slot.get();
        int kind = rng.nextInt(10);
        switch (kind) {
            case 0, 1 -> {
                double v = ABSURD[rng.nextInt(ABSURD.length)];
                if (old != null && old.isIntegralNumber() && rng.nextBoolean() && Math.abs(v) < 9.2e18)
                    slot.set(F.numberNode((long) v));
                else slot.set(F.numberNode(v));
                return slot.path() + " = " + slot.get();
            }
            case 2 -> {
                String[] words = {"NaN", "Infinity", "-Infinity", "-1", "", "1e999", "0x10", "ｓ", "\u0000"};
                slot.set(F.textNode(words[rng.nextInt(words.length)]));
                return slot.path() + " = " + slot.get();
            }
            case 3 -> {
                ArrayNode a = F.arrayNode();
                int size = rng.nextInt(4) == 0 ? 20_000 : 1 + rng.nextInt(50);
                for (int i = 0; i < size; i++)
                    a.add(rng.nextBoolean() ? F.numberNode(rng.nextDouble() * 10) : F.numberNode(1e300));
                slot.set(a);
                return slot.path() + " = an array of " + size;
            }
            case 4 -> {
                // Written into the text after serialising (Jackson's writer refuses to nest beyond its own limit).
                int depth = rng.nextBoolean() ? 1_100 : 1 + rng.nextInt(200);
                slot.set(F.textNode("@@DEEP" + depth + (rng.nextBoolean() ? "[" : "{") + "@@"));
                return slot.path() + " = nested " + depth + " deep";
            }
            case 5 -> {
                JsonNode[] swaps = {
                    F.textNode("x"),
                    F.numberNode(1),
                    F.booleanNode(true),
                    F.nullNode(),
                    F.objectNode(),
                    F.arrayNode(),
                    F.numberNode(new BigInteger("1" + "0".repeat(40)))
                };
                slot.set(swaps[rng.nextInt(swaps.length)]);
                return slot.path() + " = " + slot.get();
            }
            case 6, 7 -> {
                slot.remove();
                return "removed " + slot.path();
            }
            case 8 -> {
                if (old instanceof ObjectNode o) {
                    o.put("unknown_field", 1);
                    return slot.path() + ".unknown_field added";
                }
                slot.set(F.numberNode(old != null && old.isNumber() ? -old.asDouble() : -7));
                return slot.path() + " negated";
            }
            default -> {
                if (old != null && old.isNumber()) {
                    slot.set(F.numberNode(old.asDouble() * (rng.nextBoolean() ? 1e6 : 1e-6)));
                    return slot.path() + " scaled to " + slot.get();
                }
                slot.set(F.numberNode(rng.nextInt(2_000_000_000)));
                return slot.path() + " = " + slot.get();
            }
        }
    }

    /** Replaces each "@@DEEPn[@@" or "@@DEEPn{@@" placeholder with that many nested arrays or objects. */
    private static String deepen(String text) {
        var m = java.util.regex.Pattern.compile("\"@@DEEP(\\d+)([\\[{])@@\"").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int depth = Integer.parseInt(m.group(1));
            boolean array = m.group(2).equals("[");
            String v = (array ? "[" : "{\"a\":").repeat(depth) + "1" + (array ? "]" : "}").repeat(depth);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Damages the text itself: cut short, a stray byte, a byte-order mark, or a character that is not JSON. */
    private static String corrupt(String text, SplittableRandom rng, List<String> applied) {
        int at = rng.nextInt(text.length());
        switch (rng.nextInt(4)) {
            case 0 -> {
                applied.add("cut at " + at);
                return text.substring(0, at);
            }
            case 1 -> {
                applied.add("'#' inserted at " + at);
                return text.substring(0, at) + "#" + text.substring(at);
            }
            case 2 -> {
                applied.add("byte-order mark");
                return "\uFEFF" + text;
            }
            default -> {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                b[at % b.length] = (byte) 0xC3;
                applied.add("byte 0xC3 at " + at);
                return new String(b, StandardCharsets.UTF_8); // decoded leniently, as a text box would give it
            }
        }
    }
}
