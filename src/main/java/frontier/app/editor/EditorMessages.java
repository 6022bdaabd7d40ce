package frontier.app.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import frontier.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the JSON parser and the scenario loader say into the editor's words: a syntax error becomes
 * "Line 5, column 3: expected a comma between two fields" (the line of the text shown), a loader message
 * "scenario: $.pools[0].keep_alive_s: (line …) expected a number >= 0" becomes a {@link Problem} at
 * "Pools › gpu › Keep-alive (s)" with field names replaced by their labels. No parser internals reach the user.
 */
public final class EditorMessages {
    private static final Pattern LOADER =
            Pattern.compile("(?s)^(\\$[^:\\s]*): (?:\\(line (\\d+), column (\\d+)\\) )?(.*)$");
    private static final Pattern QUOTED_FIELD = Pattern.compile("'([a-z][a-z0-9_]*)'");
    private static final Pattern SNAKE_WORD = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b");
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");

    private EditorMessages() {}

    /** The tree of {@code text}, or the syntax {@link Problem} that stops it being read (as an exception). */
    public static JsonNode parse(String text) throws SyntaxProblem {
        try {
            JsonNode tree = ScenarioLoader.mapper().readTree(text);
            if (tree == null || tree.isMissingNode())
                throw new SyntaxProblem(
                        new Problem("$", "", "the text is empty; a scenario is one JSON object { … }", 1));
            if (!tree.isObject())
                throw new SyntaxProblem(
                        new Problem("$", "", "a scenario is one JSON object { … }, not a single value", 1));
            return tree;
        } catch (JsonProcessingException e) {
            throw new SyntaxProblem(syntax(e));
        }
    }

    /** A syntax error as a {@link Problem} with the line it is on. */
    static Problem syntax(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        Matcher unexpected = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)")
                .matcher(m);
        if (m.startsWith("Unexpected end-of-input")) {
            Matcher start = Pattern.compile("line: (\\d+), column: (\\d+)").matcher(m);
            what = "the text ends before everything opened is closed"
                    + (start.find()
                            ? " (the " + (m.contains("Array") ? "list [" : "object {") + " opened on line "
                                    + start.group(1) + " needs its " + (m.contains("Array") ? "]" : "}") + ")"
                            : "");
        } else if (m.startsWith("Duplicate field")) {
            what = "the field " + m.replaceAll("(?s)^Duplicate field '([^']*)'.*$", "'$1'")
                    + " appears twice in the same object";
        } else if (m.startsWith("Unrecognized token")) {
            what = "unknown word " + m.replaceAll("(?s)^Unrecognized token '([^']*)'.*$", "'$1'")
                    + "; text needs double quotes, and only true, false and null go without";
        } else if (m.startsWith("Unexpected close marker")) {
            what = "a closing bracket that does not match the one opened ("
                    + m.replaceAll("(?s)^Unexpected close marker '(.)': expected '(.)'.*$", "found $1, expected $2")
                    + ")";
        } else if (unexpected.find()) {
            String c = unexpected.group(1);
            if (m.contains("double-quote to start field name"))
                what = c.equals("}")
                        ? "a comma before '}' (remove the last comma)"
                        : "expected a field name in double quotes, found '" + c + "'";
            else if (m.contains("comma to separate Object entries"))
                what = "expected a comma between two fields, found '" + c + "'";
            else if (m.contains("comma to separate Array entries"))
                what = "expected a comma between two values of a list, found '" + c + "'";
            else if (m.contains("colon to separate field name and value"))
                what = "expected ':' after the field name, found '" + c + "'";
            else if (m.contains("expected a value"))
                what = c.equals("]")
                        ? "a comma before ']' (remove the last comma)"
                        : "expected a value, found '" + c + "'";
            else what = "unexpected '" + c + "'";
        } else if (m.startsWith("Illegal unquoted character")) {
            what = "a line break or control character inside text; write it as \\n or close the quotes";
        } else if (m.startsWith("Trailing token") || m.contains("after value")) {
            what = "more text after the scenario's closing '}'";
        } else if (m.contains("numeric value") || m.contains("Leading zeroes")) {
            what = "this number is not written as JSON numbers are (e.g. 0.5, 12, 1e-3)";
        } else {
            what = "not valid JSON here";
        }
        return new Problem("$", "", (line > 0 ? "column " + column + ": " : "") + what, line);
    }

    /** A loader message ("source: $.a.b: (line, column) text") as a {@link Problem} placed in {@code root}. */
    public static Problem fromLoader(String message, String source, JsonNode root) {
        String m = message.startsWith(source + ": ") ? message.substring(source.length() + 2) : message;
        Matcher lm = LOADER.matcher(m);
        String path = "$";
        int line = 0;
        String text = m;
        if (lm.matches()) {
            path = lm.group(1);
            line = lm.group(2) == null ? 0 : Integer.parseInt(lm.group(2));
            text = lm.group(4);
        }
        return new Problem(path, where(path, root), words(text), line);
    }

    /** "$.pools[0].model.service" → "Pools › gpu › Model › Service time (s)" (list items by their name). */
    public static String where(String path, JsonNode root) {
        List<String> parts = new ArrayList<>();
        JsonNode node = root;
        Matcher s = SEGMENT.matcher(path);
        while (s.find()) {
            if (s.group(1) != null) {
                parts.add(FieldLabels.label(s.group(1)));
                node = node == null ? null : node.get(s.group(1));
            } else {
                int i = Integer.parseInt(s.group(2));
                node = node == null ? null : node.get(i);
                JsonNode name = node == null ? null : node.get("name");
                parts.add(name != null && name.isTextual() ? name.asText() : "#" + (i + 1));
            }
        }
        return String.join(" › ", parts);
    }

    /** Field names replaced by their labels; anything that reads like parser internals replaced by plain words. */
    static String words(String text) {
        if (text.contains("`")
                || text.contains("com.fasterxml")
                || text.contains("[Source")
                || text.startsWith("Cannot ")) {
            return "this value is not one this field takes";
        }
        String t = QUOTED_FIELD
                .matcher(text)
                .replaceAll(r -> Matcher.quoteReplacement(
                        FieldLabels.known(r.group(1)) ? "“" + FieldLabels.label(r.group(1)) + "”" : r.group()));
        return SNAKE_WORD
                .matcher(t)
                .replaceAll(r -> Matcher.quoteReplacement(
                        FieldLabels.known(r.group(1)) ? "“" + FieldLabels.label(r.group(1)) + "”" : r.group()));
    }

    /** A syntax error of the JSON text being edited. */
    public static final class SyntaxProblem extends Exception {
        private final transient Problem problem;

        SyntaxProblem(Problem problem) {
            super(problem.text());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
