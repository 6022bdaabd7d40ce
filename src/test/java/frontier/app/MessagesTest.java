package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.ScenarioLoader;
import frontier.sim.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    /** Messages as the store and the readers write them for the CLI (copied from their sources). */
    private static final List<String> CLI_WORDED = List.of(
            "demo.csv: already imported as #3 (same file contents); nothing was stored. Use --replace to import it again in place of #3.",
            "2 accounts overlap import #1.\nUse --replace to replace the earlier rows of these accounts in this period, or --keep-both to keep both "
                    + "(totals then count the overlap twice).",
            "logs.csv: line 1: no timestamp column found and no --preset given. Looked for a column named one of ts, time. "
                    + "Give --map timestamp=COLUMN (and timestamp_kind) or --preset NAME (see frontier logs presets).",
            "timestamps count from the start of the trace and no --start was given: the trace starts at 1970-01-01T00:00:00Z;"
                    + " give --start (e.g. --start 2024-05-01T00:00:00Z) to date it",
            "w.sqlite: no inference logs; import some first (frontier logs import FILE)",
            "--first spot: the bill has no spot capacity for 'chat'",
            "--endpoint: the logs have several endpoints; choose one of: a, b",
            "price: no price for g9.huge; 'frontier prices list --provider aws' lists the known ones",
            "objective 'p999': no such metric in the results; use a field of simulate --json such as cost_usd.per_1k_requests");

    @Test
    void cliFlagsAndCommandsBecomeWhatToDoInTheApp() {
        for (String m : CLI_WORDED) {
            assertTrue(Messages.speaksCli(m), "the sample speaks CLI: " + m);
            String app = Messages.forApp(m);
            assertFalse(Messages.speaksCli(app), "still CLI: " + app);
        }
        assertEquals(
                "demo.csv: already imported as #3 (same file contents); nothing was stored. To import it again, select import #3 "
                        + "in the Data view and delete it first.",
                Messages.forApp(CLI_WORDED.getFirst()));
        assertTrue(Messages.forApp(CLI_WORDED.get(1))
                .endsWith("Choose Replace to replace the earlier rows of these accounts in this period, "
                        + "or Keep both to keep both (totals then count the overlap twice)."));
    }

    @Test
    void aRealMappingErrorLosesItsFlag() {
        BadInputException e =
                assertThrows(BadInputException.class, () -> new LogReadOptions(null, Map.of("colour", "red"), null, 0));
        assertTrue(e.getMessage().startsWith("--map colour"), e.getMessage());
        String app = Messages.of(e);
        assertFalse(Messages.speaksCli(app), app);
        assertTrue(app.startsWith("Mapping edit colour: unknown field"), app);
    }

    @Test
    void aJsonSyntaxErrorKeepsItsLineAndDropsTheParsersInternals() {
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> ScenarioLoader.parse("{\"name\": \"x\",\n  \"traffic\": {,\n}", "bad.json"));
        String app = Messages.of(e);
        assertFalse(app.contains("Source:") || app.contains("reference chain") || app.contains("com.fasterxml"), app);
        assertTrue(app.contains("line 2"), app);
    }

    @Test
    void anInternalErrorIsNamedAsOneWithoutItsClassName() {
        assertEquals("Internal error (please report it): boom", Messages.of(new IllegalStateException("boom")));
        assertEquals(
                "Internal error (please report it): NullPointerException", Messages.of(new NullPointerException()));
    }
}
