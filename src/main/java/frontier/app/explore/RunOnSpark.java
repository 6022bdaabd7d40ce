package frontier.app.explore;

import frontier.app.Settings;
import frontier.scenario.sweep.SparkSubmit;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Run on Spark…" of Explore: the Spark settings (master URL, deploy mode, executor memory; remembered in the
 * settings file), the results file, and the exact spark-submit command (docs/spark.md) to copy. With spark-submit
 * installed (SPARK_HOME or PATH), Submit runs it in the background and opens the results file when it ends. The app
 * only builds and starts the command; it never loads a Spark class.
 */
final class RunOnSpark {
    /** The spark-submit this app started and that has not ended yet, if any (one job at a time). */
    private static final java.util.concurrent.atomic.AtomicReference<SparkJob> RUNNING =
            new java.util.concurrent.atomic.AtomicReference<>();

    private RunOnSpark() {}

    /** Shows the dialog for the sweep in {@code scenario}; {@code openResults} gets the results file of a finished job. */
    static void show(
            Window owner, Path scenario, Settings settings, Consumer<Path> openResults, Consumer<String> status) {
        SparkJob running = RUNNING.get();
        if (running != null && running.isAlive()) {
            // One job at a time: the button offers to stop the one that runs (spark-submit in client mode stops
            // its driver, and with it the job, when it is terminated).
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "A sweep submitted from this app is still running on Spark. Stop it?",
                    new ButtonType("Stop the Spark job", ButtonBar.ButtonData.OK_DONE),
                    ButtonType.CANCEL);
            ask.initOwner(owner);
            ask.setTitle("Run on Spark");
            ask.setHeaderText(null);
            Optional<ButtonType> stop = ask.showAndWait();
            if (stop.isPresent() && stop.get().getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                running.stop();
                status.accept("Stopping the Spark job…");
            }
            return;
        }
        Settings.Spark saved = settings.spark();
        TextField master = new TextField(saved.master());
        master.setId("sparkMaster");
        ComboBox<String> mode = new ComboBox<>();
        mode.getItems().setAll("client", "cluster");
        mode.setValue(saved.deployMode().equals("cluster") ? "cluster" : "client");
        mode.setId("sparkDeployMode");
        TextField memory = new TextField(saved.executorMemory());
        memory.setPromptText("cluster default (e.g. 4g)");
        memory.setId("sparkExecutorMemory");
        String base = scenario.getFileName().toString().replaceFirst("\\.json$", "");
        TextField results = new TextField(
                scenario.toAbsolutePath().resolveSibling(base + ".results.json").toString());
        results.setId("sparkResults");
        TextArea command = new TextArea();
        command.setId("sparkCommand");
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(4);
        Label problem = new Label();
        problem.setId("sparkProblem");
        problem.setWrapText(true);

        Optional<Path> sparkSubmit = SparkSubmit.findSparkSubmit(System.getenv());
        Path jar = SparkSubmit.sparkJar();
        Runnable update = () -> {
            try {
                SparkSubmit s = new SparkSubmit(master.getText(), mode.getValue(), memory.getText());
                command.setText(SparkSubmit.shellLine(s.command(
                        sparkSubmit.map(Path::toString).orElse("spark-submit"),
                        jar,
                        scenario.toAbsolutePath().normalize(),
                        Path.of(results.getText()).toAbsolutePath().normalize(),
                        List.of())));
                problem.setText(
                        sparkSubmit.isPresent()
                                ? ""
                                : "spark-submit not found (SPARK_HOME or PATH): copy the command and run it where Spark"
                                        + " is installed, then open the results file here.");
            } catch (RuntimeException e) {
                command.setText("");
                problem.setText(e.getMessage());
            }
        };
        master.textProperty().addListener(o -> update.run());
        mode.valueProperty().addListener(o -> update.run());
        memory.textProperty().addListener(o -> update.run());
        results.textProperty().addListener(o -> update.run());
        update.run();

        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label("Master URL"), master);
        grid.addRow(1, new Label("Deploy mode"), mode);
        grid.addRow(2, new Label("Executor memory"), memory);
        grid.addRow(3, new Label("Results file"), results);
        Button copy = new Button("Copy command");
        copy.setId("copySparkCommand");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(command.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        VBox box = new VBox(
                8,
                grid,
                new Label(
                        "Command (frontier-spark.jar from mvn -Pspark package; paths must be readable by the driver):"),
                command,
                copy,
                problem);
        box.setPadding(new Insets(12));

        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Run on Spark");
        d.getDialogPane().setContent(box);
        ButtonType submit = new ButtonType("Submit", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(submit, ButtonType.CLOSE);
        Button submitButton = (Button) d.getDialogPane().lookupButton(submit);
        submitButton.setId("submitToSpark");
        submitButton
                .disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> sparkSubmit.isEmpty() || command.getText().isEmpty(), command.textProperty()));
        Optional<ButtonType> answer = d.showAndWait();
        try {
            settings.setSpark(new Settings.Spark(
                    master.getText().strip(), mode.getValue(), memory.getText().strip()));
        } catch (RuntimeException ignored) {
            // remembering is a convenience
        }
        if (answer.isEmpty() || answer.get() != submit || sparkSubmit.isEmpty()) return;
        SparkSubmit s = new SparkSubmit(master.getText(), mode.getValue(), memory.getText());
        Path out = Path.of(results.getText()).toAbsolutePath().normalize();
        List<String> cmd = s.command(
                sparkSubmit.get().toString(), jar, scenario.toAbsolutePath().normalize(), out, List.of());
        status.accept("Submitted to Spark (" + s.master() + "); the results open here when the job ends.");
        Thread t = new Thread(
                () -> {
                    String end;
                    try {
                        SparkJob job = SparkJob.start(cmd);
                        RUNNING.set(job);
                        // The job's output goes to the log; its progress lines ("sweep: 40/200 configurations
                        // (20%), 8 s elapsed, about 32 s left", written by frontier.spark.sweep.SweepProgress on
                        // the driver) also go to the status line, so the app shows what the terminal shows.
                        end = job.await(line -> {
                            String shown = "Spark (" + s.master() + "): " + line;
                            Platform.runLater(() -> status.accept(shown));
                        });
                        RUNNING.compareAndSet(job, null);
                    } catch (Exception e) {
                        end = "Could not run spark-submit: " + e.getMessage();
                    }
                    String message = end;
                    Platform.runLater(() -> {
                        if (message == null) openResults.accept(out);
                        else status.accept(message);
                    });
                },
                "frontier-spark-submit");
        t.setDaemon(true);
        t.start();
    }
}
