package frontier.ingest;

/**
 * How to read an export.
 *
 * @param format     the format to insist on, or null to detect it from the header
 * @param azureBasis for Azure exports, actual or amortised cost; null to take it from the file name
 *                   ("amortized"/"amortised" in it means amortised) and otherwise assume actual
 * @param limits     field and line limits; null for the {@linkplain InputLimits#configured() configured} ones
 */
public record ReadOptions(BillingFormat format, CostBasis azureBasis, InputLimits limits) {
    public static final ReadOptions DETECT = new ReadOptions(null, null);

    public ReadOptions(BillingFormat format, CostBasis azureBasis) {
        this(format, azureBasis, null);
    }

    /** The limits given, else the configured ones (read when asked, so a property set later counts). */
    @Override
    public InputLimits limits() {
        return limits != null ? limits : InputLimits.configured();
    }

    public ReadOptions withLimits(InputLimits l) {
        return new ReadOptions(format, azureBasis, l);
    }
}
