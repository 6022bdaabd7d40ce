package frontier.app.shell;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.compare.CompareRow;
import frontier.app.compare.CompareView;
import frontier.app.compare.CompareViewModel;
import frontier.app.data.DataView;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostDashboard;
import frontier.app.unitcost.UnitCostView;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.store.AttributionRule;
import frontier.testing.FxAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11's whole what-if loop in the app, driven like a user on a fresh workspace: import a CUR and a request log,
 * attribute the bill's GPU lines to the endpoint, read its cost per 1,000 requests, make a twin, compare it with spot,
 * serverless and a cheaper GPU in one click, and write the report (HTML and a PDF of 1–3 pages). The bill and the log
 * are written by the test with answers known by construction: one g5.2xlarge on demand for a day (24 × 1.212 USD)
 * serving a chat endpoint at about 0.03 requests/s, plus an untagged S3 line that no rule claims.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class WhatIfLoopTest {
    private static final double G5_2XLARGE = 1.212;

    @TempDir
    static Path dir;

    private static String reportsBefore;
    private static long requests;

    private BillingSession session;
    private DataView data;
    private UnitCostView unitCost;
    private SimulateViewModel simulate;
    private CompareViewModel compare;
    private CompareView compareView;
    private MainWindow window;

    @BeforeAll
    static void files() throws Exception {
        reportsBefore = System.getProperty("frontier.reports");
        System.setProperty("frontier.reports", dir.resolve("reports").toString());
        // The CUR 2.0 export: 24 hourly lines of one g5.2xlarge, no tags, and storage nothing serves.
        StringBuilder cur =
                new StringBuilder("bill_payer_account_id,line_item_usage_account_id,line_item_line_item_type,"
                        + "line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,line_item_usage_type,"
                        + "line_item_usage_amount,line_item_unblended_cost,line_item_currency_code,line_item_resource_id,"
                        + "product_instance_type,product_region_code,pricing_term,pricing_unit,pricing_public_on_demand_cost,"
                        + "resource_tags\n");
        Instant day = Instant.parse("2026-03-02T00:00:00Z");
        for (int h = 0; h < 24; h++) {
            Instant s = day.plusSeconds(3600L * h);
            cur.append(String.format(
                    Locale.US,
                    "111122223333,111122223333,Usage,%s,%s,AmazonEC2,USE1-BoxUsage:g5.2xlarge,1,%s,USD,i-0chat,"
                            + "g5.2xlarge,us-east-1,OnDemand,Hrs,%s,\n",
                    s,
                    s.plusSeconds(3600),
                    G5_2XLARGE,
                    G5_2XLARGE));
        }
        cur.append("111122223333,111122223333,Usage,2026-03-02T00:00:00Z,2026-03-03T00:00:00Z,AmazonS3,"
                + "USE1-TimedStorage-ByteHrs,3.3,0.08,USD,bucket,,us-east-1,OnDemand,GB-Mo,0.08,\n");
        Files.writeString(dir.resolve("cur.csv"), cur);
        // The gateway's log of the same day: Poisson arrivals, latency from tokens (0.12 s + in/6000 + out/110 tok/s).
        StringBuilder log = new StringBuilder("timestamp,latency_ms,model,status,input_tokens,output_tokens\n");
        Random r = new Random(11);
        double t = 0;
        while (true) {
            t += -Math.log(1 - r.nextDouble()) / 0.03;
            if (t >= 86_400) break;
            int in = 50 + r.nextInt(400);
            int out = 20 + r.nextInt(200);
            double ms = 1000 * (0.12 + in / 6000.0 + out / 110.0) * (0.9 + 0.2 * r.nextDouble());
            log.append(String.format(
                    Locale.US, "%s,%.1f,llama-8b,200,%d,%d\n", day.plusMillis((long) (t * 1000)), ms, in, out));
            requests++;
        }
        Files.writeString(dir.resolve("chat.csv"), log);
    }

    @AfterAll
    static void restore() {
        if (reportsBefore == null) System.clearProperty("frontier.reports");
        else System.setProperty("frontier.reports", reportsBefore);
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(dir.resolve("examples"));
        session = new BillingSession(dir.resolve("team.sqlite"));
        data = new DataView(session);
        unitCost = new UnitCostView(session);
        simulate = new SimulateViewModel(dir.resolve("examples"), ScenarioRunner.defaultRunner());
        SimulateView simulateView = new SimulateView(simulate);
        compare = new CompareViewModel(ScenarioRunner.defaultRunner(), PriceCatalogue.shipped());
        compareView = new CompareView(compare);
        window = new MainWindow(List.of(simulateView, compareView, data, unitCost));
        CompareView.install(compareView, simulate, null, window, null);
        MakeTwin.install(unitCost, session, simulate, window, compareView, dir.resolve("twins"));
        stage.setScene(window.createScene(1280, 720));
        stage.show();
        window.show(data);
    }

    @AfterEach
    void stop() {
        compare.shutdown();
        simulate.shutdown();
        unitCost.viewModel().shutdown();
        data.viewModel().shutdown();
    }

    @Test
    void fromABillAndALogToAReportOnSpotServerlessAndACheaperGpu(FxRobot robot) throws Exception {
        // 1-2. Import the CUR and the request log (what Import file… does with the files chosen).
        robot.interact(() -> data.viewModel().importFiles(List.of(dir.resolve("cur.csv"), dir.resolve("chat.csv"))));
        waitUntil(
                60,
                () -> data.viewModel().imports().size() == 2
                        && !data.viewModel().runningProperty().get());
        assertFalse(
                data.viewModel().errorProperty().get(),
                data.viewModel().statusProperty().get());

        // 3. Attribution rules…: the bill has no endpoint tag; g5 machines serve the chat endpoint.
        robot.interact(unitCost::openAttribution);
        waitUntil(30, () -> unitCost.attributionEditor() != null);
        robot.interact(() -> unitCost.attributionEditor()
                .viewModel()
                .add(new AttributionRule(0, 0, AttributionRule.Match.INSTANCE_TYPE, null, "g5.*", "chat", null)));
        waitUntil(30, () -> unitCost.attributionEditor().viewModel().rules().stream()
                .anyMatch(x -> "chat".equals(x.endpoint())));

        // 4. Unit cost: the day's GPU cost over the day's requests; the S3 line is claimed by no rule.
        waitUntil(60, () -> {
            UnitCostDashboard d = unitCost.viewModel().dashboardProperty().get();
            return d != null && d.find("chat") != null && d.find("chat").requests() == requests;
        });
        UnitCostDashboard.Series chat =
                unitCost.viewModel().dashboardProperty().get().find("chat");
        assertEquals(24 * G5_2XLARGE, chat.cost().doubleValue(), 1e-9, "24 instance-hours of g5.2xlarge");
        double per1k = 1000 * 24 * G5_2XLARGE / requests;
        assertEquals(per1k, chat.points().getFirst().per1k(), 1e-6, "cost per 1,000 requests");

        // 5. Make a twin of chat: it opens as Compare's baseline and Compare is shown.
        robot.interact(() -> {
            unitCost.attributionEditor().node().getScene().getWindow().hide(); // the rules window closed
            window.show(unitCost);
            unitCost.viewModel().selectedEndpointProperty().set("chat");
        });
        assertFalse(unitCost.makeTwinButton().isDisabled());
        robot.interact(unitCost.makeTwinButton()::fire);
        waitUntil(
                180,
                () -> compare.baselineProperty().get() != null
                        || robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.lookup(".dialog-pane").tryQuery().ifPresent(p -> {
            throw new AssertionError("Make a twin failed: " + ((javafx.scene.control.DialogPane) p).getContentText());
        });
        assertEquals("Twin of chat", compare.titleProperty().get());
        ListView<?> nav = robot.lookup("#navigation").queryListView();
        waitUntil(10, () -> nav.getSelectionModel().getSelectedItem() == compareView);
        String twin = Files.readString(simulate.scenarioFileProperty().get());
        assertTrue(
                twin.contains("\"instance_type\" : \"g5.2xlarge\"")
                        || twin.contains("\"instance_type\":\"g5.2xlarge\""),
                "the twin names the bill's instance type");

        // 6. One click: spot, serverless and a cheaper GPU, run at once with the baseline. Compare shows its form
        // for the new baseline on a later pulse (a full run once clicked before the button was in the scene).
        waitUntil(10, () -> robot.lookup("#tryQuickAlternatives").tryQuery().isPresent());
        FxAppExtension.settle();
        robot.clickOn("#tryQuickAlternatives");
        waitUntil(120, () -> compare.comparisonProperty().get() != null);
        assertFalse(compare.errorProperty().get(), compare.statusProperty().get());
        List<String> names = compare.rows().stream().map(CompareRow::name).toList();
        assertEquals(4, names.size(), names.toString());
        assertTrue(names.get(1).equals("Spot + fallback, g5.2xlarge"), names.get(1));
        assertTrue(names.get(2).equals("Serverless, Cloud Run L4"), names.get(2));
        assertTrue(names.get(3).equals("Cheaper GPU, g6.xlarge"), names.get(3));
        assertTrue(compareView.table().getItems().size() == 4, "the table shows them");

        // 7. Report: written at once to the reports folder, HTML and a PDF of 1-3 pages. The view rebuilds its
        // table on the FX thread when the comparison arrives; the robot's lookup walks the scene from this thread,
        // so let that rebuild finish first.
        FxAppExtension.settle();
        robot.clickOn("#compareReport");
        Path html = dir.resolve("reports/comparison-twin-of-chat.html");
        waitUntil(30, () -> Files.exists(html));
        String page = Files.readString(html);
        assertTrue(
                page.startsWith("<!DOCTYPE html>") && page.contains("<figure><svg"), "self-contained with its chart");
        assertTrue(
                page.contains("Which of these 3 alternatives serves the traffic of \u201cTwin of chat\u201d"),
                "the question");
        assertTrue(page.contains("Cheaper GPU, g6.xlarge"), "the alternatives are named");
        Path pdf = dir.resolve("reports/comparison-twin-of-chat.pdf");
        assertTrue(Files.exists(pdf));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() >= 1 && doc.getNumberOfPages() <= 3, doc.getNumberOfPages() + " pages");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("g6.xlarge"), "the PDF names the cheaper GPU");
        }
        assertTrue(
                compare.statusProperty().get().startsWith("Wrote " + html.toAbsolutePath()),
                compare.statusProperty().get());
        assertNotNull(compare.comparisonProperty().get());
    }
}
