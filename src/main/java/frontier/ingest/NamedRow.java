package frontier.ingest;

import java.util.List;

/**
 * A {@link Row} of a source whose columns have names (a JSON Lines file's fields, a Parquet file's columns): its
 * messages name the source, and a column as "{@code noun} NAME" ("field cost", "column BilledCost").
 */
abstract class NamedRow implements Row {
    /** The source's name in messages. */
    final String name;
    /** The column names, in column order (may be filled after construction, by the subclass). */
    final List<String> names;

    private final String noun;

    NamedRow(String name, List<String> names, String noun) {
        this.name = name;
        this.names = names;
        this.noun = noun;
    }

    @Override
    public String file() {
        return name;
    }

    @Override
    public String columnName(int i) {
        return names.get(i);
    }

    @Override
    public String describeColumn(int i) {
        return noun + " " + names.get(i);
    }
}
