package frontier.scenario.sweep;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code spark-submit} command that runs a sweep on a Spark cluster (docs/spark.md): the master URL, deploy
 * mode and executor memory of the user's settings, the jar {@code frontier-spark.jar}, and {@code sweep FILE --out
 * RESULTS} with the analysis options, so the file written is the one {@code frontier sweep FILE --out RESULTS} would
 * write. Plain Java: the desktop CLI and the app build (and run, when spark-submit is installed) this command and
 * never load a Spark class themselves.
 *
 * @param master         Spark master URL: {@code local[*]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://https://host:443}
 * @param deployMode     {@code client} (the driver runs here) or {@code cluster}; null: spark-submit's default (client)
 * @param executorMemory e.g. {@code 4g}; null: the cluster's default
 */
public record SparkSubmit(String master, String deployMode, String executorMemory) {
    private static final Pattern MEMORY = Pattern.compile("\\d+[kmgtKMGT]?");

    public SparkSubmit {
        if (master == null || master.isBlank())
            throw new IllegalArgumentException(
                    "a Spark master URL is required (e.g. local[*], spark://host:7077, yarn)");
        master = master.strip();
        deployMode = deployMode == null || deployMode.isBlank() ? null : deployMode.strip();
        if (deployMode != null && !deployMode.equals("client") && !deployMode.equals("cluster")) {
            throw new IllegalArgumentException("deploy mode: expected client or cluster, got '" + deployMode + "'");
        }
        executorMemory = executorMemory == null || executorMemory.isBlank() ? null : executorMemory.strip();
        if (executorMemory != null && !MEMORY.matcher(executorMemory).matches()) {
            throw new IllegalArgumentException(
                    "executor memory: expected a size such as 4g or 512m, got '" + executorMemory + "'");
        }
    }

    /** The entry point of frontier-spark.jar. */
    public static final String MAIN_CLASS = "frontier.spark.SparkMain";

    /** The command, one argument per element: {@code sparkSubmit} (a path, or just "spark-submit"), the jar, then the sweep's arguments. */
    public List<String> command(
            String sparkSubmit, Path sparkJar, Path scenario, Path results, List<String> analysisArgs) {
        List<String> c = new ArrayList<>(List.of(sparkSubmit, "--master", master));
        if (deployMode != null) c.addAll(List.of("--deploy-mode", deployMode));
        if (executorMemory != null) c.addAll(List.of("--executor-memory", executorMemory));
        c.addAll(List.of(
                "--class", MAIN_CLASS, sparkJar.toString(), "sweep", scenario.toString(), "--out", results.toString()));
        c.addAll(analysisArgs);
        return c;
    }

    /** spark-submit of {@code SPARK_HOME}, else the first on {@code PATH}; empty when Spark is not installed here. */
    public static Optional<Path> findSparkSubmit(Map<String, String> env) {
        String home = env.get("SPARK_HOME");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "bin", "spark-submit");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
                if (dir.isBlank()) continue;
                Path p = Path.of(dir, "spark-submit");
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * frontier-spark.jar beside the running frontier.jar (target/ after {@code mvn -Pspark package}, or where the
     * installation put both); the bare name when it cannot be told where this class was loaded from.
     */
    public static Path sparkJar() {
        try {
            Path here = Path.of(SparkSubmit.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = Files.isDirectory(here)
                    ? here.getParent()
                    : here.getParent(); // target/classes → target; target/frontier.jar → target
            return dir.resolve("frontier-spark.jar");
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return Path.of("frontier-spark.jar");
        }
    }

    /** The command as one line for a POSIX shell: arguments with anything but safe characters in single quotes. */
    public static String shellLine(List<String> command) {
        StringBuilder b = new StringBuilder();
        for (String a : command) {
            if (!b.isEmpty()) b.append(' ');
            b.append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
