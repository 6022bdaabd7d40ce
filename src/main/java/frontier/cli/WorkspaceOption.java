package frontier.cli;

import frontier.sim.BadInputException;
import frontier.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -w/--workspace} option of the commands that work on a workspace file, and opening it. */
final class WorkspaceOption {
    /** What {@link #existing} says to the commands that need both a bill and request logs. */
    static final String NO_BILL_AND_LOGS = "no workspace yet; import a bill (frontier import) and logs (frontier logs import) first";

    @Option(names = {"-w", "--workspace"}, paramLabel = "PATH", description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path path = Workspace.defaultPath();

    /** The workspace, created when the file does not exist yet. */
    Workspace open() {
        return Workspace.open(path);
    }

    /** The workspace, which must exist: otherwise bad input "PATH: {@code missing}", e.g. "no workspace yet; import … first". */
    Workspace existing(String missing) {
        if (!Files.exists(path)) throw new BadInputException(path + ": " + missing);
        return Workspace.open(path);
    }
}
