package frontier.app;

import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The words around an exported chart: a title, a subtitle (the scenario or workspace and the period) and a
 * source line (Frontier's version and the date of the price catalogue the numbers used).
 */
public record ChartCaption(String title, String subtitle, String source) {
    public ChartCaption {
        title = Objects.requireNonNullElse(title, "");
        subtitle = Objects.requireNonNullElse(subtitle, "");
        source = Objects.requireNonNullElse(source, "");
    }

    /** A caption whose source line names this Frontier's version and the shipped price catalogue's date. */
    public static ChartCaption of(String title, String subtitle) {
        return new ChartCaption(title, subtitle, sourceLine());
    }

    /** "Frontier 0.1.0 · prices as of 2025-06-01": the version from the jar's manifest ("dev" when run from classes). */
    public static String sourceLine() {
        String version = ChartCaption.class.getPackage().getImplementationVersion();
        String line = "Frontier " + (version == null ? "dev" : version);
        LocalDate prices = pricesAsOf();
        return prices == null ? line : line + " \u00b7 prices as of " + prices;
    }

    private static LocalDate pricesAsOf() {
        try {
            return PriceCatalogue.shipped().instances().stream()
                    .map(InstancePrice::asOf)
                    .filter(Objects::nonNull)
                    .max(LocalDate::compareTo)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
