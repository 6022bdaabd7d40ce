package frontier.cli;

import frontier.sim.BadInputException;
import frontier.text.Printable;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code frontier <command> ...}. Exit codes: 0 ok, 2 bad input, 1 internal fault. */
@Command(
        name = "frontier",
        mixinStandardHelpOptions = true,
        version = "Frontier 0.1.0",
        description = "What does our model inference cost, and what would it cost run differently?")
public final class FrontierCli implements Runnable {
    public static final int OK = 0;
    public static final int FAULT = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The subcommands, in the order of the command list. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(
            SimulateCommand.class,
            SweepCommand.class,
            CompareCommand.class,
            BenchCommand.class,
            PricesCommand.class,
            ImportCommand.class,
            CostsCommand.class,
            LogsCommand.class,
            UnitCostCommand.class,
            LlmCommand.class,
            CapacityCommand.class,
            AttributionCommand.class,
            ForecastCommand.class,
            CalibrateCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The subcommands {@code args} need: the one they name (not {@code help}), else all of them (the command list,
     * {@code help}, a misspelt command's suggestions). picocli builds the model of every subcommand it is given
     * (each option's field, every nested subcommand, their classes' static state); for all of them that was about
     * 0.9 s of the 1.1-1.2 s of CPU any command took to start, {@code frontier --version} as much as an import.
     */
    static java.util.List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> c : COMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) return java.util.List.of(c);
            }
        }
        return COMMANDS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** What {@code frontier app} (or {@code frontier} alone) does; the launcher handles it, not picocli, so the list names it here. */
    static final String APP_SUMMARY =
            "Opens the desktop app, with the Simulate, Explore, Data, Costs and Unit cost views "
                    + "(frontier with no command does the same).";

    /**
     * The top-level list of commands: {@code app} first, then every subcommand with the first whole sentence
     * of its description (picocli would show only its first line, cut mid-sentence).
     */
    static String commandList(CommandLine.Help help) {
        if (help.subcommands().isEmpty()) return "";
        CommandLine.Help.Column[] columns = {
            new CommandLine.Help.Column(15, 2, CommandLine.Help.Column.Overflow.SPAN),
            new CommandLine.Help.Column(
                    help.commandSpec().usageMessage().width() - 15, 1, CommandLine.Help.Column.Overflow.WRAP)
        };
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(), columns);
        table.addRowValues("app", APP_SUMMARY);
        help.subcommands()
                .forEach((name, sub) -> table.addRowValues(
                        name, firstSentence(sub.commandSpec().usageMessage().description())));
        return table.toString();
    }

    /** The first sentence of a description written over several lines ("incl. x" and "2.0" do not end one). */
    static String firstSentence(String[] lines) {
        String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("[.!?](?=\\s+[A-Z(])").matcher(text);
        return m.find() ? text.substring(0, m.end()) : text;
    }

    /**
     * The help of {@code frontier app} (docs/cli.md): the launcher answers {@code frontier app --help} with it instead
     * of opening the window, and so does {@link #execute}.
     */
    public static final String APP_HELP = String.join(
            System.lineSeparator(),
            "Usage: frontier app [--ui-scale S] [FILE | WORKSPACE.sqlite]",
            APP_SUMMARY,
            "      FILE               A scenario JSON file to open in Simulate.",
            "      WORKSPACE.sqlite   A billing workspace to open in Data, Costs and Unit cost",
            "                           (else the current workspace, else the demo workspace).",
            "      --ui-scale=S       Draws the window larger or smaller for this start: auto, a",
            "                           percentage (150%, 50% to 400%) or a factor (2); without",
            "                           it, the scale chosen in View > Settings applies.",
            "  -h, --help             Show this help message and exit.",
            "");

    /** Whether {@code args} (after {@code app}) ask for the app's help rather than the app. */
    public static boolean asksAppHelp(String[] args) {
        return args.length > 0
                && args[0].equals("app")
                && java.util.Arrays.stream(args).skip(1).anyMatch(a -> a.equals("-h") || a.equals("--help"));
    }

    /** Runs the CLI with the given streams and returns the exit code (does not call System.exit). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (asksAppHelp(args)) {
            out.print(APP_HELP);
            out.flush();
            return 0;
        }
        CommandLine cl = new CommandLine(new FrontierCli());
        for (Class<?> c : commandsFor(args)) cl.addSubcommand(c);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("frontier: " + Printable.escape(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            // The whole command path ("frontier attribution add"), so the hint works for subcommands too.
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            // Messages echo input (cells, names, paths): its control characters are shown as escapes, never sent to the
            // terminal.
            if (ex instanceof BadInputException) {
                err.println("frontier: " + Printable.escape(ex.getMessage()));
                return BAD_INPUT;
            }
            err.println("frontier: internal fault: " + Printable.escape(ex.toString()));
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Printable.escape(trace.toString()));
            err.flush();
            return FAULT;
        });
        cl.getHelpSectionMap()
                .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, FrontierCli::commandList);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
