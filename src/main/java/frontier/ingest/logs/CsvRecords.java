package frontier.ingest.logs;

import frontier.ingest.Columns;
import frontier.ingest.CsvParser;
import frontier.ingest.InputLimits;
import frontier.sim.BadInputException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV log with a header line, read with {@link CsvParser}; names are matched exactly, then by {@link Columns#canon}. */
final class CsvRecords extends Records {
    private final CsvParser csv;
    private final List<String> header;
    private final List<String> raw;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Columns canon;
    private final boolean[] excluded;
    private final StringBuilder attrs = new StringBuilder(256);

    CsvRecords(Reader in, String file, InputLimits limits) {
        super(file);
        csv = new CsvParser(in, file, limits);
        if (!csv.next())
            throw new BadInputException(file + ": the file is empty; expected a header line of column names");
        String[] names = csv.record();
        raw = java.util.Arrays.stream(names).map(String::strip).toList();
        header = header(names);
        for (int i = 0; i < header.size(); i++) exact.putIfAbsent(header.get(i), i);
        canon = new Columns(header);
        excluded = new boolean[header.size()];
    }

    /** Column names, with "column_N" for empty ones and "_N" appended to repeats, so attrs keys are unique. */
    static List<String> header(String[] raw) {
        List<String> out = new ArrayList<>(raw.length);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < raw.length; i++) {
            String n = raw[i].strip();
            if (n.isEmpty()) n = "column_" + (i + 1);
            if (!seen.add(n)) {
                n = n + "_" + (i + 1);
                seen.add(n);
            }
            out.add(n);
        }
        return out;
    }

    @Override
    List<String> names() {
        return header;
    }

    @Override
    Field field(String spec) {
        for (String name : spec.split("\\|")) {
            Integer i = exact.get(name.strip());
            if (i == null) {
                int c = canon.find(Columns.canon(name));
                if (c >= 0) i = c;
            }
            if (i != null) return new Field(header.get(i), i, List.of(header.get(i)));
        }
        return null;
    }

    @Override
    List<Integer> copies(Field f) {
        if (f.index() < 0) return List.of();
        String name = raw.get(f.index());
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) if (raw.get(i).equals(name)) at.add(i + 1);
        return at.size() > 1 ? at : List.of();
    }

    @Override
    boolean next() {
        if (!csv.next()) return false;
        if (csv.size() != header.size()) {
            throw new BadInputException(file + ": line " + csv.line() + ": expected " + header.size()
                    + " fields as in the header, found " + csv.size());
        }
        return true;
    }

    /** The raw value of column i of the current record, or null when empty or an unquoted NULL (as database exports write it). */
    String text(int i) {
        if (csv.isEmpty(i) || (!csv.isQuoted(i) && csv.fieldEquals(i, "NULL"))) return null;
        return csv.field(i);
    }

    @Override
    String text(Field f) {
        return text(f.index());
    }

    @Override
    long line() {
        return csv.line();
    }

    @Override
    String describe(Field f) {
        return "column " + (f.index() + 1) + " (" + f.name() + ")";
    }

    /** "column 7 (12)" for a column by index. */
    String describe(int i) {
        return "column " + (i + 1) + " (" + header.get(i) + ")";
    }

    @Override
    void exclude(Field f) {
        excluded[f.index()] = true;
    }

    void exclude(int i) {
        excluded[i] = true;
    }

    @Override
    String attrs() {
        attrs.setLength(0);
        for (int i = 0; i < excluded.length; i++) {
            String v = excluded[i] ? null : text(i);
            if (v == null) continue;
            attrKey(attrs, header.get(i));
            quote(attrs, v);
        }
        return attrsObject(attrs);
    }

    @Override
    public void close() {
        csv.close();
    }
}
