package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import frontier.sim.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a JSON-lines part (GCP's BigQuery export): one object per line, nested objects flattened to
 * canonical keys; the first line's keys (plus the GCP keys a line may omit when null) are the columns.
 */
final class JsonLinesRowSource implements RowSource {
    /** GCP columns a JSON line may omit when null: known to the mapper even if the first line lacks them. */
    private static final List<String> GCP_KEYS = List.of(
            "billingaccountid",
            "servicedescription",
            "skuid",
            "skudescription",
            "usagestarttime",
            "usageendtime",
            "projectid",
            "locationregion",
            "locationlocation",
            "cost",
            "currency",
            "usageamount",
            "usageunit",
            "usageamountinpricingunits",
            "usagepricingunit",
            "costtype",
            "credits",
            "resourcename",
            "resourceglobalname",
            "costatlist",
            "labels",
            "systemlabels");

    private final BufferedReader reader;
    private final String name;
    private final InputLimits limits;
    private final ObjectMapper json;
    private long line;
    private Columns detection;
    private Columns columns;
    private Row row;
    private Map<String, String> pending;
    private Map<String, String> current;

    private JsonLinesRowSource(Reader reader, String name, InputLimits limits) {
        this.reader = new BufferedReader(new LineLimitReader(reader, name, limits), 1 << 16);
        this.name = name;
        this.limits = limits;
        this.json = JsonMapper.builder(limits.jsonFactory())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** Reads the first line, whose keys name the columns; an empty file is refused. */
    static JsonLinesRowSource open(Reader reader, String name, InputLimits limits) throws IOException {
        JsonLinesRowSource s = new JsonLinesRowSource(reader, name, limits);
        Map<String, String> first = s.readJsonLine();
        if (first == null) throw new BadInputException(name + ": the file is empty; expected JSON lines");
        Set<String> keys = new LinkedHashSet<>(first.keySet());
        s.detection = new Columns(new ArrayList<>(keys));
        keys.addAll(GCP_KEYS);
        List<String> names = new ArrayList<>(keys);
        s.columns = new Columns(names);
        s.pending = first;
        s.row = new NamedRow(name, names, "field") {
            @Override
            public String get(int i) {
                String v = s.current.get(names.get(i));
                return v == null || v.isEmpty() ? null : v;
            }

            @Override
            public long line() {
                return s.line;
            }
        };
        return s;
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    public Columns detection() {
        return detection;
    }

    @Override
    public boolean jsonLines() {
        return true;
    }

    @Override
    public boolean next() {
        try {
            current = pending != null ? pending : readJsonLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending = null;
        return current != null;
    }

    @Override
    public Row row() {
        return row;
    }

    @Override
    public long line() {
        return line;
    }

    /** The next JSON line flattened to canonical keys, or null at the end. */
    private Map<String, String> readJsonLine() throws IOException {
        String text;
        do {
            text = reader.readLine();
            if (text == null) return null;
            line++;
        } while (text.isBlank());
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new BadInputException(
                    name + ": line " + line + column(e) + ": " + limits.jsonLimitMessage(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new BadInputException(name + ": line " + line + column(e) + ": expected one JSON object per line ("
                    + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(name + ": line " + line + ": expected a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    /** Jackson's location may be missing (a limit error raised outside the parser): then only the line is known. */
    private static String column(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null || loc.getColumnNr() < 1 ? "" : ", column " + loc.getColumnNr();
    }

    private void flatten(String prefix, JsonNode node, Map<String, String> out) {
        var it = node.properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            String key = prefix + Columns.canon(e.getKey());
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out);
                continue;
            }
            String text = v.isArray()
                    ? v.toString()
                    : v.isNull() ? null : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
            if (text == null) continue;
            if (out.put(key, text) != null) {
                // "cost" and "Cost", or "service.description" and "service_description": which one counts would be
                // an accident.
                throw new BadInputException(name + ": line " + line + ": two keys mean the same field '" + key
                        + "' (keys are compared by their letters and digits only); keep one");
            }
        }
    }
}
