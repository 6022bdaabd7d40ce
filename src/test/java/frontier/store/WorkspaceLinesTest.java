package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.domain.PricingModel;
import frontier.ingest.ChargeCategory;
import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, counting and searching cost lines, and the tag keys, on the official FOCUS 1.0 sample. */
class WorkspaceLinesTest {
    @TempDir
    static Path dir;

    static Path ws;

    @BeforeAll
    static void importSample() {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        ws = dir.resolve("lines.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.billing().importFile(focus, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
    }

    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void pagesCoverEveryLineOnceInPeriodOrderAndAddUpToTheTotals() {
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(1000, w.costs().countLines(new LineQuery(null, null, "", 0, 0)));
            List<CostLine> all = new ArrayList<>();
            for (long off = 0; off < 1000; off += 300)
                all.addAll(w.costs().lines(new LineQuery(null, null, null, off, 300)));
            assertEquals(1000, all.size());
            for (int i = 1; i < all.size(); i++)
                assertTrue(all.get(i - 1).periodStart() <= all.get(i).periodStart(), "ordered by period start");
            BigDecimal billed = all.stream()
                    .map(CostLine::billed)
                    .filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = w.costs().totals(CostQuery.of()).getFirst().billed();
            assertEquals(0, total.compareTo(billed), "the lines are the ones the totals add up");
            assertTrue(all.stream().anyMatch(l -> l.tags().containsKey("environment")));
        }
    }

    @Test
    void linesAndGroupsComeBackTypedNotAsStoredCodes() {
        try (Workspace w = Workspace.open(ws)) {
            List<CostLine> all = w.costs().lines(new LineQuery(null, null, null, 0, 1000));
            Map<PricingModel, Long> byModel =
                    all.stream().collect(Collectors.groupingBy(CostLine::pricingModel, Collectors.counting()));
            List<Grouping> by = List.of(Grouping.of(Dimension.PRICING_MODEL), Grouping.of(Dimension.CHARGE_CATEGORY));
            List<CostRow> rows = w.costs().totals(new CostQuery(by, null, null));
            for (CostRow r : rows) {
                PricingModel m = r.pricingModel().orElseThrow();
                assertEquals(m.code(), r.keys().get(0), "the stored code stays the key (JSON and CSV print it)");
                assertEquals(m.label(), r.label(0));
                assertEquals(r.chargeCategory().orElseThrow().label(), r.label(1));
                assertEquals(
                        r.chargeCategory().orElseThrow(),
                        ChargeCategory.stored(r.keys().get(1)));
            }
            Map<PricingModel, Long> grouped = rows.stream()
                    .collect(Collectors.groupingBy(
                            r -> r.pricingModel().orElseThrow(), Collectors.summingLong(CostRow::rows)));
            assertEquals(byModel, grouped, "a line's pricing model is its group's");
            assertTrue(byModel.containsKey(PricingModel.COMMITMENT), "the sample's PricingCategory=Committed rows");
            assertTrue(
                    w.costs().totals(CostQuery.of()).getFirst().pricingModel().isEmpty(),
                    "no pricing model when not grouped by it");
            CostLine tagged =
                    all.stream().filter(l -> !l.tags().isEmpty()).findFirst().orElseThrow();
            assertTrue(tagged.tags().values().stream().allMatch(Objects::nonNull));
            assertTrue(all.stream().anyMatch(l -> l.tags().isEmpty()), "lines without tags have none, not null");
        }
    }

    @Test
    void dateRangeSelectsLinesStartingInTheRange() {
        try (Workspace w = Workspace.open(ws)) {
            LineQuery q = new LineQuery(day("2024-09-10"), day("2024-09-20"), "", 0, 5000);
            long expected = w.costs().totals(new CostQuery(List.of(), day("2024-09-10"), day("2024-09-20"))).stream()
                    .mapToLong(CostRow::rows)
                    .sum();
            assertEquals(expected, w.costs().countLines(q));
            List<CostLine> lines = w.costs().lines(q);
            assertEquals(expected, lines.size());
            assertTrue(lines.stream()
                    .allMatch(l -> l.periodStart() >= day("2024-09-10") && l.periodStart() < day("2024-09-20")));
        }
    }

    @Test
    void searchMatchesEveryWordInAnyFieldAndPricingModelLabels() {
        try (Workspace w = Workspace.open(ws)) {
            List<CostLine> aws = w.costs().lines(new LineQuery(null, null, "aws", 0, 2000));
            assertEquals(aws.size(), w.costs().countLines(new LineQuery(null, null, "aws", 0, 0)));
            assertEquals(
                    942, aws.stream().filter(l -> "AWS".equals(l.provider())).count(), "provider, case-insensitive");
            assertTrue(aws.size() < 1000);
            List<CostLine> oracle = w.costs().lines(new LineQuery(null, null, "ORACLE", 0, 100));
            assertEquals(7, oracle.size());
            assertTrue(oracle.stream().allMatch(l -> l.provider().equals("Oracle")));
            long onDemand = w.costs().totals(CostQuery.of(Dimension.PRICING_MODEL)).stream()
                    .filter(r -> "on_demand".equals(r.keys().getFirst()))
                    .mapToLong(CostRow::rows)
                    .sum();
            assertTrue(
                    w.costs().countLines(new LineQuery(null, null, "On-demand", 0, 0)) >= onDemand,
                    "pricing model label");
            long both = w.costs().countLines(new LineQuery(null, null, "microsoft serverless", 0, 0));
            assertTrue(both < 51 && both < 9 + 1, "all words must match: " + both);
            assertEquals(0, w.costs().countLines(new LineQuery(null, null, "no-such-thing-anywhere", 0, 0)));
        }
    }

    @Test
    void tagKeysAreTheDistinctKeysOfTheImportedTags() {
        try (Workspace w = Workspace.open(ws)) {
            List<String> keys = w.costs().tagKeys();
            assertTrue(keys.containsAll(List.of("application", "business_unit", "environment")), keys.toString());
            assertEquals(keys.stream().distinct().sorted().toList(), keys);
        }
    }
}
