package frontier;

import frontier.cli.FrontierCli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one entry point of the jar: {@code app} (or no arguments) opens the window, anything else is the
 * command line. A plain class, not the JavaFX Application, so that JavaFX loads from the class path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args[0].equals("app") && !FrontierCli.asksAppHelp(args))) {
            int code = frontier.app.shell.FrontierApp.launchApp(
                    args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            if (code != 0) System.exit(code);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(FrontierCli.execute(args, out, err));
    }
}
