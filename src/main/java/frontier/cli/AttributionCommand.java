package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.sim.BadInputException;
import frontier.store.AttributionRule;
import frontier.store.AttributionRules;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier attribution}: the rules that give cost lines to endpoints and models. */
@Command(
        name = "attribution",
        mixinStandardHelpOptions = true,
        description = {
            "The rules that attribute billing lines to inference endpoints and models, tried in order; the first match wins.",
            "Without rules of its own a workspace uses: tag endpoint=* → endpoint {value}; tag model=* → model {value}."
        },
        subcommands = {
            AttributionCommand.ListRules.class,
            AttributionCommand.Add.class,
            AttributionCommand.Remove.class,
            AttributionCommand.Reset.class
        })
final class AttributionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: list, add, remove or reset");
    }

    static ObjectNode json(AttributionRule r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("position", r.position());
        o.put("field", r.field());
        o.put("pattern", r.pattern());
        if (r.endpoint() == null) o.putNull("endpoint");
        else o.put("endpoint", r.endpoint());
        if (r.model() == null) o.putNull("model");
        else o.put("model", r.model());
        return o;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rules in the order they are tried.")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Option(names = "--json", description = "As a JSON object {default, rules}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<AttributionRule> stored;
            try (Workspace w = workspace.open()) {
                stored = w.attribution().list();
            }
            List<AttributionRule> rules = stored.isEmpty() ? AttributionRules.DEFAULTS : stored;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.put("default", stored.isEmpty());
                ArrayNode a = root.putArray("rules");
                rules.forEach(r -> a.add(AttributionCommand.json(r)));
                out.println(Json.MAPPER.writeValueAsString(root));
                return FrontierCli.OK;
            }
            if (stored.isEmpty()) out.println("No rules of this workspace's own; the defaults apply:");
            for (AttributionRule r : rules) out.printf("%d. %s%n", r.position(), r);
            return FrontierCli.OK;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Adds a rule. Examples:",
                "  frontier attribution add tag:endpoint '*' --endpoint '{value}'",
                "  frontier attribution add instance_type 'g5.*' --model llama-3.1-8b",
                "  frontier attribution add resource_id 'arn:aws:sagemaker:*:endpoint/chat*' --endpoint chat --position 1"
            })
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Parameters(index = "0", paramLabel = "FIELD", description = "tag:KEY, resource_id, instance_type or service.")
        String field;

        @Parameters(
                index = "1",
                paramLabel = "PATTERN",
                description = "Glob on the field's value (* any run, ? one character; case ignored).")
        String pattern;

        @Option(
                names = "--endpoint",
                paramLabel = "NAME",
                description = "Endpoint the cost goes to ({value} = the matched value).")
        String endpoint;

        @Option(
                names = "--model",
                paramLabel = "NAME",
                description = "Model the cost goes to ({value} = the matched value).")
        String model;

        @Option(names = "--position", paramLabel = "N", description = "Where in the order (1 = first; default last).")
        Integer position;

        @Override
        public Integer call() {
            AttributionRule.Match m;
            String key = null;
            if (field.regionMatches(true, 0, "tag:", 0, 4)) {
                m = AttributionRule.Match.TAG;
                key = field.substring(4);
            } else {
                m = AttributionRule.Match.fromCode(field);
                if (m == AttributionRule.Match.TAG)
                    throw new BadInputException("FIELD: write the tag as tag:KEY, e.g. tag:endpoint");
            }
            AttributionRule rule = new AttributionRule(0, 0, m, key, pattern, endpoint, model);
            try (Workspace w = workspace.open()) {
                List<AttributionRule> before = w.attribution().list();
                if (before.isEmpty())
                    spec.commandLine()
                            .getOut()
                            .println("The workspace had no rules of its own: the defaults no longer apply.");
                AttributionRule saved = w.attribution().add(rule, position);
                spec.commandLine().getOut().printf("%d. %s%n", saved.position(), saved);
            }
            return FrontierCli.OK;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes the rule at a position (see list).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Parameters(index = "0", paramLabel = "POSITION")
        int position;

        @Override
        public Integer call() {
            try (Workspace w = workspace.open()) {
                if (!w.attribution().remove(position))
                    throw new BadInputException("no rule at position " + position + " (see frontier attribution list)");
            }
            spec.commandLine().getOut().println("Removed rule " + position + ".");
            return FrontierCli.OK;
        }
    }

    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            description = "Removes all rules: the defaults apply again.")
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Override
        public Integer call() {
            try (Workspace w = workspace.open()) {
                w.attribution().replaceAll(List.of());
            }
            spec.commandLine().getOut().println("All rules removed; the defaults apply.");
            return FrontierCli.OK;
        }
    }
}
