package frontier.cli;

import frontier.sim.BadInputException;
import frontier.store.MigrationMonitor;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code -w/--workspace} option of the commands that work on a workspace file, and opening it: a
 * write that has to wait for another writer (another import, the app) says so on stderr.
 */
final class WorkspaceOption {
    /** What {@link #existing} says to the commands that need both a bill and request logs. */
    static final String NO_BILL_AND_LOGS =
            "no workspace yet; import a bill (frontier import) and logs (frontier logs import) first";

    @Option(
            names = {"-w", "--workspace"},
            paramLabel = "PATH",
            description =
                    "Workspace file (default: the current workspace, the one the app used last, else ~/.frontier/workspace.sqlite).")
    Path path = Workspace.defaultPath();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The workspace, created when the file does not exist yet. */
    Workspace open() {
        return withNotice(Workspace.open(path, migrationProgress()));
    }

    /** The workspace, which must exist: otherwise bad input "PATH: {@code missing}", e.g. "no workspace yet; import … first". */
    Workspace existing(String missing) {
        if (!Files.exists(path)) throw new BadInputException(path + ": " + missing);
        return withNotice(Workspace.open(path, migrationProgress()));
    }

    /** Progress lines on stderr for a migration that takes more than a second (none for a quick one). */
    private MigrationMonitor migrationProgress() {
        return command == null
                ? MigrationMonitor.NONE
                : migrationProgress(command.commandLine().getErr());
    }

    /**
     * Says on {@code err}, once a migration has run a second and then every 10 s or at a new step, "frontier: migrating
     * PATH from schema v6 to v8: building the search dictionary of the charges (step 12 of 14, 31 s)".
     */
    MigrationMonitor migrationProgress(PrintWriter err) {
        return new MigrationMonitor() {
            private int shownStep;
            private double shownAt;

            @Override
            public synchronized void progress(int from, int to, String what, int step, int steps, double seconds) {
                if (seconds < 1 || (step == shownStep && seconds - shownAt < 10)) return;
                shownStep = step;
                shownAt = seconds;
                err.println("frontier: migrating " + path + " "
                        + MigrationMonitor.describe(from, to, what, step, steps, seconds));
                err.flush();
            }
        };
    }

    private Workspace withNotice(Workspace ws) {
        if (command != null) busyNotice(ws, command.commandLine().getErr());
        return ws;
    }

    /** Makes {@code ws} say "frontier: workspace busy: …" on {@code err} when a write waits for another writer. */
    static void busyNotice(Workspace ws, PrintWriter err) {
        ws.setBusyNotice(m -> {
            err.println("frontier: " + m);
            err.flush();
        });
    }
}
