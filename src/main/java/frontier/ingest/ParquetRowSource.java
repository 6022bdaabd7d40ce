package frontier.ingest;

import java.nio.file.Path;

/** The rows of a Parquet part ({@link ParquetRows}): its top-level columns are the header; only the columns the mapper reads are decoded. */
final class ParquetRowSource implements RowSource {
    private final ParquetRows parquet;
    private final Columns columns;

    private ParquetRowSource(ParquetRows parquet) {
        this.parquet = parquet;
        this.columns = new Columns(parquet.columnNames());
    }

    static ParquetRowSource open(Path path, String name) {
        return new ParquetRowSource(ParquetRows.open(path, name));
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    public void start() {
        parquet.start(columns.used());
    }

    @Override
    public boolean next() {
        return parquet.next();
    }

    @Override
    public Row row() {
        return parquet;
    }

    @Override
    public long line() {
        return parquet.line();
    }

    long rowCount() {
        return parquet.rowCount();
    }

    long rowsRead() {
        return parquet.rowsRead();
    }

    @Override
    public void close() {
        parquet.close();
    }
}
