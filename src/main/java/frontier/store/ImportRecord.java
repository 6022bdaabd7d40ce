package frontier.store;

import frontier.ingest.CostBasis;
import java.time.Instant;

/**
 * One import in the workspace history.
 *
 * @param periodStart earliest charge-period start (epoch s), or null when the import holds no rows
 * @param periodEnd   latest charge-period end (epoch s), or null
 * @param accounts    "provider account" pairs it covers, comma-separated
 */
public record ImportRecord(
        long id,
        String source,
        String format,
        CostBasis basis,
        String sha256,
        long bytes,
        long rows,
        Long periodStart,
        Long periodEnd,
        Instant importedAt,
        double seconds,
        String accounts) {}
