package frontier.ingest;

/**
 * How to read an export.
 *
 * @param format     the format to insist on, or null to detect it from the header
 * @param azureBasis for Azure exports, actual or amortised cost; null to take it from the file name
 *                   ("amortized"/"amortised" in it means amortised) and otherwise assume actual
 */
public record ReadOptions(BillingFormat format, CostBasis azureBasis) {
    public static final ReadOptions DETECT = new ReadOptions(null, null);
}
