package frontier.app.unitcost;

import static frontier.app.unitcost.UnitCostWorkspace.DAYS;
import static frontier.app.unitcost.UnitCostWorkspace.DROP;
import static frontier.app.unitcost.UnitCostWorkspace.FIRST;
import static frontier.app.unitcost.UnitCostWorkspace.chatRequests;
import static frontier.app.unitcost.UnitCostWorkspace.embedRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.app.unitcost.UnitCostDashboard.Series;
import frontier.app.unitcost.UnitCostDashboard.SeriesBy;
import frontier.sim.BadInputException;
import frontier.store.UnitCostRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's numbers on the workspace of {@link UnitCostWorkspace}, whose answers are known by construction. */
class UnitCostDashboardTest {
    @TempDir
    static Path dir;

    static Path ws;

    @BeforeAll
    static void workspace() {
        ws = UnitCostWorkspace.full(dir, "ws.sqlite");
    }

    private static void money(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void eachEndpointsDailyCostIsDividedByItsOwnRequests() {
        UnitCostDashboard d = UnitCostDashboard.load(ws, SeriesBy.ENDPOINT);
        assertNull(d.empty());
        assertEquals("USD", d.currency());
        assertEquals(
                List.of("chat", "embed"), d.series().stream().map(Series::key).toList(), "largest cost first");
        Series chat = d.find("chat");
        assertEquals(DAYS, chat.points().size());
        assertEquals(FIRST, chat.points().getFirst().date());
        for (int i = 0; i < DAYS; i++) {
            assertEquals(48_000.0 / chatRequests(i), chat.points().get(i).per1k(), 1e-9, "day " + i);
            assertEquals(
                    2_000.0 / embedRequests(i), d.find("embed").points().get(i).per1k(), 1e-9, "day " + i);
            // The total divides attributed cost only (not the untagged storage) by every request of the day.
            assertEquals(
                    50_000.0 / (chatRequests(i) + embedRequests(i)),
                    d.total().points().get(i).per1k(),
                    1e-9,
                    "total, day " + i);
        }
        money("48", chat.points().getFirst().cost());
        assertEquals(chatRequests(0), chat.points().getFirst().requests());
        money(String.valueOf(50 * DAYS), d.totals().cost());
        money(String.valueOf(5 * DAYS), d.unattributed().getFirst().cost());
        assertEquals(2, d.table().size(), "chat/llama and embed/bge; cost no rule claimed is not a group");
        assertTrue(d.defaultRules());
        assertTrue(d.notes().isEmpty(), d.notes().toString());
    }

    @Test
    void theInjectedDropInRequestsIsTheOnlyUnusualDay() {
        UnitCostDashboard d = UnitCostDashboard.load(ws, SeriesBy.ENDPOINT);
        List<Anomalies.Day> chat = d.find("chat").anomalies().flagged();
        assertEquals(List.of(DROP), chat.stream().map(Anomalies.Day::date).toList());
        assertEquals(Anomalies.Direction.UP, chat.getFirst().direction());
        // Expected: a Wednesday like the others, about 48 / 20,000 × 1,000 = 2.4; the median of its neighbours is
        // within the ±3%
        // noise (±0.08), so ±0.15 can only fail if the window or the weekday effect were wrong.
        assertEquals(2.4, chat.getFirst().expected(), 0.15);
        assertEquals(List.of(), d.find("embed").anomalies().flagged(), "3% noise is not unusual");
    }

    @Test
    void pricingModelLinesAddUpToTheTotalEveryDay() {
        UnitCostDashboard d = UnitCostDashboard.load(ws, SeriesBy.PRICING_MODEL);
        assertEquals(
                List.of("On-demand", "Serverless"),
                d.series().stream().map(Series::name).toList());
        for (int i = 0; i < DAYS; i++) {
            int day = i;
            double sum = d.series().stream()
                    .mapToDouble(s -> s.points().get(day).per1k())
                    .sum();
            // Each line is rounded to 9 decimals.
            assertEquals(d.total().points().get(i).per1k(), sum, 1e-8, "day " + i);
        }
        assertEquals("All pricing models (total)", d.total().name());
    }

    @Test
    void modelLinesMatchTheirEndpoints() {
        UnitCostDashboard byModel = UnitCostDashboard.load(ws, SeriesBy.MODEL);
        UnitCostDashboard byEndpoint = UnitCostDashboard.load(ws, SeriesBy.ENDPOINT);
        assertEquals(
                List.of("llama", "bge"),
                byModel.series().stream().map(Series::key).toList());
        assertEquals(byEndpoint.find("chat").points(), byModel.find("llama").points());
        assertEquals(byEndpoint.find("embed").points(), byModel.find("bge").points());
    }

    @Test
    void forecastContinuesTheSeriesForTheHorizon() {
        Series chat = UnitCostDashboard.load(ws, SeriesBy.ENDPOINT).find("chat");
        Forecast.Result f = chat.forecast(30);
        assertEquals(30, f.points().size());
        assertEquals(FIRST.plusDays(DAYS), f.points().getFirst().date());
        assertEquals(UnitCostDashboard.LEVEL, f.level());
        // Weekdays cost about 2.4 per 1,000 and weekend days 4.0: the forecast keeps the weekly pattern. Tolerance: the
        // noise (uniform ±3%, sd 1.7%) moves a day by about 0.04 and the injected spike pulls the fitted states a
        // little;
        // 0.3 (0.4 at weekends) is far below the weekly swing of 1.6 that the check is about.
        Forecast.Point monday = f.points().stream()
                .filter(p -> p.date().getDayOfWeek() == java.time.DayOfWeek.MONDAY)
                .findFirst()
                .orElseThrow();
        Forecast.Point sunday = f.points().stream()
                .filter(p -> p.date().getDayOfWeek() == java.time.DayOfWeek.SUNDAY)
                .findFirst()
                .orElseThrow();
        assertEquals(2.4, monday.point(), 0.3);
        assertEquals(4.0, sunday.point(), 0.4);
        assertTrue(monday.lower() < monday.point() && monday.point() < monday.upper());
        assertThrows(BadInputException.class, () -> chat.forecast(0));
    }

    @Test
    void costOnDaysOutsideTheLogsIsNotChartedButSaid() {
        Path early = UnitCostWorkspace.full(dir, "early.sqlite");
        UnitCostWorkspace.importCostBeforeTheLogs(early);
        UnitCostDashboard d = UnitCostDashboard.load(early, SeriesBy.ENDPOINT);
        assertEquals(FIRST, d.total().points().getFirst().date());
        assertEquals(1, d.notes().size());
        assertTrue(
                d.notes()
                        .getFirst()
                        .startsWith(
                                "30.00 USD of attributed cost falls on days outside the logs (2024-09-02 to 2024-10-13)"),
                d.notes().getFirst());
        assertEquals(0, new java.math.BigDecimal("30").compareTo(d.outside()), "reported apart");
        // Over the logs' days (the default) the tiles and table divide the same days' cost by the same days' requests
        // as the chart.
        assertEquals(0, d.total().cost().compareTo(d.totals().cost()), "tiles and chart add up the same cost");
        assertEquals(d.total().requests(), d.totals().requests());
        assertEquals(
                0,
                d.table().stream()
                        .map(UnitCostRow::cost)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                        .compareTo(d.totals().cost()),
                "the table adds up to the tiles");

        UnitCostDashboard bill = UnitCostDashboard.load(early, SeriesBy.ENDPOINT, UnitCostDashboard.Period.BILL);
        assertEquals(
                0,
                d.totals()
                        .cost()
                        .add(new java.math.BigDecimal("30"))
                        .compareTo(bill.totals().cost()),
                "every billed day counts it");
        assertEquals(0, d.total().cost().compareTo(bill.total().cost()), "the chart is the same");
        assertTrue(
                bill.notes().getFirst().contains("the tiles and table count it"),
                bill.notes().getFirst());
    }

    @Test
    void anEmptyWorkspaceSaysWhatToImport() {
        Path none = dir.resolve("none.sqlite");
        UnitCostDashboard nothing = UnitCostDashboard.load(none, SeriesBy.ENDPOINT);
        assertTrue(nothing.empty().startsWith("No bill and no inference logs"), nothing.empty());
        assertTrue(!none.toFile().exists(), "looking does not create a workspace");

        Path billOnly = dir.resolve("bill-only.sqlite");
        UnitCostWorkspace.importBill(billOnly);
        UnitCostDashboard bill = UnitCostDashboard.load(billOnly, SeriesBy.ENDPOINT);
        assertTrue(
                bill.empty().contains("a bill but no inference logs")
                        && bill.empty().contains("Import request logs…"),
                bill.empty());
        assertNotNull(bill.totals(), "the bill's attributed total is still shown");
        assertTrue(bill.series().isEmpty());

        Path logsOnly = dir.resolve("logs-only.sqlite");
        UnitCostWorkspace.insertRequests(logsOnly);
        UnitCostDashboard logs = UnitCostDashboard.load(logsOnly, SeriesBy.ENDPOINT);
        assertTrue(logs.empty().contains("inference logs but no bill"), logs.empty());
    }
}
