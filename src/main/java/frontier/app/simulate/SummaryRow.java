package frontier.app.simulate;

/**
 * One line of the key-figures table.
 *
 * @param metric    what is measured
 * @param value     the mean over replications as shown, with "± half-width" when there are several
 * @param unit      unit of {@code value}
 * @param mean      the unformatted mean, in {@code unit}
 * @param halfWidth the unformatted 95% half-width, NaN with one replication
 * @param description what the figure means (the row's tooltip), from the metric catalogue
 */
public record SummaryRow(String metric, String value, String unit, double mean, double halfWidth, String description) {}
