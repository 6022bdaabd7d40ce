package frontier.app.costs;

import frontier.app.ChartColours;
import frontier.domain.PricingModel;
import frontier.store.Grouping;
import java.util.Map;

/**
 * The colour classes of the Costs chart, in one place:
 * pricing models keep theirs whatever the data, other groups take the palette in rank order, and the
 * "all others" segment is grey.
 */
final class CostColours {
    /** Colour classes of frontier.css ({@link ChartColours}), so the chart follows the light or dark theme. */
    static final String OTHERS = "colour-others";

    private static final Map<PricingModel, String> MODELS = Map.of(
            PricingModel.ON_DEMAND,
            ChartColours.colour(0),
            PricingModel.COMMITMENT,
            ChartColours.colour(2),
            PricingModel.SPOT,
            ChartColours.colour(1),
            PricingModel.SERVERLESS,
            ChartColours.colour(3),
            PricingModel.OTHER,
            ChartColours.colour(4),
            PricingModel.UNSPECIFIED,
            OTHERS);

    private CostColours() {}

    /** The colour of series {@code s} stacked by {@code by}, {@code rank} being its place among the non-others series. */
    static String of(Grouping by, CostBreakdown.Series s, int rank) {
        if (s.others()) return OTHERS;
        if (s.pricingModel() != null) return MODELS.get(s.pricingModel());
        return ChartColours.colour(rank);
    }
}
