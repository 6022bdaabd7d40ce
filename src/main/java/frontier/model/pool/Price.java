package frontier.model.pool;

import frontier.sim.InvalidSpecException;

/**
 * The price of one instance: inline {@code usd_per_hour}, or a catalogue entry (provider, instance
 * type, region, pricing model) that the scenario loader resolves to {@code usd_per_hour} before the run.
 */
public record Price(Double usdPerHour, String provider, String instanceType, String region, String pricingModel) {
    public Price {
        boolean catalogue = provider != null || instanceType != null;
        if (usdPerHour == null && !catalogue)
            throw new InvalidSpecException(
                    "usd_per_hour", "give 'usd_per_hour', or 'provider' and 'instance_type' from the price catalogue");
        if (usdPerHour != null) InvalidSpecException.nonNegative("usd_per_hour", usdPerHour);
        if (usdPerHour != null && catalogue)
            throw new InvalidSpecException(
                    "usd_per_hour",
                    "give either 'usd_per_hour' or a catalogue entry ('provider', 'instance_type'), not both");
        if (!catalogue && (region != null || pricingModel != null))
            throw new InvalidSpecException(
                    region != null ? "region" : "pricing_model",
                    "belongs to a catalogue entry: give 'provider' and 'instance_type' too");
        if (catalogue && (provider == null || instanceType == null)) {
            throw new InvalidSpecException(
                    provider == null ? "provider" : "instance_type",
                    "a catalogue price needs both 'provider' and 'instance_type'");
        }
    }

    public static Price perHour(double usd) {
        return new Price(usd, null, null, null, null);
    }

    public boolean resolved() {
        return usdPerHour != null;
    }

    /** The resolved price; the catalogue reference it came from is not kept. */
    public Price withUsdPerHour(double usd) {
        return Price.perHour(usd);
    }

    public double usdPerSecond() {
        if (usdPerHour == null) throw new IllegalStateException("price of " + instanceType + " not resolved");
        return usdPerHour / 3600.0;
    }
}
