package frontier.store;

import frontier.ingest.logs.LogLayout;
import frontier.ingest.logs.LogMapping;
import java.util.List;

/**
 * What one committed request-log import did.
 *
 * @param replacedRows requests of an earlier import of the same content deleted because of {@code replace}
 * @param notes        things worth telling the user (assumptions made while reading)
 */
public record LogImportResult(
        LogImportRecord record, LogLayout layout, LogMapping mapping, long replacedRows, List<String> notes) {}
