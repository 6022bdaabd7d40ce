package frontier.store;

import java.time.Instant;

/**
 * One request-log import in the workspace history.
 *
 * @param preset  the preset used, or null when the mapping was detected or given column by column
 * @param mapping the mapping used, as JSON ({@link frontier.ingest.logs.LogMapping#fromJson} reads it)
 * @param firstTs earliest request start (epoch seconds), or null when the import holds no requests
 * @param lastTs  latest request start (epoch seconds), or null
 */
public record LogImportRecord(
        long id,
        String source,
        String preset,
        String mapping,
        String sha256,
        long bytes,
        long rows,
        Double firstTs,
        Double lastTs,
        Instant importedAt,
        double seconds) {}
