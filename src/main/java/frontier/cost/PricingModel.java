package frontier.cost;

import java.util.Locale;
import java.util.Optional;

/** How capacity is bought. Catalogue files and JSON spell it in lower case: {@code on_demand}, {@code spot}, ... */
public enum PricingModel {
    ON_DEMAND, SPOT, COMMITTED, SERVERLESS;

    /** The spelling used in CSV and JSON files ({@code on_demand}, {@code spot}, {@code committed}, {@code serverless}). */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model with the given CSV/JSON spelling (case-insensitive, '-' accepted for '_'), if any. */
    public static Optional<PricingModel> fromCsv(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PricingModel m : values()) {
            if (m.name().equals(t)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
