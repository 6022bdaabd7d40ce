package frontier.app.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.InstancePrice;
import frontier.scenario.ScenarioLoader;
import java.util.Locale;

/**
 * The new-scenario wizard's answer to "model X at Y requests/s on instance type Z": steady traffic into one
 * always-on pool of that instance type (its price from the catalogue), enough instances that they are about 70%
 * busy, an hour simulated three times. A working scenario to run at once and then refine.
 */
public final class BlankScenario {
    /** Utilization the wizard sizes the pool for. */
    public static final double TARGET_UTILIZATION = 0.7;

    private BlankScenario() {}

    /**
     * @param model       the model's name
     * @param ratePerS    requests per second
     * @param serviceS    mean seconds one request takes on one slot
     * @param concurrency requests one instance serves at the same time
     * @param instance    the catalogue row of the instance type
     */
    public static ObjectNode of(
            String model, double ratePerS, double serviceS, int concurrency, InstancePrice instance) {
        int instances = instances(ratePerS, serviceS, concurrency);
        ObjectNode s = ScenarioLoader.mapper().createObjectNode();
        s.put("name", model + " at " + fmt(ratePerS) + " requests/s on " + instance.instanceType());
        s.put(
                "description",
                String.format(
                        Locale.US,
                        "%s served on %d × %s (%s, %s, %s), sized for about %.0f%% utilization; "
                                + "steady (Poisson) traffic of %s requests/s; service time lognormal, mean %s s.",
                        model,
                        instances,
                        instance.instanceType(),
                        instance.provider(),
                        instance.region(),
                        instance.pricingModel().catalogueCode(),
                        TARGET_UTILIZATION * 100,
                        fmt(ratePerS),
                        fmt(serviceS)));
        s.putObject("traffic").put("type", "poisson").put("rate_per_s", ratePerS);
        ObjectNode pool = s.putArray("pools").addObject();
        pool.put("type", "always_on").put("name", slug(instance.instanceType())).put("instances", instances);
        if (concurrency > 1) pool.put("concurrency", concurrency);
        ObjectNode m = pool.putObject("model").put("name", model);
        m.putObject("service").put("type", "lognormal").put("mean", serviceS).put("cv", 0.5);
        pool.putObject("price")
                .put("provider", instance.provider())
                .put("instance_type", instance.instanceType())
                .put("region", instance.region())
                .put("pricing_model", instance.pricingModel().catalogueCode());
        s.putObject("run")
                .put("duration_s", 3600)
                .put("warmup_s", 300)
                .put("replications", 3)
                .put("seed", 1);
        return s;
    }

    /** Instances for {@link #TARGET_UTILIZATION}: ceil(rate × service / (concurrency × target)), at least 1. */
    public static int instances(double ratePerS, double serviceS, int concurrency) {
        return (int) Math.max(1, Math.ceil(ratePerS * serviceS / (concurrency * TARGET_UTILIZATION) - 1e-9));
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]+", "-");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.US, "%.0f", v) : String.valueOf(v);
    }
}
