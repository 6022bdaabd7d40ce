package frontier.model.pool;

import frontier.sim.InvalidSpecException;

/**
 * The price of one instance: inline {@code usd_per_hour}, or a catalogue entry (provider, instance
 * type, region, pricing model) that the scenario loader resolves to {@code usd_per_hour} before the run.
 * An inline price may name its machine as well ({@code instance_type}, optionally {@code provider} and
 * {@code region}: a twin's billed price): the inline price is used, and the machine tells an alternative
 * which catalogue entry to look up for another pricing model or a cheaper type.
 */
public record Price(Double usdPerHour, String provider, String instanceType, String region, String pricingModel) {
    public Price {
        boolean catalogue = provider != null || instanceType != null;
        if (usdPerHour == null && !catalogue)
            throw new InvalidSpecException(
                    "usd_per_hour", "give 'usd_per_hour', or 'provider' and 'instance_type' from the price catalogue");
        if (usdPerHour != null) InvalidSpecException.nonNegative("usd_per_hour", usdPerHour);
        if (usdPerHour != null && pricingModel != null)
            throw new InvalidSpecException(
                    "pricing_model",
                    "belongs to a catalogue price: an inline 'usd_per_hour' is already the price of one pricing model");
        if (instanceType == null && (region != null || pricingModel != null || provider != null && usdPerHour != null))
            throw new InvalidSpecException(
                    "instance_type",
                    (region != null ? "'region'" : pricingModel != null ? "'pricing_model'" : "'provider'")
                            + " names a catalogue machine: give 'instance_type' too");
        if (usdPerHour == null && catalogue && (provider == null || instanceType == null)) {
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
