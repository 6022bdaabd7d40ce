package frontier.ingest;

import frontier.sim.BadInputException;
import java.io.Reader;
import java.util.List;

/** The rows of a CSV part: its header line names the columns; an empty or unquoted {@code NULL} field is null. */
final class CsvRowSource implements RowSource {
    private final CsvParser csv;
    private final String name;
    private final Columns columns;
    private final Row row;

    private CsvRowSource(CsvParser csv, String name, String[] header) {
        this.csv = csv;
        this.name = name;
        this.columns = new Columns(List.of(header));
        int width = header.length;
        this.row = new Row() {
            @Override
            public String get(int i) {
                if (csv.isEmpty(i)) return null;
                if (!csv.isQuoted(i) && csv.fieldEquals(i, "NULL")) return null;
                return csv.field(i);
            }

            @Override
            public long line() {
                return csv.line();
            }

            @Override
            public String file() {
                return name;
            }

            @Override
            public String columnName(int i) {
                return i < width ? header[i] : "#" + (i + 1);
            }

            @Override
            public String describeColumn(int i) {
                return "column " + (i + 1) + " (" + columnName(i) + ")";
            }
        };
    }

    /** Reads the header line; a file without one is refused. */
    static CsvRowSource open(Reader reader, String name, InputLimits limits) {
        CsvParser csv = new CsvParser(reader, name, limits);
        if (!csv.next())
            throw new BadInputException(name + ": the file is empty; expected a header line of column names");
        return new CsvRowSource(csv, name, csv.record());
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (!csv.next()) return false;
        if (csv.size() != columns.size()) {
            throw new BadInputException(name + ": line " + csv.line() + ": expected " + columns.size()
                    + " fields as in the header, found " + csv.size());
        }
        return true;
    }

    @Override
    public Row row() {
        return row;
    }

    @Override
    public long line() {
        return csv.line();
    }
}
