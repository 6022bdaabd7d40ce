package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricTest {
    @Test
    void everyPathIsDefinedOnce() {
        var seen = new HashSet<String>();
        for (Metric m : Metric.all()) assertTrue(seen.add(m.path()), "defined twice: " + m.path());
    }

    @Test
    void aConcretePathFindsItsMetricAndAPatternItsPoolOrClass() {
        assertEquals(Optional.of(Metric.LATENCY_P99), Metric.find("latency_ms.p99"));
        assertEquals(Optional.of(Metric.POOL_UTILIZATION), Metric.find("pools.gpu-a_1.utilization"));
        assertEquals("pools.gpu.utilization", Metric.POOL_UTILIZATION.at("gpu"));
        assertEquals("gpu", Metric.POOL_UTILIZATION.nameIn("pools.gpu.utilization"));
        assertNull(Metric.POOL_UTILIZATION.nameIn("utilization"));
        assertEquals(
                Optional.of(Metric.CLASS_LATENCY.get(Metric.Stat.P999.ordinal())),
                Metric.find("classes.chat.latency_ms.p999"));
        assertTrue(Metric.find("latency_ms.p98").isEmpty());
        assertTrue(Metric.find("pools.a.b.utilization").isEmpty(), "names have no dots");
        assertTrue(Metric.find("pools.{pool}.utilization").isEmpty(), "a placeholder is not a name");
    }

    @Test
    void labelsOfPatternsNameTheirPoolOrClass() {
        assertEquals("p99 latency", Metric.labelOf("latency_ms.p99"));
        assertEquals("Pool gpu: utilization", Metric.labelOf("pools.gpu.utilization"));
        assertEquals("Class chat: within SLO", Metric.labelOf("classes.chat.slo_attainment"));
        assertEquals("Cost of pool spot: idle", Metric.labelOf("cost_usd.by_pool.spot.idle"));
        assertEquals("Requests that waited", Metric.labelOf("p_wait"));
        assertEquals("not.a.metric", Metric.labelOf("not.a.metric"), "an unknown path stands for itself");
        assertEquals("ms", Metric.unitOf("classes.chat.latency_ms.p50"));
        assertEquals("USD/h", Metric.unitOf("cost_usd.per_hour"));
    }

    @Test
    void namesOfAPatternComeInTheRunsOrderOnce() {
        List<String> paths = List.of(
                "cost_usd.total", "cost_usd.by_pool.b.total", "cost_usd.by_pool.b.idle", "cost_usd.by_pool.a.total");
        assertEquals(List.of("b", "a"), Metric.POOL_COST_TOTAL.names(paths));
    }

    @Test
    void aRunResultRefusesAMetricTheCatalogueDoesNotKnow() {
        var histogram = new LatencyHistogram(1, new long[] {1});
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new RunResult(Map.of("latency_ms.p42", 1.0), histogram, null, 0, 0));
        assertTrue(e.getMessage().contains("latency_ms.p42"), e.getMessage());
        assertEquals(
                2.0,
                new RunResult(Map.of("pools.gpu.cold_starts", 2.0), histogram, null, 0, 0)
                        .metric("pools.gpu.cold_starts"));
    }

    @Test
    void kindsAndUnitsAgree() {
        for (Metric m : Metric.all()) {
            switch (m.kind()) {
                case TIME ->
                    assertTrue(
                            m.unit() == Metric.Unit.MS
                                    || m.unit() == Metric.Unit.SECONDS
                                    || m.unit() == Metric.Unit.HOURS,
                            m.path());
                case MONEY -> assertTrue(m.unit() == Metric.Unit.USD || m.unit() == Metric.Unit.USD_PER_HOUR, m.path());
                case RATE ->
                    assertTrue(
                            m.unit() == Metric.Unit.PER_SECOND
                                    || m.unit() == Metric.Unit.TOKENS_PER_SECOND
                                    || m.unit() == Metric.Unit.ITEMS_PER_SECOND,
                            m.path());
                case COUNT, RATIO, LEVEL, SCORE -> assertEquals(Metric.Unit.NONE, m.unit(), m.path());
            }
            if (m.kind() == Metric.Kind.COUNT) assertEquals(0, m.scale(), m.path());
            assertFalse(m.description().isBlank(), m.path());
        }
    }

    /** docs/cli.md's table of simulate --json fields names every field the catalogue defines. */
    @Test
    void everyMetricIsDocumentedInTheCliGuide() throws IOException {
        String doc = Files.readString(Path.of("docs/cli.md"));
        for (Metric m : Metric.all()) {
            String[] parts = m.path().split("\\.");
            String leaf = parts[parts.length - 1];
            assertTrue(
                    doc.contains("`" + parts[0] + "`") || doc.contains("`" + parts[0] + "."),
                    "docs/cli.md lacks " + m.path());
            assertTrue(doc.contains(leaf), "docs/cli.md lacks " + m.path() + " (" + leaf + ")");
        }
    }
}
