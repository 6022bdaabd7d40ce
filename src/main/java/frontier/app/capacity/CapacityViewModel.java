package frontier.app.capacity;

import frontier.analysis.capacity.CapacityStudy;
import frontier.app.LongRun;
import frontier.app.TaskExecutor;
import frontier.cost.ApiTokenPrice;
import frontier.cost.PriceCatalogue;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmProfiles;
import frontier.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State and actions of the Capacity window: what {@code frontier capacity --model M --rate R} does, in the
 * background with progress and cancel: the capacity of one instance of every profile of the model under the TTFT
 * and TPOT SLOs, the cheapest fleet for the target rate across GPU types, tensor parallelism and pricing models,
 * and the hosted APIs of the model beside it. Use from the FX thread only.
 */
public final class CapacityViewModel {
    /** What was asked, with what was found. */
    public record Outcome(CapacityStudy study, String family, double fallbackMinutes, CapacityStudy.Fleets fleets) {}

    private final ScenarioRunner runner;
    private final Map<String, IterationProfile> profiles = LlmProfiles.bundled();
    private final LongRun<Outcome> run;
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper("Choose a model, the load and the SLOs, then Find the cheapest fleet.");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    public CapacityViewModel(ScenarioRunner runner) {
        this(runner, TaskExecutor.FX);
    }

    /** Studies run on an executor made by {@code executors}. */
    public CapacityViewModel(ScenarioRunner runner, TaskExecutor.Factory executors) {
        this.runner = runner;
        run = new LongRun<>(executors.named("frontier-capacity"), this::succeeded, this::info, this::fail);
    }

    /** The models whose profiles can drive a pool, in the profiles' order. */
    public List<String> models() {
        List<String> out = new ArrayList<>();
        for (IterationProfile p : profiles.values()) {
            if (CapacityStudy.runsInAPool(p) && !p.model().isEmpty() && !out.contains(p.model())) out.add(p.model());
        }
        return out;
    }

    /** The profiles of {@code model} (all of them; those that cannot drive a pool are skipped and named by the study). */
    public List<IterationProfile> profilesOf(String model) {
        return profiles.values().stream()
                .filter(p -> p.model().equalsIgnoreCase(model))
                .toList();
    }

    /** Starts the study in the background; nothing while one runs. */
    public void run(CapacityStudy study, String model, double rate, double fallbackMinutes, double tolerance) {
        if (run.runningProperty().get()) return;
        List<IterationProfile> candidates = profilesOf(model);
        outcome.set(null);
        run.start(control -> new Outcome(
                study,
                model,
                fallbackMinutes,
                study.cheapest(
                        candidates,
                        model,
                        rate,
                        fallbackMinutes / 60,
                        tolerance,
                        runner,
                        PriceCatalogue.shipped(),
                        ApiTokenPrice.shipped(),
                        control)));
        info(String.format(
                Locale.US,
                "Finding the capacity of %d profile%s of %s under the SLOs, then the cheapest fleet for %s req/s…",
                candidates.size(),
                candidates.size() == 1 ? "" : "s",
                model,
                plain(rate)));
    }

    public void cancel() {
        if (run.cancel()) info("Cancelling…");
    }

    public void shutdown() {
        run.shutdown();
    }

    private void succeeded(Outcome o, double seconds) {
        outcome.set(o);
        var f = o.fleets();
        String cheapest = f.fleets().isEmpty()
                ? "no fleet meets the SLOs"
                : String.format(
                        Locale.US,
                        "cheapest: %d × %s on %s %s (%s), %.2f USD/h",
                        f.fleets().getFirst().instances(),
                        f.fleets().getFirst().profile().name(),
                        f.fleets().getFirst().machine().provider(),
                        f.fleets().getFirst().machine().instanceType(),
                        f.fleets().getFirst().pricing(),
                        f.fleets().getFirst().usdPerHour());
        info(String.format(
                Locale.US,
                "Done in %.1f s: %s.%s",
                seconds,
                cheapest,
                f.skipped().isEmpty()
                        ? ""
                        : " " + f.skipped().size() + " measured-table profile"
                                + (f.skipped().size() == 1 ? "" : "s") + " skipped (they cannot drive a pool yet)."));
    }

    static String plain(double v) {
        return v == Math.rint(v) ? String.format(Locale.US, "%.0f", v) : String.format(Locale.US, "%s", v);
    }

    void info(String message) {
        error.set(false);
        status.set(message);
    }

    void fail(String message) {
        error.set(true);
        status.set(message);
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public BooleanBinding canCancelProperty() {
        return run.canCancelProperty();
    }
}
