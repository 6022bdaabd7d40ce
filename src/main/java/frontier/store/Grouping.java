package frontier.store;

import frontier.domain.PricingModel;
import frontier.ingest.ChargeCategory;
import frontier.sim.BadInputException;

/**
 * One key cost totals are grouped by: a {@link Dimension}, or the value of one tag ({@code tag:KEY},
 * null for charges without that tag).
 *
 * @param dimension the dimension, or null for a tag
 * @param tag       the tag key, or null for a dimension
 */
public record Grouping(Dimension dimension, String tag) {
    public Grouping {
        if ((dimension == null) == (tag == null)) throw new IllegalArgumentException("a dimension or a tag");
    }

    public static Grouping of(Dimension d) {
        return new Grouping(d, null);
    }

    public static Grouping tag(String key) {
        if (key.isEmpty()) throw new BadInputException("tag: expected a tag key after 'tag:', like tag:team");
        if (key.indexOf('"') >= 0) throw new BadInputException("tag:" + key + ": a tag key cannot contain '\"'");
        return new Grouping(null, key);
    }

    /** "pricing-model", "instance-type", "tag:team"…; null when {@code code} names no dimension. */
    public static Grouping parse(String code) {
        String c = code.strip();
        if (c.regionMatches(true, 0, "tag:", 0, 4)) return tag(c.substring(4));
        return Dimension.find(c).map(Grouping::of).orElse(null);
    }

    /** The code as on the command line: "pricing-model", "tag:team". */
    public String code() {
        return dimension != null ? dimension.code() : "tag:" + tag;
    }

    /** The JSON and CSV key: "pricing_model", "tag:team". */
    public String key() {
        return dimension != null ? dimension.code().replace('-', '_') : "tag:" + tag;
    }

    public String label() {
        return dimension != null ? dimension.label() : "Tag " + tag;
    }

    /**
     * A stored value of this grouping as shown to people: the label of a pricing model or charge category
     * code ("On-demand" for {@code on_demand}), other values as they are; null for null.
     */
    public String valueLabel(String value) {
        if (value == null || dimension == null) return value;
        return switch (dimension) {
            case PRICING_MODEL -> PricingModel.stored(value).label();
            case CHARGE_CATEGORY -> ChargeCategory.stored(value).label();
            default -> value;
        };
    }

    /** The SQL expression; a tag's has one parameter, its JSON path ({@link #jsonPath()}). */
    String sql() {
        return dimension != null ? dimension.sql : "json_extract(d.tags, ?)";
    }

    String jsonPath() {
        return "$.\"" + tag + "\"";
    }
}
