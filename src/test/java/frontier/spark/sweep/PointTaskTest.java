package frontier.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cli.BenchSweep;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepPoint;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A task of one of the sweep's own configurations carries only its index, and the executor takes the point the sweep
 * already made rather than parsing and validating it again; a configuration the sweep does not hold (NSGA-II's later
 * generations) carries its values and is made from them. A result's metrics travel as {@link NodeCodec} bytes and
 * come back node for node. No Spark needed: tasks and results go through Java serialization as Spark's would.
 */
class PointTaskTest {
    // Parsed once per class, not once per test (200 points each; the class took 4 s of CPU in -Pfast): the tests only
    // read them, and Sweep.point makes new points without changing the sweep.
    private static final Sweep sweep = Sweep.parse(BenchSweep.scenario(0.01, 10, 1), "bench-sweep", Path.of("."));

    /** The sweep as an executor has it: parsed again from the same text, not the driver's object. */
    private static final Sweep executorsSweep =
            Sweep.parse(BenchSweep.scenario(0.01, 10, 1), "bench-sweep", Path.of("."));

    @Test
    void aTaskOfTheSweepsOwnPointCarriesNoValuesAndTheExecutorTakesThatPoint() throws Exception {
        SweepPoint p = sweep.points().get(37);
        PointTask task = shipped(PointTask.of(sweep, p));
        assertEquals(37, task.index());
        assertNull(task.values(), "the executor's sweep made the same point: no values to send, parse and check");
        assertSame(executorsSweep.points().get(37), task.point(executorsSweep));
        assertEquals(p.config(), task.point(executorsSweep).config());
        assertEquals(p.seed(), task.point(executorsSweep).seed());
    }

    @Test
    void aPointTheSweepDoesNotHoldTravelsWithItsValuesAndIsMadeAsTheSweepWouldMakeIt() throws Exception {
        int n = sweep.points().size();
        SweepPoint p = sweep.points().get(5);
        SweepPoint beyond = sweep.point(n + 3, sweep.values(p.config()));
        PointTask task = shipped(PointTask.of(sweep, beyond));
        assertNotNull(task.values());
        SweepPoint made = task.point(executorsSweep);
        assertEquals(n + 3, made.index());
        // The same text: values read back from JSON are IntNodes where the sweep's are LongNodes, which print alike.
        assertEquals(beyond.config().toString(), made.config().toString());
        assertEquals(beyond.seed(), made.seed());

        List<JsonNode> other = new ArrayList<>(sweep.values(p.config()));
        other.set(0, IntNode.valueOf(other.get(0).intValue() == 9 ? 8 : 9));
        SweepPoint changed = sweep.point(5, other);
        PointTask changedTask = shipped(PointTask.of(sweep, changed));
        assertNotNull(changedTask.values(), "a point 5 with other values than the sweep's point 5 is not taken for it");
        SweepPoint remade = changedTask.point(executorsSweep);
        assertNotSame(executorsSweep.points().get(5), remade);
        assertEquals(other.toString(), executorsSweep.values(remade.config()).toString());
        assertEquals(p.seed(), remade.seed(), "the seed comes from the index, as Sweep.point makes it");
    }

    @Test
    void anIndexOutsideTheSweepWithoutValuesIsRefused() {
        PointTask stray = new PointTask(sweep.points().size(), null);
        assertThrows(IllegalStateException.class, () -> stray.point(executorsSweep));
    }

    @Test
    void aResultBringsBackTheLocalRunnersMetricsNodeForNode() throws Exception {
        SweepPoint p = sweep.points().get(11);
        PointResult local = SweepRunner.runPoint(p, RunControl.NONE);
        PointTask.Result r = shipped(PointTask.of(sweep, p).run(executorsSweep, RunControl.NONE));
        PointResult back = r.toPointResult(p);
        assertSameTree(local.metrics(), back.metrics());
        assertEquals(
                new ObjectMapper().writeValueAsString(local.metrics()),
                new ObjectMapper().writeValueAsString(back.metrics()));
        assertEquals(local.config(), back.config());
        assertEquals(local.seed(), back.seed());
    }

    @Test
    void everyKindOfNodeComesBackAsTheSameClassWithTheSameValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode tree = f.objectNode();
        tree.put("int", 7).put("long", 7L).put("short", (short) 3).put("double", 0.1 + 0.2);
        tree.put("float", 1.5f)
                .put("negative_zero", -0.0)
                .put("text", "ünïcode \" , {")
                .put("empty", "");
        tree.put("decimal", new BigDecimal("123.4500")).put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("yes", true).put("no", false).putNull("nothing");
        tree.putArray("array")
                .add(1)
                .add(2L)
                .add(Double.NaN)
                .addNull()
                .addObject()
                .put("x", 1);
        tree.putObject("nested").putObject("deeper").putArray("empty");
        tree.set("pojo", f.pojoNode(List.of(1, 2)));
        ObjectNode back = NodeCodec.decode(NodeCodec.encode(tree));
        assertEquals(tree.get("pojo").toString(), back.get("pojo").toString(), "a POJO node travels as its text");
        tree.remove("pojo");
        back.remove("pojo");
        assertSameTree(tree, back);
    }

    @Test
    void bytesThatAreNotATreeAreRefused() {
        assertThrows(IllegalStateException.class, () -> NodeCodec.decode(new byte[] {'x'}));
        byte[] ok = NodeCodec.encode(JsonNodeFactory.instance.objectNode());
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThrows(IllegalStateException.class, () -> NodeCodec.decode(longer));
    }

    /** Same classes, same field order, same values (doubles bit for bit). */
    private static void assertSameTree(JsonNode expected, JsonNode actual) {
        assertEquals(expected.getClass(), actual.getClass(), "class of " + expected);
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                Map.Entry<String, JsonNode> g = a.next();
                assertEquals(e.getKey(), g.getKey());
                assertSameTree(e.getValue(), g.getValue());
            }
            assertEquals(false, a.hasNext());
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size());
            for (int k = 0; k < expected.size(); k++) assertSameTree(expected.get(k), actual.get(k));
        } else if (expected.isDouble() || expected.isFloat()) {
            assertEquals(
                    Double.doubleToRawLongBits(expected.doubleValue()),
                    Double.doubleToRawLongBits(actual.doubleValue()));
        } else {
            assertEquals(expected, actual);
        }
    }

    /** Through Java serialization, as Spark ships tasks and results. */
    @SuppressWarnings("unchecked")
    private static <T> T shipped(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
