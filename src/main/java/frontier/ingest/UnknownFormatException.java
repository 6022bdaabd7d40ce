package frontier.ingest;

import frontier.sim.BadInputException;

/**
 * Format detection found no known billing export in the file's header (CSV columns or JSON keys); the
 * file was otherwise readable. Front ends that accept other kinds of files (request logs) try those next.
 */
public final class UnknownFormatException extends BadInputException {
    public UnknownFormatException(String message) {
        super(message);
    }
}
