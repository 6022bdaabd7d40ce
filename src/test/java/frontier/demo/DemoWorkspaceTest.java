package frontier.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cli.CliRun;
import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.sim.BadInputException;
import frontier.store.CostQuery;
import frontier.store.Dimension;
import frontier.store.ImportMonitor;
import frontier.store.ImportRecord;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workspace: made through the ordinary import, replaceable, and never written over a user's own file. Tag
 * slow: it builds the demo (a 535,000-request simulation and its import) once, over a copy of the build's demo
 * fixture.
 */
@Tag("slow")
class DemoWorkspaceTest {
    @TempDir
    Path dir;

    /**
     * One build, through the command a user runs, over an earlier demo: the build's own fixture
     * ({@link DemoFixture}, made by {@link DemoWorkspace#create} once per build for the classes that read a demo).
     * It checked before what it checks now with two builds (a first one into an empty folder, then the command over
     * it): about 5 s of CPU less. What the first build showed through {@link DemoWorkspace.Created} is read from
     * the workspace and the command's output: the path it names, the simulated requests (the request log's rows),
     * the generated files' folder (the imports' source).
     */
    @Test
    void createsAWorkspaceHoldingTheDemoBillAloneBesideItAndReplacesAnEarlierDemo() throws IOException {
        Path file = dir.resolve("sub/demo.sqlite");
        DemoFixture.copyTo(file);
        try (Workspace ws = Workspace.open(file)) {
            assertTrue(DemoWorkspace.isDemo(ws), "an earlier demo");
        }
        String earlierSource;
        try (Workspace ws = Workspace.open(file)) {
            earlierSource = ws.billing().imports().getFirst().source();
        }

        CliRun again = CliRun.of("demo", "--workspace", file.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("Created the demo workspace " + file + ": "), again.out());
        try (var files = Files.list(file.getParent())) {
            assertEquals(
                    List.of("demo.sqlite"),
                    files.map(f -> f.getFileName().toString()).toList(),
                    "built beside it, renamed into place, no WAL or temporary file left");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertTrue(DemoWorkspace.isComplete(ws), "one bill and one request log");
            List<ImportRecord> imports = ws.billing().imports();
            assertEquals(1, imports.size(), "the earlier demo import was replaced, not kept");
            assertNotEquals(earlierSource, imports.getFirst().source(), "built anew from files generated anew");
            assertEquals("FOCUS 1.2", imports.getFirst().format());
            assertTrue(
                    again.out()
                            .contains(String.format(
                                    java.util.Locale.ROOT,
                                    ": %,d billing lines imported",
                                    imports.getFirst().rows())),
                    again.out());
            assertTrue(DemoWorkspace.isDemo(ws));
            assertEquals(
                    3,
                    ws.costs().totals(CostQuery.of(Dimension.PRICING_MODEL)).size(),
                    "on-demand, spot and serverless");
            assertTrue(ws.requestLogs().imports().getFirst().rows() > 450_000, "the simulated month's requests");
            assertFalse(
                    Files.exists(Path.of(imports.getFirst().source()).getParent()),
                    "the generated files are cleaned up");
            assertFalse(Files.exists(
                    Path.of(ws.requestLogs().imports().getFirst().source()).getParent()));
        }
    }

    @Test
    void refusesAWorkspaceWithOtherImportsAndFilesThatAreNotWorkspaces() throws IOException {
        Path own = dir.resolve("own.sqlite");
        try (Workspace ws = Workspace.open(own)) {
            ws.billing()
                    .importFile(
                            Samples.billing("focus_1.0_sample_official_1000rows.csv"),
                            ReadOptions.DETECT,
                            OverlapPolicy.REFUSE,
                            ImportMonitor.NONE);
            assertFalse(DemoWorkspace.isDemo(ws));
        }
        long size = Files.size(own);
        BadInputException e =
                assertThrows(BadInputException.class, () -> DemoWorkspace.create(own, ImportMonitor.NONE));
        assertTrue(e.getMessage().contains("1 import(s) of your own data"), e.getMessage());
        try (Workspace ws = Workspace.open(own)) {
            assertEquals(1, ws.billing().imports().size());
        }
        assertTrue(Files.size(own) >= size);

        Path text = dir.resolve("notes.sqlite");
        Files.writeString(text, "my notes");
        CliRun r = CliRun.of("demo", "--workspace", text.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a Frontier workspace"), r.err());
        assertEquals("my notes", Files.readString(text));
    }

    @Test
    void temporaryWorkspacesOfKilledBuildsAreRemovedButNotThoseOfLiveOnes() throws Exception {
        Process gone = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        gone.waitFor();
        long dead = gone.pid();
        long live = ProcessHandle.current().pid();
        List<String> stale = List.of(
                ".demo.sqlite." + dead + "-1f.building",
                ".demo.sqlite." + dead + "-1f.building-wal",
                ".demo.sqlite." + dead + "-1f.building-shm");
        List<String> kept = List.of(
                ".demo.sqlite." + live + "-2e.building",
                ".other.sqlite." + dead + "-1f.building",
                "demo.sqlite",
                ".demo.sqlite." + dead + "-1f.building.bak");
        for (String n : stale) Files.writeString(dir.resolve(n), "x");
        for (String n : kept) Files.writeString(dir.resolve(n), "x");

        DemoWorkspace.removeStale(dir, "demo.sqlite");

        for (String n : stale) assertFalse(Files.exists(dir.resolve(n)), n + " of a process that is gone");
        for (String n : kept) assertTrue(Files.exists(dir.resolve(n)), n + " is not a stale build of demo.sqlite");
    }

    @Test
    void demoCommandNeedsExactlyOneTarget() {
        assertEquals(2, CliRun.of("demo").code());
        assertEquals(
                2,
                CliRun.of(
                                "demo",
                                "--out",
                                dir.toString(),
                                "--workspace",
                                dir.resolve("w.sqlite").toString())
                        .code());
    }
}
