package frontier.app;

import frontier.sim.BadInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error messages in the app's words. The engine, the store and the readers write their messages for the
 * CLI ("Use --replace to …", "give --map timestamp=COLUMN"); the app shows the same facts with its own
 * controls named instead of flags, and never a library's internals or an exception's class name for
 * something the user caused.
 */
public final class Messages {
    private record Rule(Pattern pattern, String replacement) {}

    /** Most specific first; each names what to do in the app. */
    private static final List<Rule> RULES = List.of(
            rule(
                    "Use --replace to import it again in place of #(\\d+)\\.",
                    "To import it again, select import #$1 in the Data view and delete it first."),
            rule(
                    "\\n?Use --replace to replace the earlier rows of these accounts in this period, or --keep-both to keep both \\(totals then count the overlap twice\\)\\.",
                    "\nChoose Replace to replace the earlier rows of these accounts in this period, or Keep both to keep both (totals then count the overlap twice)."),
            rule(
                    "Change it with --map model=COLUMN or --map endpoint=COLUMN\\.",
                    "Change it in the mapping edits of the Data view (model=COLUMN or endpoint=COLUMN)."),
            rule(
                    "Give --map timestamp=COLUMN \\(and timestamp_kind\\) or --preset NAME \\(see frontier logs presets\\)\\.",
                    "Choose a mapping preset in the Data view, or type timestamp=COLUMN (and timestamp_kind=KIND) in its mapping edits."),
            rule(
                    "give --start \\(e\\.g\\. --start ([^)]*)\\) to date it",
                    "give the 'relative times from' date in the Data view to date it"),
            rule("--start ignored", "The 'relative times from' date was ignored"),
            rule("no --start was given", "no 'relative times from' date was given"),
            rule("dated by --start", "dated by the 'relative times from' date"),
            rule("give --map ([a-z_]+)=", "type $1= in the mapping edits"),
            rule(
                    "(?:map another column with )?--map ([a-z_]+)=COLUMN",
                    "map another column with the mapping edit $1=COLUMN"),
            rule(" \\(--map\\)", " (mapping edit)"),
            rule("no --preset given", "no mapping preset chosen"),
            rule("(^|\\n)--map ([a-z_]+): ", "$1Mapping edit $2: "),
            rule("(^|\\n)--map: ", "$1Mapping edits: "),
            rule(
                    "re-import them with an endpoint column or --map",
                    "re-import them with an endpoint column or a mapping edit endpoint=COLUMN"),
            rule(
                    "import some first \\(frontier logs import FILE\\)",
                    "import some first (Data view, Import request logs…)"),
            rule(
                    "use --azure-cost amortized if it is the amortized view\\.",
                    "it may be the amortized view, which Frontier reads from the CLI only."),
            rule(
                    "'frontier prices list --provider ([^']*)' lists the known ones",
                    "docs/pricing.md lists the known ones"),
            rule(
                    "'frontier prices list --kind serverless' lists the known ones",
                    "docs/pricing.md lists the known ones"),
            rule("use a field of simulate --json such as", "use a metric such as"),
            rule("\\(docs/cli\\.md\\)", "(docs/scenarios.md)"),
            // Jackson's location suffix: keep the line and column, drop the source description.
            rule("\\s*at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", " (line $1, column $2)"),
            rule("\\s*\\(through reference chain: [^)]*\\)", ""),
            // A leading flag name of a CLI option ("--first: expected …").
            rule("(^|\\n)--([a-z][a-z-]*)(?: [A-Za-z_]+)?: ", "$1"));

    private Messages() {}

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /** {@code message} with the CLI's flags and commands replaced by what to do in the app. */
    public static String forApp(String message) {
        if (message == null) return "";
        String m = message;
        for (Rule r : RULES) m = r.pattern.matcher(m).replaceAll(r.replacement);
        return m;
    }

    /**
     * What to tell the user about {@code x}: a bad input's message in the app's words; anything else is
     * an internal error, named as such (with its message, not its class, when it has one).
     */
    public static String of(Throwable x) {
        if (x instanceof BadInputException) return forApp(x.getMessage());
        String m = x.getMessage();
        return "Internal error (please report it): "
                + (m == null || m.isBlank() ? x.getClass().getSimpleName() : m);
    }

    /** True if {@code message} still carries a CLI flag ("--name") or a CLI command ("frontier logs …"). */
    public static boolean speaksCli(String message) {
        Matcher m = Pattern.compile(
                        "(^|[\\s('\"])--[a-z]|\\bfrontier (import|logs|attribution|prices|sweep|simulate|demo)\\b")
                .matcher(message);
        return m.find();
    }
}
