package frontier.ingest;

/**
 * The rows of one data file of a billing export, whatever its layout (CSV, JSON lines, Parquet): the column names
 * its format is detected from and its mapper reads by, then one {@link Row} at a time.
 */
interface RowSource {
    /** The columns the mapper reads by (for JSON lines: the first line's keys and the GCP keys a line may omit). */
    Columns columns();

    /** The columns the format is detected from: {@link #columns()}, except for JSON lines (the first line's keys). */
    default Columns detection() {
        return columns();
    }

    /** Whether the rows are JSON lines (detected by {@link FormatDetection#ofJsonLines}). */
    default boolean jsonLines() {
        return false;
    }

    /** Called once the mapper is made (and has said which columns it reads), before the first {@link #next()}. */
    default void start() {}

    /** Moves to the next row; false at the end. */
    boolean next();

    /** The current row. */
    Row row();

    /** The current line (or row number), for messages. */
    long line();

    default void close() {}
}
