package frontier.store;

import frontier.domain.PricingModel;
import frontier.ingest.ChargeCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One group's totals: exact sums of the lines' billed, effective and list cost (each null when no line
 * of the group carries that figure, e.g. effective cost from an Azure actual-cost export, or list cost
 * of lines imported before schema version 2).
 *
 * @param by   what the query grouped by, in order
 * @param keys one value per grouping of the query, in order, as stored (null where the export left it empty)
 * @param rows the number of cost lines in the group
 */
public record CostRow(
        List<Grouping> by,
        List<String> keys,
        String currency,
        BigDecimal billed,
        BigDecimal effective,
        BigDecimal list,
        long rows) {
    public CostRow {
        by = List.copyOf(by);
        keys = Collections.unmodifiableList(new ArrayList<>(keys));
        if (by.size() != keys.size())
            throw new IllegalArgumentException(by.size() + " groupings but " + keys.size() + " keys");
    }

    /** The group's pricing model, when the query grouped by it. */
    public Optional<PricingModel> pricingModel() {
        int i = by.indexOf(Grouping.of(Dimension.PRICING_MODEL));
        return i < 0 ? Optional.empty() : Optional.of(PricingModel.stored(keys.get(i)));
    }

    /** The group's charge category, when the query grouped by it. */
    public Optional<ChargeCategory> chargeCategory() {
        int i = by.indexOf(Grouping.of(Dimension.CHARGE_CATEGORY));
        return i < 0 ? Optional.empty() : Optional.of(ChargeCategory.stored(keys.get(i)));
    }

    /** The {@code i}th key as shown to people ({@link Grouping#valueLabel}); null where the export left it empty. */
    public String label(int i) {
        return by.get(i).valueLabel(keys.get(i));
    }
}
