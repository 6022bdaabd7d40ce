package frontier.store;

import java.util.List;

/**
 * Totals of every request in the workspace, and per endpoint and model.
 *
 * @param first  earliest request start (epoch seconds), null when there are no requests
 * @param last   latest request start, null when there are none
 * @param groups per endpoint and model, ordered by endpoint then model
 */
public record LogSummary(
        long imports,
        long requests,
        long errors,
        Double first,
        Double last,
        long inputTokens,
        long outputTokens,
        double busySeconds,
        List<LogGroup> groups) {}
