package frontier.app.editor;

import frontier.app.TaskExecutor;
import frontier.sim.BadInputException;
import frontier.store.RequestCursor;
import frontier.store.RequestFilter;
import frontier.store.Workspace;
import frontier.text.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

/**
 * Replay of an imported request log: writes the request times (seconds from the first request) and token counts
 * of one endpoint's logged requests as a gzipped CSV trace ({@code t,input_tokens,output_tokens}) that replay
 * traffic reads. The trace goes beside the scenario, or to {@code ~/.frontier/traces} for one not yet saved.
 */
final class WorkspaceTrace {
    /** A trace written: its file and how many requests it holds. */
    record Trace(Path file, long requests) {}

    private static final TaskExecutor BACKGROUND = TaskExecutor.FX.named("frontier-editor-trace");

    private WorkspaceTrace() {}

    /** Asks which endpoint of {@code workspace} to replay, writes its trace off the FX thread, then hands it to {@code done}. */
    static void choose(Path workspace, ScenarioDocument doc, Window owner, Consumer<Trace> done) {
        if (workspace == null || !Files.exists(workspace)) {
            error(owner, "There is no workspace with request logs yet: import a request log in the Data view first.");
            return;
        }
        BACKGROUND.run(
                () -> {
                    try (Workspace w = Workspace.open(workspace)) {
                        return w.requestLogs().endpoints();
                    }
                },
                endpoints -> {
                    if (endpoints.isEmpty()) {
                        error(
                                owner,
                                "The workspace " + workspace.getFileName()
                                        + " has no request logs: import one in the Data view first.");
                        return;
                    }
                    ChoiceDialog<String> d = new ChoiceDialog<>(endpoints.getFirst(), endpoints);
                    if (owner != null) d.initOwner(owner);
                    d.setTitle("Replay a request log");
                    d.setHeaderText("Which endpoint's requests should the scenario replay?");
                    d.setContentText("Endpoint:");
                    d.getDialogPane().setId("traceEndpointDialog");
                    d.showAndWait().ifPresent(endpoint -> {
                        Path dir = doc.file() != null
                                ? doc.baseDir()
                                : Path.of(System.getProperty("user.home"), ".frontier", "traces");
                        Path file = dir.resolve(
                                "replay-" + endpoint.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".requests.csv.gz");
                        BACKGROUND.run(() -> write(workspace, endpoint, file), done, t -> error(owner, t.getMessage()));
                    });
                },
                t -> error(owner, t.getMessage()));
    }

    /** Writes the trace of {@code endpoint}'s logged requests to {@code file} (atomically). */
    static Trace write(Path workspace, String endpoint, Path file) {
        try (Workspace w = Workspace.open(workspace)) {
            double first = Double.POSITIVE_INFINITY;
            try (RequestCursor c = w.requestLogs().requests(RequestFilter.of(endpoint, null))) {
                while (c.next()) first = Math.min(first, c.ts());
            }
            if (first == Double.POSITIVE_INFINITY)
                throw new BadInputException("endpoint " + endpoint + " has no logged requests");
            long[] n = {0};
            double start = first;
            AtomicFile.write(file, stream -> {
                try (RequestCursor c = w.requestLogs().requests(RequestFilter.of(endpoint, null));
                        BufferedWriter out = new BufferedWriter(
                                new OutputStreamWriter(new GZIPOutputStream(stream), StandardCharsets.UTF_8))) {
                    out.write("t,input_tokens,output_tokens\n");
                    while (c.next()) {
                        out.write(String.format(
                                Locale.ROOT,
                                "%.6f,%s,%s%n",
                                c.ts() - start,
                                c.inputTokens() < 0 ? "" : Long.toString(c.inputTokens()),
                                c.outputTokens() < 0 ? "" : Long.toString(c.outputTokens())));
                        n[0]++;
                    }
                }
            });
            return new Trace(file, n[0]);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the trace (" + e.getMessage() + ")");
        }
    }

    private static void error(Window owner, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        if (owner != null) a.initOwner(owner);
        a.setHeaderText("Cannot replay a request log");
        a.show();
    }
}
