package frontier.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one attribution rule would claim among the workspace's cost lines, given the rules around it
 * (first match wins): the lines and their cost per currency, where each of them goes today without the
 * rule (another rule, or nowhere), and the first few lines as examples. Cost is the effective cost,
 * or the billed cost where a line has none (as unit cost reads it).
 *
 * @param lines   cost lines the rule would claim
 * @param cost    their cost per currency, in currency order
 * @param taken   where those lines go without the rule, largest share first
 * @param sample  the first {@value #SAMPLE} of them, in storage order
 */
public record AttributionPreview(long lines, Map<String, BigDecimal> cost, List<Taken> taken, List<Line> sample) {
    /** Lines kept as examples. */
    public static final int SAMPLE = 200;

    public AttributionPreview {
        cost = Map.copyOf(cost);
        taken = List.copyOf(taken);
        sample = List.copyOf(sample);
    }

    /**
     * Lines the rule takes from {@code rule} (null: from no rule, lines that are unattributed today).
     *
     * @param cost per currency
     */
    public record Taken(AttributionRule rule, long lines, Map<String, BigDecimal> cost) {
        public Taken {
            cost = Map.copyOf(cost);
        }
    }

    /**
     * One claimed line: what it is, the value the rule matched and where the rule sends it.
     *
     * @param value    the line's field the rule matched
     * @param endpoint the endpoint the rule gives it (null for none)
     * @param model    the model the rule gives it (null for none)
     */
    public record Line(
            long periodStart,
            String service,
            String instanceType,
            String resourceId,
            String tags,
            BigDecimal cost,
            String currency,
            String value,
            String endpoint,
            String model) {}
}
