package frontier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.analysis.Constraint;
import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.analysis.WeightedOptimum;
import frontier.model.Metric;
import frontier.pareto.Objective;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.SparkSubmit;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.store.NewSweep;
import frontier.store.SweepPointRecord;
import frontier.store.SweepRecord;
import frontier.store.Workspace;
import frontier.text.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frontier sweep FILE}: runs every configuration of a scenario's sweep (or reopens a results file)
 * and reports the Pareto front, the constraints and the weighted optimum (docs/sweeps.md). With
 * {@code --workspace W} the finished sweep is also saved in the workspace; {@code --workspace W --list}
 * lists the saved sweeps and {@code --workspace W --open ID} analyses one again without re-running it.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description =
                "Run a scenario's sweep (or reopen a results file) and report the cost/latency Pareto front and the weighted optimum.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..1",
            description =
                    "Scenario with a 'sweep' (docs/sweeps.md), or a results file written by --out or --json (not with --list or --open).")
    Path file;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads running points (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(
            names = "--objectives",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "cost,p99",
            description =
                    "Metrics to minimise, comma-separated: cost (per 1,000 requests), cost_total, p50, p95, p99, any metric path;"
                            + " max:PATH to maximise; quality (the models' quality figures) is maximised, min:quality minimises it"
                            + " (default ${DEFAULT-VALUE}; cost_total,completion for a batch job). The first two also make the weighted optimum.")
    List<String> objectives;

    @Option(
            names = "--max",
            paramLabel = "METRIC=VALUE",
            description =
                    "Constraint: the metric's mean at most VALUE (e.g. p99=2000 as an SLO, cost_usd.per_hour=40 as a budget); repeatable.")
    List<String> constraints = new ArrayList<>();

    @Option(
            names = "--alpha",
            paramLabel = "A",
            defaultValue = "0.5",
            description =
                    "Weight on cost (the first objective) of the weighted optimum; latency gets 1 - A (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--json", description = "Print one JSON object (docs/sweeps.md) instead of a table.")
    boolean json;

    @Option(
            names = "--csv",
            paramLabel = "OUT",
            description = "Write one CSV row per point to OUT ('-' for standard output).")
    Path csv;

    @Option(
            names = "--out",
            paramLabel = "RESULTS",
            description =
                    "Write the results (the --json object) to this file, to reopen later with 'frontier sweep RESULTS'.")
    Path out;

    @Option(names = "--progress", description = "Report progress on standard error.")
    boolean progress;

    @Option(
            names = "--spark",
            paramLabel = "MASTER",
            arity = "0..1",
            fallbackValue = "local[*]",
            description =
                    "Run the configurations on Spark (docs/spark.md): spark-submit frontier-spark.jar with this master (default local[*]),"
                            + " then report as usual; needs --out. Without spark-submit (SPARK_HOME or PATH) the command is printed instead.")
    String sparkMaster;

    @Option(
            names = "--spark-deploy-mode",
            paramLabel = "MODE",
            description = "With --spark: client (default) or cluster.")
    String sparkDeployMode;

    @Option(
            names = "--spark-executor-memory",
            paramLabel = "SIZE",
            description = "With --spark: memory per executor, e.g. 4g.")
    String sparkExecutorMemory;

    @Option(
            names = {"-w", "--workspace"},
            paramLabel = "W",
            description =
                    "Workspace file: save the finished sweep in it (with FILE), or list (--list) or reopen (--open) saved sweeps.")
    Path workspace;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Name of the sweep saved with --workspace (default: the scenario's name).")
    String name;

    @Option(names = "--list", description = "List the sweeps saved in the --workspace (with --json: one JSON object).")
    boolean list;

    @Option(
            names = "--open",
            paramLabel = "ID",
            description = "Analyse sweep ID saved in the --workspace again, without re-running it.")
    Long open;

    @Override
    public Integer call() throws IOException {
        if (list || open != null) {
            if (workspace == null)
                throw new BadInputException((list ? "--list" : "--open")
                        + ": needs --workspace W (the workspace the sweeps were saved in)");
            if (file != null) throw new BadInputException((list ? "--list" : "--open") + " takes no FILE");
            if (list && open != null) throw new BadInputException("--list and --open: give one of them");
            if (name != null) throw new BadInputException("--name: only when saving a sweep (FILE with --workspace)");
            if (!Files.exists(workspace)) throw new BadInputException(workspace + ": no such workspace");
        } else if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        } else if (name != null && workspace == null) {
            throw new BadInputException("--name: only with --workspace (it names the saved sweep)");
        }
        if (threads != null) Numbers.atLeast("--threads", threads, 1);
        List<Objective> objs = objectives.stream()
                .filter(s -> !s.isBlank())
                .map(Objective::parse)
                .toList();
        List<Constraint> cons = constraints.stream().map(Constraint::parse).toList();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            try (Workspace ws = Workspace.open(workspace)) {
                printList(ws.sweeps().list(), stdout);
            }
            return FrontierCli.OK;
        }
        if (sparkMaster == null && (sparkDeployMode != null || sparkExecutorMemory != null)) {
            throw new BadInputException("--spark-deploy-mode, --spark-executor-memory: only with --spark MASTER");
        }
        if (sparkMaster != null) {
            Integer code = submitToSpark(stdout, err);
            if (code != null) return code;
        }
        SweepResult result;
        // Opened first so that an unusable workspace is reported before the sweep runs, not after.
        try (Workspace ws = workspace == null ? null : Workspace.open(workspace)) {
            if (ws != null) WorkspaceOption.busyNotice(ws, err);
            if (open != null) {
                result = savedResults(ws, open);
            } else {
                result = runOrRead(err);
            }
            // A batch job has no latency: without --objectives its sweep weighs cost against completion time.
            if (!spec.commandLine().getParseResult().hasMatchedOption("--objectives")
                    && !result.points().isEmpty()
                    && result.points().getFirst().hasMetric(frontier.model.Metric.BATCH_COMPLETION.path())) {
                objs = List.of(Objective.parse("cost_total"), Objective.parse("completion"));
            }
            return report(result, objs, cons, ws == null || open != null ? null : ws, stdout, err);
        }
    }

    /**
     * {@code --spark}: runs spark-submit with frontier-spark.jar (its output goes to this terminal) and returns null to
     * go on and report the results file it wrote, as if the sweep had run here; without spark-submit, prints the
     * command to run where Spark is installed and returns 0; a failed job returns its exit code.
     */
    private Integer submitToSpark(PrintWriter stdout, PrintWriter err) throws IOException {
        if (out == null)
            throw new BadInputException("--spark: needs --out RESULTS (the results file the Spark job writes)");
        if (threads != null)
            throw new BadInputException(
                    "--spark and --threads: the Spark job's executors decide the parallelism; give one of them");
        if (readResults(file) != null)
            throw new BadInputException("--spark: " + file + " is a results file already; reopen it without --spark");
        SparkSubmit submit;
        try {
            submit = new SparkSubmit(sparkMaster, sparkDeployMode, sparkExecutorMemory);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--spark: " + e.getMessage());
        }
        List<String> analysis = new ArrayList<>(List.of("--objectives", String.join(",", objectives)));
        for (String c : constraints) analysis.addAll(List.of("--max", c));
        analysis.addAll(List.of("--alpha", Double.toString(alpha)));
        java.util.Optional<Path> sparkSubmit = SparkSubmit.findSparkSubmit(System.getenv());
        Path jar = SparkSubmit.sparkJar();
        List<String> command = submit.command(
                sparkSubmit.map(Path::toString).orElse("spark-submit"),
                jar,
                file.toAbsolutePath().normalize(),
                out.toAbsolutePath().normalize(),
                analysis);
        if (sparkSubmit.isEmpty()) {
            stdout.println(SparkSubmit.shellLine(command));
            stdout.flush();
            err.println(
                    "frontier: spark-submit not found (set SPARK_HOME or put it on PATH): run the command above where Spark is installed,"
                            + " then 'frontier sweep " + out + "' to analyse the results"
                            + (Files.exists(jar) ? "" : "; build " + jar + " first with mvn -Pspark package"));
            err.flush();
            return FrontierCli.OK;
        }
        if (!Files.exists(jar))
            throw new BadInputException(
                    "--spark: " + jar + " is missing; build it with mvn -Pspark -DskipTests package (docs/spark.md)");
        err.println("frontier: " + SparkSubmit.shellLine(command));
        err.flush();
        int code;
        try {
            code = new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        if (code != 0) {
            err.println("frontier: spark-submit ended with exit code " + code + " (its messages are above)");
            return code == FrontierCli.BAD_INPUT ? FrontierCli.BAD_INPUT : FrontierCli.FAULT;
        }
        file = out; // go on as 'frontier sweep RESULTS'
        return null;
    }

    private SweepResult runOrRead(PrintWriter err) {
        SweepResult result = readResults(file);
        if (result == null) {
            Sweep sweep = Sweep.load(file);
            SweepRunner runner = threads == null ? SweepRunner.defaultRunner() : new SweepRunner(threads);
            RunControl control = !progress
                    ? RunControl.NONE
                    : new RunControl() {
                        private int shown = -1;

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }

                        @Override
                        public synchronized void progress(double f) {
                            int pct = (int) (f * 100);
                            if (pct / 5 > shown / 5) {
                                shown = pct;
                                err.println(String.format(
                                        Locale.ROOT, "sweep: %d%% of %d points", pct, sweep.plannedPoints()));
                                err.flush();
                            }
                        }
                    };
            result = runner.run(sweep, control);
        }
        return result;
    }

    /** Analyses the results and writes them as asked; with {@code save}, also stores them there first. */
    private int report(
            SweepResult result,
            List<Objective> objs,
            List<Constraint> cons,
            Workspace save,
            PrintWriter stdout,
            PrintWriter err)
            throws IOException {
        SweepAnalysis analysis = SweepAnalysis.of(result, objs, cons, alpha);
        String jsonText = SweepReport.writeJson(analysis);
        long savedId = save == null ? -1 : save.sweeps().save(toSaved(analysis, jsonText));
        if (out != null) AtomicFile.writeString(out, jsonText + "\n");
        if (csv != null) {
            String text = SweepReport.toCsv(analysis);
            if (csv.toString().equals("-")) stdout.print(text);
            else AtomicFile.writeString(csv, text);
        }
        boolean tableShown = !json && (csv == null || !csv.toString().equals("-"));
        if (json) stdout.println(jsonText);
        else if (tableShown) stdout.print(table(analysis));
        if (savedId >= 0) {
            // Standard output stays exactly the --json or --csv document when one is printed there.
            String msg = String.format(
                    Locale.ROOT,
                    "Saved as sweep #%d in %s; reopen with: frontier sweep --workspace %s --open %d",
                    savedId,
                    workspace,
                    workspace,
                    savedId);
            if (tableShown) stdout.println(msg);
            else {
                err.println("frontier: " + msg);
                err.flush();
            }
        }
        return FrontierCli.OK;
    }

    /** The saved form of an analysed sweep: its --json document and one row per point. */
    private NewSweep toSaved(SweepAnalysis a, String jsonText) {
        SweepResult r = a.result();
        List<SweepPointRecord> points = new ArrayList<>();
        for (int i = 0; i < r.points().size(); i++) {
            PointResult p = r.points().get(i);
            points.add(new SweepPointRecord(
                    p.index(),
                    p.config().toString(),
                    p.seed(),
                    p.metric(Metric.COST_PER_1K.path()),
                    p.metric(Metric.COST_TOTAL.path()),
                    p.metric(Metric.LATENCY_P50.path()),
                    p.metric(Metric.LATENCY_P95.path()),
                    p.metric(Metric.LATENCY_P99.path()),
                    a.feasible()[i],
                    a.pareto()[i]));
        }
        String source = file.toAbsolutePath().normalize().toString();
        return new NewSweep(
                name != null ? name : r.scenario(),
                source,
                r.method(),
                r.seed(),
                r.replicationsPerPoint(),
                a.objectives().stream().map(Objective::toString).toList(),
                jsonText,
                points);
    }

    /** The results of sweep {@code id} saved in the workspace, read exactly as a results file is. */
    private SweepResult savedResults(Workspace ws, long id) {
        String text = ws.sweeps().results(id);
        if (text == null) {
            throw new BadInputException("--open: no sweep #" + id + " in " + workspace + " (frontier sweep --workspace "
                    + workspace + " --list shows the saved sweeps)");
        }
        String source = workspace + ": sweep #" + id;
        try {
            return SweepResult.fromJson(Json.MAPPER.readTree(text), source);
        } catch (IOException e) {
            throw new BadInputException(source + ": the saved results are not JSON (" + e.getMessage() + ")");
        }
    }

    private void printList(List<SweepRecord> sweeps, PrintWriter stdout) throws IOException {
        if (json) {
            List<ObjectNode> items = new ArrayList<>();
            for (SweepRecord s : sweeps) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("id", s.id());
                o.put("name", s.name());
                o.put("source", s.source());
                o.put("saved_at", s.savedAt().toString());
                o.put("method", s.method());
                o.put("seed", s.seed());
                o.put("replications_per_point", s.replicationsPerPoint());
                o.put("points", s.points());
                o.put("front_size", s.frontSize());
                ArrayNode objs = o.putArray("objectives");
                s.objectives().forEach(objs::add);
                items.add(o);
            }
            Json.printList(stdout, workspace, "sweeps", items);
            return;
        }
        if (sweeps.isEmpty()) {
            stdout.println("No sweeps saved in " + workspace + ".");
            return;
        }
        int nameWidth = Math.max(
                4, sweeps.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String head = "%4s  %-19s  %6s  %5s  %-" + nameWidth + "s  %s";
        String row = "%4d  %-19s  %6d  %5d  %-" + nameWidth + "s  %s";
        stdout.println(String.format(Locale.ROOT, head, "#", "saved (UTC)", "points", "front", "name", "front of"));
        for (SweepRecord s : sweeps) {
            stdout.println(String.format(
                            Locale.ROOT,
                            row,
                            s.id(),
                            s.savedAt().toString().substring(0, 19).replace('T', ' '),
                            s.points(),
                            s.frontSize(),
                            s.name(),
                            String.join(" vs ", s.objectives()))
                    .stripTrailing());
        }
    }

    /** The results in FILE if it is a results file, else null (it is then a scenario). */
    private static SweepResult readResults(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null; // not JSON at all: the scenario loader reports it with line and column
        }
        if (root == null || !root.isObject() || !root.has("format")) return null;
        return SweepResult.fromJson(root, file.toString());
    }

    /** The readable form: the front (every point is in --json and --csv), then the weighted optimum. */
    static String table(SweepAnalysis a) {
        SweepResult r = a.result();
        StringBuilder b = new StringBuilder();
        int feasible = 0;
        int front = 0;
        for (int i = 0; i < r.points().size(); i++) {
            if (a.feasible()[i]) feasible++;
            if (a.pareto()[i]) front++;
        }
        b.append(String.format(
                Locale.ROOT,
                "Sweep of %s: %d points (%s over %s), %d replication(s) each, seed %d%n",
                r.scenario(),
                r.points().size(),
                r.method(),
                String.join(", ", r.paths()),
                r.replicationsPerPoint(),
                r.seed()));
        if (!a.constraints().isEmpty()) {
            b.append("Constraints: ")
                    .append(String.join(
                            ", ",
                            a.constraints().stream().map(Constraint::toString).toList()))
                    .append(String.format(Locale.ROOT, " (%d feasible)%n", feasible));
        }
        b.append(String.format(
                Locale.ROOT,
                "Pareto front of %s: %d point(s); * = uncertain (advantage within the 95%% intervals)%n",
                String.join(
                        " vs ", a.objectives().stream().map(Objective::toString).toList()),
                front));
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(r.paths());
        a.objectives().forEach(o -> header.add(o.toString()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < r.points().size(); i++) {
            if (!a.pareto()[i]) continue;
            PointResult p = r.points().get(i);
            List<String> row = new ArrayList<>();
            row.add(p.index() + (Boolean.TRUE.equals(a.uncertain()[i]) ? "*" : ""));
            for (String path : r.paths())
                row.add(
                        p.config().has(path)
                                ? p.config()
                                        .get(path)
                                        .asText(p.config().get(path).toString())
                                : "");
            for (Objective o : a.objectives()) {
                double hw = p.halfWidth(o.path());
                row.add(format(p.metric(o.path())) + (Double.isFinite(hw) ? " ± " + format(hw) : ""));
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (List<String> row : rows)
            for (int c = 0; c < row.size(); c++)
                width[c] = Math.max(width[c], row.get(c).length());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++)
                line.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", row.get(c)));
            b.append(line.toString().stripTrailing()).append('\n');
        }
        String cost = a.objectives().get(0).toString();
        String latency = a.objectives().get(1).toString();
        if (a.optimum() < 0) {
            b.append("Weighted optimum: none (no feasible point)\n");
            return b.toString();
        }
        b.append(String.format(
                Locale.ROOT,
                "Weighted optimum, %.3g x %s + %.3g x %s, each normalised min-max over the feasible points: point %d%n",
                a.alpha(),
                cost,
                1 - a.alpha(),
                latency,
                r.points().get(a.optimum()).index()));
        b.append("Optimum as the weight on cost (alpha) goes from 0 to 1:\n");
        for (WeightedOptimum.Interval iv : a.optima()) {
            PointResult p = r.points().get(iv.point());
            b.append(String.format(
                    Locale.ROOT, "  alpha %.3f-%.3f: point %d %s%n", iv.from(), iv.to(), p.index(), p.config()));
        }
        return b.toString();
    }

    private static String format(double v) {
        if (!Double.isFinite(v)) return "-";
        double abs = Math.abs(v);
        if (abs >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (abs >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
