package frontier.ingest.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import frontier.ingest.InputLimits;
import frontier.ingest.LineLimitReader;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines read with Jackson's streaming parser, one root object at a time (a tree per record, so
 * memory stays flat). Nested objects are flattened to dotted keys ({@code {"a":{"b":1}}} → {@code a.b});
 * arrays stay JSON. OpenTelemetry is understood: an OTLP export request ({@code resourceSpans}) gives
 * one record per span, and a span's attributes (an OTLP {@code [{key, value}]} list or an object) and its
 * resource's attributes become plain keys such as {@code gen_ai.request.model}.
 */
final class JsonRecords extends Records {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;
    private final InputLimits limits;
    private final JsonParser parser;
    private final ArrayDeque<Map<String, JsonNode>> queue = new ArrayDeque<>();
    private Map<String, JsonNode> current;
    private long line;
    private long queueLine;
    private List<String> names;
    private final Set<String> excluded = new HashSet<>();
    private final StringBuilder attrs = new StringBuilder(256);

    /** Reads {@code in} under {@code limits}: a longer line, a longer string or deeper nesting is bad input. */
    JsonRecords(Reader in, String file, InputLimits limits) {
        super(file);
        this.limits = limits;
        this.mapper = new ObjectMapper(limits.jsonFactory());
        try {
            parser = mapper.createParser(new LineLimitReader(in, file, limits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    List<String> names() {
        return names == null ? List.of() : names;
    }

    /** Always a field: any key may appear in a later record. {@link #seen} tells whether the first record had it. */
    @Override
    Field field(String spec) {
        List<String> keys = new ArrayList<>();
        for (String k : spec.split("\\|")) if (!k.isBlank()) keys.add(k.strip());
        if (keys.isEmpty()) return null;
        return new Field(String.join("|", keys), -1, List.copyOf(keys));
    }

    /** True if the first record had one of the field's keys. */
    boolean seen(Field f) {
        for (String k : f.keys()) if (names().contains(k)) return true;
        return false;
    }

    @Override
    boolean next() {
        if (!queue.isEmpty()) {
            current = queue.poll();
            line = queueLine;
            remember();
            return true;
        }
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null) return false;
                line = parser.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new BadInputException(file + ": line " + line + ", column "
                            + parser.currentTokenLocation().getColumnNr()
                            + ": expected a JSON object (one per line), got " + describe(t));
                }
                JsonNode node = mapper.readTree(parser);
                JsonNode resourceSpans = node.get("resourceSpans");
                if (resourceSpans != null && resourceSpans.isArray()) {
                    expand(resourceSpans);
                    if (queue.isEmpty()) continue;
                    queueLine = line;
                    current = queue.poll();
                } else {
                    current = new LinkedHashMap<>();
                    if (isSpan(node)) span(node, current);
                    else flatten("", node, current);
                }
                remember();
                return true;
            }
        } catch (StreamConstraintsException e) {
            throw new BadInputException(where(e) + ": " + limits.jsonLimitMessage(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new BadInputException(
                    where(e) + ": expected one JSON object per line (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "FILE: line 3, column 17" from the error's location, else the parser's (a limit error may carry none). */
    private String where(JsonProcessingException e) {
        var loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) loc = parser.currentLocation();
        if (loc == null || loc.getLineNr() < 1) return file + ": line " + line;
        return file + ": line " + loc.getLineNr() + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "");
    }

    private void remember() {
        if (names == null) names = List.copyOf(current.keySet());
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array (a JSON array file? expected JSON Lines: one object per line)";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static boolean isSpan(JsonNode node) {
        return node.has("startTimeUnixNano") || node.has("start_time_unix_nano");
    }

    /** One record per span of an OTLP export request, with its resource's attributes. */
    private void expand(JsonNode resourceSpans) {
        for (JsonNode rs : resourceSpans) {
            Map<String, JsonNode> resource = new LinkedHashMap<>();
            attributes(rs.path("resource").path("attributes"), resource);
            for (String scopes : new String[] {"scopeSpans", "instrumentationLibrarySpans"}) {
                for (JsonNode ss : rs.path(scopes)) {
                    for (JsonNode s : ss.path("spans")) {
                        if (!s.isObject()) continue;
                        Map<String, JsonNode> r = new LinkedHashMap<>();
                        span(s, r);
                        resource.forEach(r::putIfAbsent);
                        queue.add(r);
                    }
                }
            }
        }
    }

    /** A span's own fields flattened, its attributes as plain keys (the span's fields win on a clash). */
    private static void span(JsonNode s, Map<String, JsonNode> out) {
        var it = s.properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getKey().equals("attributes")) flatten(e.getKey(), e.getValue(), out);
        }
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        attributes(s.path("attributes"), attrs);
        attrs.forEach(out::putIfAbsent);
    }

    /** OTLP attributes ({@code [{"key":…,"value":{"stringValue":…}}]}) or a plain object, into plain keys. */
    private static void attributes(JsonNode a, Map<String, JsonNode> out) {
        if (a.isObject()) {
            var it = a.properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                flatten(e.getKey(), e.getValue(), out);
            }
        } else if (a.isArray()) {
            for (JsonNode kv : a) {
                JsonNode k = kv.get("key");
                if (k != null && k.isTextual()) out.put(k.asText(), anyValue(kv.path("value")));
            }
        }
    }

    /** The value of an OTLP AnyValue. */
    private static JsonNode anyValue(JsonNode v) {
        if (v.has("stringValue")) return v.get("stringValue");
        if (v.has("intValue")) {
            JsonNode i = v.get("intValue");
            if (i.isTextual()) {
                double d = Times.number(i.asText());
                return Double.isNaN(d) ? i : NODES.numberNode((long) d);
            }
            return i;
        }
        if (v.has("doubleValue")) return v.get("doubleValue");
        if (v.has("boolValue")) return v.get("boolValue");
        if (v.has("bytesValue")) return v.get("bytesValue");
        if (v.has("arrayValue")) {
            ArrayNode arr = NODES.arrayNode();
            for (JsonNode x : v.path("arrayValue").path("values")) arr.add(anyValue(x));
            return arr;
        }
        return v;
    }

    private static void flatten(String key, JsonNode v, Map<String, JsonNode> out) {
        if (v.isObject()) {
            var it = v.properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                flatten(key.isEmpty() ? e.getKey() : key + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(key, v);
        }
    }

    /** True if the current record has a key starting with {@code prefix} (an OpenTelemetry span with gen_ai attributes). */
    boolean hasKeyStartingWith(String prefix) {
        for (String k : current.keySet()) if (k.startsWith(prefix)) return true;
        return false;
    }

    @Override
    String text(Field f) {
        for (String k : f.keys()) {
            JsonNode v = current.get(k);
            if (v == null || v.isNull()) continue;
            String s = v.isValueNode() ? v.asText() : v.toString();
            if (!s.isEmpty()) return s;
        }
        return null;
    }

    /** True if the field has no value of its own in the current record but is an object (flattened to "key.…" keys). */
    boolean isObject(Field f) {
        for (String k : f.keys()) {
            String prefix = k + ".";
            for (String key : current.keySet()) if (key.startsWith(prefix)) return true;
        }
        return false;
    }

    @Override
    long line() {
        return line;
    }

    @Override
    void exclude(Field f) {
        excluded.addAll(f.keys());
    }

    @Override
    String attrs() {
        attrs.setLength(0);
        for (Map.Entry<String, JsonNode> e : current.entrySet()) {
            JsonNode v = e.getValue();
            if (excluded.contains(e.getKey())
                    || v.isNull()
                    || (v.isTextual() && v.asText().isEmpty())) continue;
            attrKey(attrs, e.getKey());
            if (v.isTextual()) quote(attrs, v.asText());
            else attrs.append(v);
        }
        return attrsObject(attrs);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a file we only read: nothing is lost.
        }
    }
}
