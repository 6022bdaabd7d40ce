package frontier.app.costs;

import frontier.domain.PricingModel;
import frontier.store.Grouping;
import java.util.Map;

/**
 * The colours of the Costs chart, in one place (to be swapped for the application's theme palette):
 * pricing models keep theirs whatever the data, other groups take the palette in rank order, and the
 * "all others" segment is grey.
 */
final class CostColours {
    static final String OTHERS = "#9aa3ad";
    static final String[] PALETTE = {"#3d7bd9", "#f08c2e", "#2e9e5b", "#c9479b", "#8e6bbf", "#1aa3a3", "#d94c3d", "#b8a030"};
    private static final Map<PricingModel, String> MODELS = Map.of(PricingModel.ON_DEMAND, "#3d7bd9", PricingModel.COMMITMENT, "#2e9e5b",
            PricingModel.SPOT, "#f08c2e", PricingModel.SERVERLESS, "#c9479b", PricingModel.OTHER, "#8e6bbf", PricingModel.UNSPECIFIED, OTHERS);

    private CostColours() {
    }

    /** The colour of series {@code s} stacked by {@code by}, {@code rank} being its place among the non-others series. */
    static String of(Grouping by, CostBreakdown.Series s, int rank) {
        if (s.others()) return OTHERS;
        if (s.pricingModel() != null) return MODELS.get(s.pricingModel());
        return PALETTE[rank % PALETTE.length];
    }
}
