package frontier.app.simulate;

/**
 * One line of the cost table.
 *
 * @param item  what is shown; lines that belong to a pool are indented under it
 * @param value the mean over replications as shown, with "± half-width" when there are several
 * @param unit  unit of {@code value}
 * @param share for pools their share of the total cost, for cost states their share of the pool's; else empty
 * @param mean  the unformatted mean, in {@code unit}
 * @param heading whether the line heads a group (the total, a pool)
 */
public record CostRow(String item, String value, String unit, String share, double mean, boolean heading) {}
