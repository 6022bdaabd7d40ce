package frontier.scenario.alternatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.PriceCatalogue;
import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Try spot, serverless and a cheaper GPU" makes three ordinary alternatives, or says why one cannot be made. */
class QuickAlternativesTest {
    private static final PriceCatalogue CATALOGUE = PriceCatalogue.shipped();

    /**
     * A twin's shape: on-demand g5.2xlarge first, overflowing to spot g5.2xlarge, each at the billed hourly price
     * with the bill's instance type beside it.
     */
    static final String TWIN_LIKE = """
            {"name": "chat", "traffic": {"type": "poisson", "rate_per_s": 1},
             "pools": [{"type": "always_on", "name": "od", "instances": 2, "concurrency": 2, "overflow_to": "sp",
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"usd_per_hour": 1.1, "provider": "aws", "instance_type": "g5.2xlarge",
                                  "region": "us-east-1"}},
                       {"type": "spot", "name": "sp", "instances": 2, "concurrency": 2,
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"usd_per_hour": 0.45, "provider": "aws", "instance_type": "g5.2xlarge",
                                  "region": "us-east-1"},
                        "interruption": {"hazard_per_hour": 0.01}}],
             "run": {"duration_s": 600, "replications": 2, "seed": 3}}
            """;

    private static List<Alternative.Built> built(String json) {
        Baseline b = Baseline.parse(json, "twin.json", Path.of("."));
        return QuickAlternatives.of(b, CATALOGUE, null).alternatives().stream()
                .map(a -> a.build(b, CATALOGUE))
                .toList();
    }

    @Test
    void spotMovesTheOnDemandPoolToSpotOfTheSameTypeWithAnOnDemandFallback() {
        Alternative.Built spot = built(TWIN_LIKE).get(0);
        assertTrue(
                spot.alternative().name().equals("Spot + fallback, g5.2xlarge"),
                spot.alternative().name());
        var pools = spot.scenario().fleet().pools();
        assertEquals(
                List.of("od", "od-on-demand", "sp"),
                pools.stream().map(p -> p.name()).toList());
        SpotPool moved = assertInstanceOf(SpotPool.class, pools.get(0));
        assertEquals(0.509, moved.price().usdPerHour(), 1e-9, "the catalogue's spot price of g5.2xlarge");
        AlwaysOnPool fallback = assertInstanceOf(AlwaysOnPool.class, pools.get(1));
        assertEquals(1.212, fallback.price().usdPerHour(), 1e-9, "the fallback runs the same type on demand");
        assertEquals(
                "sp", fallback.overflowTo(), "what the fallback cannot take still goes where the baseline sent it");
    }

    @Test
    void serverlessPutsTheWholeEndpointOnOneServerlessPoolBilledWithAGpu() {
        Alternative.Built sl = built(TWIN_LIKE).get(1);
        assertTrue(
                sl.alternative().name().equals("Serverless, Cloud Run L4"),
                sl.alternative().name());
        var pools = sl.scenario().fleet().pools();
        assertEquals(1, pools.size(), "the spot pool is removed: only the serverless pool serves");
        ServerlessPool p = assertInstanceOf(ServerlessPool.class, pools.get(0));
        assertEquals(600, p.keepAliveS(), 0);
        assertTrue(
                sl.notes().stream().anyMatch(n -> n.contains("'sp' is removed")),
                sl.notes().toString());
    }

    @Test
    void cheaperGpuIsTheCheapestNvidiaTypeWithAsMuchGpuMemoryInEveryPoolOnTheSameType() {
        Alternative.Built gpu = built(TWIN_LIKE).get(2);
        // g5.2xlarge: 1× A10G, 24 GiB at 1.212 USD/h. g4dn (T4, 16 GiB) has too little memory, inf2 is no NVIDIA GPU;
        // of g5.xlarge (1.006), g6.xlarge (0.8048) and g6.2xlarge (0.9776), all 24 GiB, g6.xlarge is the cheapest.
        assertTrue(
                gpu.alternative().name().equals("Cheaper GPU, g6.xlarge"),
                gpu.alternative().name());
        var pools = gpu.scenario().fleet().pools();
        assertEquals(0.8048, pools.get(0).price().usdPerHour(), 1e-9);
        assertEquals(
                0.4104, pools.get(1).price().usdPerHour(), 1e-9, "the spot pool moves too, at g6.xlarge's spot price");
    }

    @Test
    void whatCannotBeMadeIsSaidWithTheReason() {
        String cheapest = TWIN_LIKE.replace("g5.2xlarge", "g4dn.xlarge");
        Baseline b = Baseline.parse(cheapest, "t4.json", Path.of("."));
        QuickAlternatives.Made made = QuickAlternatives.of(b, CATALOGUE, null);
        assertEquals(2, made.alternatives().size());
        assertEquals(
                List.of("Cheaper GPU: g4dn.xlarge is already the cheapest type with 16 GiB of GPU memory or more"),
                made.skipped());

        // An inline price that does not name its machine (a scenario written by hand).
        String inline = TWIN_LIKE.replaceAll(
                ", \"provider\": \"aws\", \"instance_type\": \"g5.2xlarge\",\\s*\"region\": \"us-east-1\"", "");
        made = QuickAlternatives.of(Baseline.parse(inline, "inline.json", Path.of(".")), CATALOGUE, null);
        assertEquals(1, made.alternatives().size(), "serverless needs no instance type");
        assertTrue(
                made.skipped().get(0).startsWith("Spot: pool 'od' names no instance type"),
                made.skipped().toString());
        assertTrue(made.skipped().get(1).startsWith("Cheaper GPU: pool 'od' names no instance type"));
    }

    @Test
    void gpuMemoryCountsEveryGpuOfTheTypeAndOnlyNvidiaGpus() {
        var g5x12 = CATALOGUE
                .instance("aws", null, "g5.12xlarge", frontier.domain.PricingModel.ON_DEMAND)
                .orElseThrow();
        assertEquals(96, QuickAlternatives.gpuMemoryGiB(g5x12));
        var inf2 = CATALOGUE
                .instance("aws", null, "inf2.xlarge", frontier.domain.PricingModel.ON_DEMAND)
                .orElseThrow();
        assertEquals(0, QuickAlternatives.gpuMemoryGiB(inf2));
    }

    private static final Path OVERNIGHT = Path.of("simulations/batch/overnight-embedding.json");

    @Test
    void aBatchJobIsTriedAllOnDemandWithHourlyCheckpointsAndWithAFallbackAtTheDeadlineOnly() {
        Baseline b = Baseline.load(OVERNIGHT);
        QuickAlternatives.Made made = QuickAlternatives.of(b, CATALOGUE, null);
        assertEquals(List.of(), made.skipped());
        List<Alternative.Built> built =
                made.alternatives().stream().map(a -> a.build(b, CATALOGUE)).toList();
        assertEquals(
                List.of("All on demand", "Hourly checkpoints", "Deadline fallback"),
                built.stream().map(x -> x.alternative().name()).toList());
        var onDemand = built.get(0).scenario().batch().fleet();
        assertEquals(0, onDemand.spotInstances(), "the baseline's six spot VMs all on demand");
        assertEquals(6, onDemand.instances());
        assertEquals(3600, built.get(1).scenario().batch().checkpoint().intervalS(), 0);
        assertEquals(900, b.scenario().batch().checkpoint().intervalS(), 0, "the baseline is untouched");
        var fallback = built.get(2).scenario().batch().fleet().fallback();
        assertEquals(null, fallback.afterInterruptions(), "no longer after the third preemption");
        assertTrue(fallback.whenDeadlineAtRisk());
        assertTrue(
                made.prices().getFirst().startsWith("on-demand g2-standard-4 $"),
                made.prices().toString());
        assertTrue(made.prices().getFirst().contains("(as of "), made.prices().toString());
    }

    @Test
    void aBatchJobsOneClickAlternativeThatWouldChangeNothingOrCannotApplyIsLeftOutWithTheReason()
            throws java.io.IOException {
        String job = java.nio.file.Files.readString(OVERNIGHT);
        // All on demand already, checkpoints every hour: nothing to move off spot, nothing to fall back from.
        String onDemand = job.replace("\"spot_share\": 1.0", "\"spot_share\": 0")
                .replace("\"interval_s\": 900", "\"interval_s\": 3600");
        QuickAlternatives.Made made =
                QuickAlternatives.of(Baseline.parse(onDemand, "od.json", Path.of(".")), CATALOGUE, null);
        assertEquals(List.of(), made.alternatives());
        assertEquals(
                List.of(
                        "All on demand: the job runs on demand already (no spot instances)",
                        "Hourly checkpoints: the job checkpoints every hour already",
                        "Deadline fallback: the job has no spot instances to fall back from"),
                made.skipped());

        // No deadline: a fallback at the deadline has nothing to keep.
        String noDeadline =
                job.replace(", \"when_deadline_at_risk\": true", "").replaceAll(",\\s*\"deadline_s\": 28800", "");
        made = QuickAlternatives.of(Baseline.parse(noDeadline, "nd.json", Path.of(".")), CATALOGUE, null);
        assertEquals(
                List.of("All on demand", "Hourly checkpoints"),
                made.alternatives().stream().map(Alternative::name).toList());
        assertEquals(List.of("Deadline fallback: the job has no deadline (deadline_s)"), made.skipped());

        // Falling back at the deadline only already.
        String deadlineOnly = job.replace("\"after_interruptions\": 3, ", "");
        made = QuickAlternatives.of(Baseline.parse(deadlineOnly, "d.json", Path.of(".")), CATALOGUE, null);
        assertEquals(List.of("Deadline fallback: the job falls back at the deadline only already"), made.skipped());
    }
}
