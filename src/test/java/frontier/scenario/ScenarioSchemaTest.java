package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/scenario.schema.json} and {@link ScenarioLoader} in agreement:
 * <ul>
 *   <li>every {@code *.json} under {@code simulations/} passes the schema and loads (new examples are picked up
 *       automatically);</li>
 *   <li>every fixture under {@code src/test/resources/scenarios/invalid/} is rejected by both, and the loader's
 *       message names the offending field by its JSON path;</li>
 *   <li>every {@code json} example in {@code docs/scenarios.md} passes both (fragments are put into a complete
 *       scenario: a traffic object as {@code traffic}, a distribution as {@code pool.service}, a fleet pool as the
 *       only element of {@code pools}, and so on);</li>
 *   <li>{@code loader-only/} holds rules JSON Schema cannot express (checked by the loader alone), and
 *       {@code schema-stricter/} holds inputs the schema rejects although the loader currently tolerates them.</li>
 * </ul>
 */
class ScenarioSchemaTest {
    private static final Path BASE =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path SCHEMA_FILE = BASE.resolve("docs/scenario.schema.json");
    private static final Path SIMULATIONS = BASE.resolve("simulations");
    private static final Path FIXTURES = BASE.resolve("src/test/resources/scenarios");
    private static final Path GUIDE = BASE.resolve("docs/scenarios.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Invalid fixture → JSON path of the offending field. The loader's message must name that path (for an
     * unknown field, "PARENT: unknown field 'NAME'" also counts), and the schema must report an error at that
     * path, at one of its parents (a missing or unexpected field is reported on the object that holds it) or
     * inside it (the loader blames an object, the schema the field of it that breaks the rule).
     */
    private static final Map<String, String> INVALID = Map.ofEntries(
            // unknown fields and typos
            Map.entry("unknown-field-typo.json", "$.pool.timout_s"),
            Map.entry("interruption-time-unit-without-trace.json", "$.pools[0].interruption.time_unit"),
            Map.entry("price-inline-with-pricing-model.json", "$.pools[0].price.pricing_model"),
            Map.entry("base-dir-field.json", "$.base_dir"),
            Map.entry("fractional-requests.json", "$.run.requests"),
            Map.entry("fractional-servers.json", "$.pool.servers"),
            Map.entry("numeric-name.json", "$.name"),
            Map.entry("unknown-field-schema-keyword.json", "$.$schema"),
            Map.entry("unknown-field-in-distribution.json", "$.pool.service.sd"),
            // missing required fields
            Map.entry("missing-required-servers.json", "$.pool.servers"),
            Map.entry("missing-required-run.json", "$.run"),
            Map.entry("missing-required-rate.json", "$.traffic.rate_per_s"),
            Map.entry("lognormal-mean-without-cv.json", "$.pool.service.cv"),
            Map.entry("replay-missing-unit.json", "$.traffic.unit"),
            Map.entry("missing-distribution-type.json", "$.pool.service"),
            Map.entry("missing-traffic-type.json", "$.traffic"),
            // wrong JSON types
            Map.entry("wrong-type-rate-string.json", "$.traffic.rate_per_s"),
            Map.entry("wrong-type-servers-boolean.json", "$.pool.servers"),
            Map.entry("wrong-type-rates-not-array.json", "$.traffic.rates_per_s"),
            // values out of range
            Map.entry("negative-rate.json", "$.traffic.rate_per_s"),
            Map.entry("zero-servers.json", "$.pool.servers"),
            Map.entry("negative-cv.json", "$.pool.service.cv"),
            Map.entry("negative-queue-capacity.json", "$.pool.queue_capacity"),
            Map.entry("zero-timeout.json", "$.pool.timeout_s"),
            Map.entry("negative-profile-rate.json", "$.traffic.rates_per_s[3]"),
            Map.entry("all-zero-profile.json", "$.traffic.rates_per_s"),
            Map.entry("empty-profile.json", "$.traffic.rates_per_s"),
            Map.entry("negative-mmpp-rate.json", "$.traffic.burst.rate_per_s"),
            Map.entry("mmpp-all-rates-zero.json", "$.traffic.normal"),
            Map.entry("renewal-zero-interarrival.json", "$.traffic.interarrival"),
            Map.entry("replay-unknown-unit.json", "$.traffic.unit"),
            Map.entry("replay-zero-speed.json", "$.traffic.speed"),
            Map.entry("zero-replications.json", "$.run.replications"),
            Map.entry("too-many-replications.json", "$.run.replications"),
            Map.entry("weibull-cv-out-of-range.json", "$.pool.service.cv"),
            Map.entry("empirical-negative-sample.json", "$.pool.service.samples[2]"),
            // exclusive choices
            Map.entry("both-duration-and-requests.json", "$.run.duration_s"),
            Map.entry("no-stop-rule.json", "$.run.duration_s"),
            Map.entry("both-warmups.json", "$.run.warmup_s"),
            Map.entry("exponential-mean-and-rate.json", "$.pool.service.mean"),
            Map.entry("mean-shape-mix-gamma.json", "$.pool.service.mean"),
            Map.entry("mean-cv-scale-mix-weibull.json", "$.pool.service.mean"),
            Map.entry("mean-sigma-mix-lognormal.json", "$.pool.service.mean"),
            // unknown polymorphic types
            Map.entry("unknown-traffic-type.json", "$.traffic.type"),
            Map.entry("unknown-distribution-type.json", "$.pool.service.type"),
            // fleets: pools, classes, cache, prices
            Map.entry("unknown-pool-type.json", "$.pools[0].type"),
            Map.entry("missing-pool-type.json", "$.pools[0]"),
            Map.entry("pool-and-pools.json", "$.pool"),
            Map.entry("empty-pools.json", "$.pools"),
            Map.entry("unknown-field-in-pool.json", "$.pools[0].servers"),
            Map.entry("pool-name-with-space.json", "$.pools[0].name"),
            Map.entry("missing-pool-model-service.json", "$.pools[0].model.service"),
            Map.entry("wrong-type-concurrency-string.json", "$.pools[0].concurrency"),
            Map.entry("zero-always-on-instances.json", "$.pools[0].instances"),
            Map.entry("serverless-without-cold-start.json", "$.pools[0].cold_start"),
            Map.entry("serverless-cold-start-and-cold-service.json", "$.pools[0].cold_start"),
            Map.entry("serverless-queue-capacity.json", "$.pools[0].queue_capacity"),
            Map.entry("serverless-unknown-idle-policy.json", "$.pools[0].idle_policy"),
            Map.entry("serverless-zero-billing-increment.json", "$.pools[0].billing.increment_ms"),
            Map.entry("autoscaled-missing-cold-start.json", "$.pools[0].cold_start"),
            Map.entry("autoscaled-zero-max-instances.json", "$.pools[0].max_instances"),
            Map.entry("autoscaled-scale-to-zero-with-keep-warm.json", "$.pools[0].scale_to_zero_after_s"),
            Map.entry("autoscaled-unknown-policy-type.json", "$.pools[0].policy.type"),
            Map.entry("hpa-target-above-one.json", "$.pools[0].policy.target"),
            Map.entry("bad-interruption-bucket.json", "$.pools[1].interruption.bucket"),
            Map.entry("interruption-hazard-and-bucket.json", "$.pools[0].interruption.hazard_per_hour"),
            Map.entry("negative-interruption-hazard.json", "$.pools[0].interruption.hazard_per_hour"),
            Map.entry("unknown-trace-time-unit.json", "$.pools[0].interruption.time_unit"),
            Map.entry("unknown-on-interrupt.json", "$.pools[0].on_interrupt"),
            Map.entry("negative-unavailable-from.json", "$.pools[0].unavailable[0].from_s"),
            Map.entry("batching-zero-max-batch.json", "$.pools[0].batching.max_batch"),
            Map.entry("batching-table-and-base.json", "$.pools[0].batching.table_s"),
            Map.entry("price-without-amount-or-catalogue.json", "$.pools[0].price.usd_per_hour"),
            Map.entry("price-provider-without-instance-type.json", "$.pools[0].price.instance_type"),
            Map.entry("class-zero-share.json", "$.classes[1].share"),
            Map.entry("class-name-with-space.json", "$.classes[0].name"),
            Map.entry("cache-hit-ratio-and-lru.json", "$.cache.hit_ratio"),
            Map.entry("cache-hit-ratio-one.json", "$.cache.hit_ratio"),
            Map.entry("cache-keys-without-lru.json", "$.cache.keys"),
            // token-driven service times
            Map.entry("model-service-and-token-time.json", "$.pools[0].model.token_time"),
            Map.entry("token-time-zero-decode-rate.json", "$.pools[0].model.token_time.decode_tokens_per_s"),
            Map.entry("token-time-missing-prefill.json", "$.pools[0].model.token_time.prefill_tokens_per_s"),
            Map.entry("token-time-with-batching.json", "$.pools[0].batching"),
            Map.entry("replay-blank-input-tokens-column.json", "$.traffic.input_tokens_column"),
            // cascades
            Map.entry("cascade-probability-and-score.json", "$.cascade.probability"),
            Map.entry("cascade-probability-above-one.json", "$.cascade.probability"),
            Map.entry("cascade-unknown-class-route.json", "$.cascade.classes.chat"));

    /** Rules the schema cannot express: fixture → text the loader's message must contain. */
    private static final Map<String, String> LOADER_ONLY = Map.ofEntries(
            Map.entry("cascade-to-missing-pool.json", "$.cascade.second: "),
            Map.entry("cascade-class-not-routed-to-first.json", "$.cascade.classes.batch: "),
            Map.entry("cascade-first-not-reached.json", "$.cascade.first: "),
            Map.entry("warmup-not-shorter-than-duration.json", "$.run.warmup_s: "),
            Map.entry("cache-lru-without-keys.json", "$.cache.keys: "),
            Map.entry("duplicate-key.json", "Duplicate field 'servers'"),
            // fleets: rules that compare fields or refer to names, and the price catalogue
            Map.entry(
                    "overflow-to-missing-pool.json",
                    "$.pools[0].overflow_to: (line 28, column 1) no pool named 'spot'"),
            Map.entry(
                    "overflow-to-itself.json",
                    "$.pools[0].overflow_to: (line 28, column 1) a pool cannot overflow to itself"),
            Map.entry("duplicate-pool-name.json", "$.pools[1].name: "),
            Map.entry("class-shares-not-one.json", "$.classes: (line 37, column 1) the shares must add up to 1"),
            Map.entry("class-to-missing-pool.json", "$.classes[0].pool: (line 34, column 1) no pool named 'spot'"),
            Map.entry("duplicate-class-name.json", "$.classes[1].name: "),
            Map.entry("autoscaled-max-below-min.json", "$.pools[0].max_instances: "),
            Map.entry("autoscaled-initial-above-max.json", "$.pools[0].initial_instances: "),
            Map.entry("autoscaled-keep-warm-above-max.json", "$.pools[0].keep_warm: "),
            Map.entry("serverless-provisioned-above-max.json", "$.pools[0].provisioned: "),
            Map.entry("batching-table-wrong-length.json", "$.pools[0].batching.table_s: "),
            Map.entry("unavailable-period-ends-before-start.json", "$.pools[0].unavailable[0].to_s: "),
            Map.entry(
                    "price-not-in-catalogue.json",
                    "$.pools[0].price: the price catalogue has no on_demand price for aws g9.huge"),
            Map.entry(
                    "token-time-without-tokens.json",
                    "$.pools[0].model.token_time: (line 30, column 1) its service time needs each request's input token count"),
            Map.entry(
                    "token-time-without-output-tokens.json",
                    "add 'tokens.output' (a distribution of output tokens per request) or, when replaying a trace, 'traffic.output_tokens_column'"));

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        schema = factory.getSchema(JSON.readTree(SCHEMA_FILE.toFile()), config);
        schema.initializeValidators();
    }

    @Test
    void schemaIsValidDraft202012() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(SchemaLocation.of(SchemaId.V202012));
        Set<ValidationMessage> errors = meta.validate(JSON.readTree(SCHEMA_FILE.toFile()));
        assertTrue(errors.isEmpty(), () -> "docs/scenario.schema.json is not a valid 2020-12 schema: " + errors);
    }

    static Stream<Path> simulations() throws IOException {
        try (Stream<Path> files = Files.walk(SIMULATIONS)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json"))
                    .map(BASE::relativize)
                    .sorted()
                    .toList();
            assertFalse(list.isEmpty(), "no scenarios under " + SIMULATIONS);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simulations")
    void exampleValidatesAndLoads(Path relative) throws IOException {
        Path file = BASE.resolve(relative);
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(file.toFile()));
        assertTrue(errors.isEmpty(), () -> relative + " fails the schema: " + errors);
        Scenario s = ScenarioLoader.load(file);
        assertFalse(s.description().isBlank(), () -> relative + " has no description");
    }

    /** Complete scenario that documentation fragments are placed into. */
    private static final String FRAME = """
            {"traffic": {"type": "poisson", "rate_per_s": 9.5},
             "pool": {"servers": 16, "service": {"type": "lognormal", "mean": 1.2, "cv": 0.8}},
             "run": {"duration_s": 600}}
            """;

    private static final Set<String> TRAFFIC_TYPES = Set.of("poisson", "renewal", "profile", "mmpp", "replay");
    private static final Set<String> DISTRIBUTION_TYPES =
            Set.of("exponential", "deterministic", "lognormal", "gamma", "weibull", "empirical");
    private static final Set<String> POOL_TYPES = Set.of("always_on", "autoscaled", "serverless", "spot");

    static Stream<Arguments> guideExamples() throws IOException {
        String md = Files.readString(GUIDE);
        Matcher m = Pattern.compile("^[ \\t]*```json[ \\t]*\\R(.*?)^[ \\t]*```", Pattern.MULTILINE | Pattern.DOTALL)
                .matcher(md);
        List<Arguments> examples = new ArrayList<>();
        while (m.find()) {
            int line = (int) md.substring(0, m.start()).lines().count() + 1;
            examples.add(Arguments.of("docs/scenarios.md line " + line, m.group(1)));
        }
        assertFalse(examples.isEmpty(), "no ```json examples in " + GUIDE);
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideExamples")
    void guideExampleValidatesAndLoads(String where, String json) throws IOException {
        ObjectNode example = (ObjectNode) JSON.readTree(json);
        ObjectNode scenario = (ObjectNode) JSON.readTree(FRAME);
        String type = example.path("type").asText("");
        if (example.has("traffic") || example.has("batch")) scenario = example;
        else if (TRAFFIC_TYPES.contains(type)) scenario.set("traffic", example);
        else if (DISTRIBUTION_TYPES.contains(type)) ((ObjectNode) scenario.get("pool")).set("service", example);
        else if (example.has("servers")) scenario.set("pool", example);
        else if (POOL_TYPES.contains(type)) {
            scenario.remove("pool");
            scenario.putArray("pools").add(example);
        } else if (example.has("duration_s") || example.has("requests")) scenario.set("run", example);
        else fail(where + ": cannot tell what this example is; give it a type, or make it a whole scenario");

        Set<ValidationMessage> errors = schema.validate(scenario);
        assertTrue(errors.isEmpty(), () -> where + " fails the schema: " + errors);
        ScenarioLoader.parse(JSON.writeValueAsString(scenario), where);
    }

    static Stream<Arguments> invalidFixtures() {
        return INVALID.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidFixtures")
    void invalidFixtureIsRejectedByBoth(String name, String path) throws IOException {
        Path file = FIXTURES.resolve("invalid").resolve(name);

        Set<ValidationMessage> errors = schema.validate(JSON.readTree(file.toFile()));
        assertFalse(errors.isEmpty(), () -> name + ": the schema accepts it");
        Set<String> locations = errors.stream()
                .map(m -> m.getInstanceLocation().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(
                locations.stream().anyMatch(l -> related(l, path)),
                () -> name + ": no schema error at, above or below " + path + ": " + errors);

        ScenarioException e = assertThrows(
                ScenarioException.class, () -> ScenarioLoader.load(file), () -> name + ": the loader accepts it");
        String message = e.getMessage();
        assertTrue(
                namesPath(message, path), () -> name + ": the loader's message does not name " + path + ": " + message);
    }

    @Test
    void everyInvalidFixtureHasAnExpectedPath() throws IOException {
        assertEquals(
                new TreeSet<>(INVALID.keySet()),
                fileNames("invalid"),
                "map each file in src/test/resources/scenarios/invalid/ to its JSON path in INVALID");
        assertEquals(
                new TreeSet<>(LOADER_ONLY.keySet()),
                fileNames("loader-only"),
                "map each file in src/test/resources/scenarios/loader-only/ in LOADER_ONLY");
    }

    static Stream<Arguments> loaderOnlyFixtures() {
        return LOADER_ONLY.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** The schema accepts these (the rule is beyond it), the loader refuses them with the expected message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("loaderOnlyFixtures")
    void loaderOnlyRuleIsEnforcedByTheLoader(String name, String expected) throws IOException {
        Path file = FIXTURES.resolve("loader-only").resolve(name);
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(file.toFile()));
        assertTrue(errors.isEmpty(), () -> name + ": the schema rejects it, so it belongs in invalid/: " + errors);
        ScenarioException e = assertThrows(
                ScenarioException.class, () -> ScenarioLoader.load(file), () -> name + ": the loader accepts it");
        assertTrue(
                e.getMessage().contains(expected), () -> name + ": expected '" + expected + "' in: " + e.getMessage());
    }

    static Stream<String> schemaStricterFixtures() throws IOException {
        return fileNames("schema-stricter").stream();
    }

    /** The schema rejects these; the loader tolerates them today (see docs/scenarios.md), so only the schema is checked. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaStricterFixtures")
    void schemaRejectsWhatTheLoaderTolerates(String name) throws IOException {
        Path file = FIXTURES.resolve("schema-stricter").resolve(name);
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(file.toFile()));
        assertFalse(errors.isEmpty(), () -> name + ": the schema accepts it");
    }

    @Test
    void loaderRejectsDollarSchema() {
        // Documented in docs/scenarios.md: scenario files cannot point at the schema with "$schema".
        Path file = FIXTURES.resolve("invalid/unknown-field-schema-keyword.json");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertTrue(e.getMessage().contains("'$schema'"), e.getMessage());
    }

    /** The same node, a parent of it, or a node inside it (e.g. the schema blames a field the loader reports on its object). */
    private static boolean related(String location, String path) {
        return within(path, location) || within(location, path);
    }

    private static boolean within(String inner, String outer) {
        return inner.equals(outer) || inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    /** "$.a.b: ..." or, for an unknown field b, "$.a: ... unknown field 'b'". */
    private static boolean namesPath(String message, String path) {
        if (message.contains(path + ": ")) return true;
        int dot = path.lastIndexOf('.');
        if (dot < 1) return false;
        String parent = path.substring(0, dot);
        String field = path.substring(dot + 1);
        return message.contains(parent + ": ") && message.contains("unknown field '" + field + "'");
    }

    private static Set<String> fileNames(String dir) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(dir))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
