package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an older workspace tells its monitor what the migration does, step by step; cancelled or failed half-way
 * (after some of its statements ran), the migration is rolled back whole: the file stays at its old version with its
 * data, and opens (and migrates) normally afterwards.
 */
public class MigrationProgressTest {
    @TempDir
    Path dir;

    private Path version7() throws Exception {
        return version7(dir, 2_000, 11);
    }

    /**
     * A workspace in {@code dir} with a generated bill of {@code lines}, taken back to version 7 (no search dictionary);
     * the app's tests open it too.
     */
    public static Path version7(Path dir, int lines, long seed) throws Exception {
        Path bill = Files.writeString(dir.resolve("bill.csv"), UnitCostRollupTest.generatedBill(lines, seed));
        Path file = dir.resolve("v7.sqlite");
        try (Workspace ws = Workspace.open(file)) {
            ws.billing().importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE charge_resources");
            s.execute("DROP TABLE resources");
            s.execute("ALTER TABLE dims DROP COLUMN search_text"); // and v9's search text of the tuples
            s.execute("PRAGMA user_version = 7");
        }
        return file;
    }

    private static long scalar(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    private static void unchangedAtVersion7(Path file) throws Exception {
        assertEquals(7, scalar(file, "PRAGMA user_version"), "still at the old version");
        assertEquals(
                0,
                scalar(file, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('resources', 'charge_resources')"),
                "none of the migration's tables is left");
        assertEquals(2_000, scalar(file, "SELECT COUNT(*) FROM charges"), "the charges are intact");
    }

    private record Step(int from, int to, String what, int step, int steps) {}

    @Test
    void migrationSaysWhatItDoesStepByStep() throws Exception {
        Path file = version7();
        List<Step> steps = new ArrayList<>();
        try (Workspace ws = Workspace.open(
                file, (from, to, what, step, n, seconds) -> steps.add(new Step(from, to, what, step, n)))) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion());
        }
        assertFalse(steps.isEmpty());
        assertTrue(steps.stream().allMatch(s -> s.from() == 7 && s.to() == Schema.MIGRATIONS.size()));
        assertTrue(
                steps.stream().anyMatch(s -> s.what().equals("building the search dictionary of the charges")),
                "names the long step: " + steps);
        for (int i = 1; i < steps.size(); i++)
            assertTrue(steps.get(i).step() >= steps.get(i - 1).step(), "steps only go forward: " + steps);
        assertEquals(steps.getLast().steps(), steps.getLast().step(), "ends at the last step");
    }

    @Test
    void cancelledMigrationLeavesTheOldWorkspaceAsItWas() throws Exception {
        Path file = version7();
        boolean[] cancel = {false};
        MigrationMonitor monitor = new MigrationMonitor() {
            @Override
            public void progress(int from, int to, String what, int step, int steps, double seconds) {
                // Cancel once the dictionary's first statement has started: some of the migration has run.
                if (what.startsWith("building the search dictionary")) cancel[0] = true;
            }

            @Override
            public boolean isCancelled() {
                return cancel[0];
            }
        };
        assertThrows(MigrationCancelledException.class, () -> Workspace.open(file, monitor));
        unchangedAtVersion7(file);
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion(), "opens and migrates afterwards");
            assertEquals(2_000, scalar(file, "SELECT COUNT(*) FROM charge_resources"));
        }
    }

    @Test
    void failureMidMigrationRollsBackEveryStatement() throws Exception {
        Path file = version7();
        MigrationMonitor failing = (from, to, what, step, steps, seconds) -> {
            // Fails at the last statement (the version bump), after the dictionary has been filled.
            if (step == steps) throw new IllegalStateException("disk gone");
        };
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> Workspace.open(file, failing));
        assertEquals("disk gone", x.getMessage());
        unchangedAtVersion7(file);
    }
}
