package frontier.scenario.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import frontier.cli.CliRun;
import frontier.scenario.ScenarioException;
import frontier.sim.RunControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "method": "nsga2"} through the sweep machinery and the CLI, on a tiny simulated fleet. */
class Nsga2SweepTest {
    /** Ordered levels (keep_warm), a real interval (cold start), an integer interval and a categorical list (policy). */
    static final String NSGA2 = """
            {"method": "nsga2", "population": 6, "generations": 3, "seed": 11, "replications_per_point": 1,
             "parameters": [{"path": "$.pools[0].keep_warm", "values": [0, 1, 2, 3]},
                            {"path": "$.pools[0].cold_start.value", "sample": {"low": 5, "high": 60}},
                            {"path": "$.pools[0].max_instances", "sample": {"low": 3, "high": 6, "integer": true}},
                            {"path": "$.pools[0].policy", "values": [{"type": "target_rps", "per_instance": 2}, {"type": "hpa", "target": 0.6}]}]}""";

    @Test
    void everyEvaluatedConfigurationIsKeptOnceWithinTheParametersAndTheResultsDoNotDependOnThreads() {
        Sweep s = SweepTest.sweep(NSGA2);
        assertTrue(s.points().size() >= 1 && s.points().size() <= 6, "the first generation, each configuration once");
        assertEquals(18, s.plannedPoints());
        SweepResult one = new SweepRunner(1).run(s, RunControl.NONE);
        SweepResult two = new SweepRunner(2).run(s, RunControl.NONE);
        assertEquals(one, two);
        assertEquals("nsga2", one.method());
        int n = one.points().size();
        assertTrue(n > s.points().size() && n <= 18, "later generations add configurations: " + n);
        Set<String> configs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            PointResult p = one.points().get(i);
            assertEquals(i, p.index());
            assertEquals(Sweep.pointSeed(11, i), p.seed());
            assertTrue(configs.add(p.config().toString()), "proposed again but run again: " + p.config());
            int keepWarm = p.config().get("pools[0].keep_warm").intValue();
            double cold = p.config().get("pools[0].cold_start.value").doubleValue();
            JsonNode max = p.config().get("pools[0].max_instances");
            assertTrue(
                    keepWarm >= 0
                            && keepWarm <= 3
                            && p.config().get("pools[0].keep_warm").isIntegralNumber(),
                    p.config().toString());
            assertTrue(cold >= 5 && cold <= 60, p.config().toString());
            assertTrue(
                    max.isIntegralNumber() && max.intValue() >= 3 && max.intValue() <= 6,
                    p.config().toString());
            String policy = p.config().get("pools[0].policy").get("type").asText();
            assertTrue(policy.equals("target_rps") || policy.equals("hpa"), policy);
            assertTrue(p.metric("cost_usd.per_1k_requests") > 0);
        }
        // The first generation is the sweep's points, run as they were made.
        for (int i = 0; i < s.points().size(); i++)
            assertEquals(s.points().get(i).config(), one.points().get(i).config());
    }

    @Test
    void progressRisesToOne() {
        Sweep s = SweepTest.sweep(NSGA2.replace("\"generations\": 3", "\"generations\": 2"));
        List<Double> seen = new ArrayList<>();
        new SweepRunner(2).run(s, new RunControl() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public synchronized void progress(double f) {
                seen.add(f);
            }
        });
        assertEquals(1.0, seen.getLast(), 1e-12);
        assertTrue(seen.stream().allMatch(f -> f >= 0 && f <= 1), seen.toString());
    }

    @Test
    void specErrorsCarryTheirJsonPath() {
        var noPopulation =
                assertThrows(ScenarioException.class, () -> SweepTest.sweep(NSGA2.replace("\"population\": 6,", "")));
        assertTrue(noPopulation.getMessage().contains("$.sweep.population: "), noPopulation.getMessage());
        var small = assertThrows(
                ScenarioException.class,
                () -> SweepTest.sweep(NSGA2.replace("\"population\": 6", "\"population\": 3")));
        assertTrue(
                small.getMessage().contains("$.sweep.population: ")
                        && small.getMessage().contains("expected an integer from 4 to 10000, got 3"),
                small.getMessage());
        var noGenerations =
                assertThrows(ScenarioException.class, () -> SweepTest.sweep(NSGA2.replace("\"generations\": 3,", "")));
        assertTrue(noGenerations.getMessage().contains("$.sweep.generations: "), noGenerations.getMessage());
        var samples = assertThrows(
                ScenarioException.class,
                () -> SweepTest.sweep(NSGA2.replace("\"generations\": 3,", "\"generations\": 3, \"samples\": 5,")));
        assertTrue(samples.getMessage().contains("$.sweep.samples: "), samples.getMessage());
        var gridPopulation = assertThrows(
                ScenarioException.class,
                () -> SweepTest.sweep(
                        "{\"population\": 4, \"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"values\": [3, 4]}]}"));
        assertTrue(gridPopulation.getMessage().contains("$.sweep.population: "), gridPopulation.getMessage());
        var oneObjective = assertThrows(
                ScenarioException.class,
                () -> SweepTest.sweep(NSGA2.replace("\"seed\": 11,", "\"seed\": 11, \"objectives\": [\"cost\"],")));
        assertTrue(oneObjective.getMessage().contains("$.sweep.objectives: "), oneObjective.getMessage());
        Sweep unknownMetric = SweepTest.sweep(
                NSGA2.replace("\"seed\": 11,", "\"seed\": 11, \"objectives\": [\"cost\", \"latency_ms.p98\"],"));
        var metric =
                assertThrows(ScenarioException.class, () -> new SweepRunner(2).run(unknownMetric, RunControl.NONE));
        assertTrue(
                metric.getMessage().contains("$.sweep.objectives[1]: no metric 'latency_ms.p98'"), metric.getMessage());
    }

    @Test
    void theSchemaAcceptsAnNsga2SweepAndTheGuidesExampleAndRefusesMisplacedFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json.readTree(Path.of("docs/scenario.schema.json").toFile()));
        assertEquals(Set.of(), schema.validate(json.readTree(SweepTest.FLEET.replace("SWEEP", NSGA2))));
        String guide = Files.readString(Path.of("docs/sweeps.md"));
        Matcher m = Pattern.compile("```json\\R(\"sweep\": \\{\\R  \"method\": \"nsga2\".*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertTrue(m.find(), "the NSGA-II example of docs/sweeps.md");
        assertEquals(Set.of(), schema.validate(json.readTree(SweepTest.FLEET.replace("\"sweep\": SWEEP", m.group(1)))));
        assertTrue(!schema.validate(
                        json.readTree(SweepTest.FLEET.replace("SWEEP", NSGA2.replace("\"generations\": 3,", ""))))
                .isEmpty());
        assertTrue(!schema.validate(
                        json.readTree(
                                SweepTest.FLEET.replace(
                                        "SWEEP",
                                        "{\"population\": 4, \"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"values\": [3, 4]}]}")))
                .isEmpty());
        assertTrue(!schema.validate(json.readTree(SweepTest.FLEET.replace(
                        "SWEEP", NSGA2.replace("\"seed\": 11,", "\"seed\": 11, \"samples\": 4,"))))
                .isEmpty());
    }

    @Test
    void cliJsonIsByteIdenticalWithOneAndTwoThreadsAndMarksTheFront(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("nsga2-sweep.json");
        Files.writeString(f, SweepTest.FLEET.replace("SWEEP", NSGA2));
        CliRun one = CliRun.of("sweep", f.toString(), "--json", "--threads", "1");
        CliRun two = CliRun.of("sweep", f.toString(), "--json", "--threads", "2");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        assertEquals(one.out(), two.out());
        JsonNode root = new ObjectMapper().readTree(one.out());
        assertEquals("nsga2", root.get("sweep").get("method").asText());
        JsonNode points = root.get("points");
        assertTrue(points.size() > 6 && points.size() <= 18, points.size() + " points");
        boolean anyFront = false;
        for (JsonNode p : points) anyFront |= p.get("pareto").asBoolean();
        assertTrue(anyFront);
        CliRun table = CliRun.of("sweep", f.toString(), "--threads", "2");
        assertTrue(table.out().contains("(nsga2 over pools[0].keep_warm"), table.out());
    }
}
