package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags (labels) of a charge in their canonical form: a JSON object with keys sorted and every value a
 * string, so that the same tags always make the same text (they are stored once per distinct tuple).
 * Parsing is cached: exports repeat the same few tag sets on thousands of rows.
 */
final class Tags {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CACHE = 4096;
    /** What a malformed cell maps to in the cache, so it is reported every time it is met. */
    private static final String BAD = new String("bad");

    private final Map<String, String> cache = new HashMap<>();

    /** Canonical JSON of {@code tags}, or null when there are none. */
    static String canonical(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) return null;
        try {
            return JSON.writeValueAsString(tags instanceof TreeMap ? tags : new TreeMap<>(tags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON object of tags ({@code {"env":"prod"}}), also without its braces as Azure writes it
     * ({@code "env": "prod","team": "x"}); null when empty; throws the row's bad-input error when malformed.
     */
    String fromObject(Row r, int column) {
        String v = RowMapper.text(r, column);
        if (v == null) return null;
        String c = cache.get(v);
        if (c == null) {
            c = parseObject(v);
            remember(v, c);
        }
        if (c == BAD) throw r.bad(column, "tags as a JSON object like {\"env\":\"prod\"}");
        return c.isEmpty() ? null : c;
    }

    /** BigQuery's repeated key/value records ({@code [{"key":"env","value":"prod"}]}), as GCP writes labels. */
    String fromKeyValueArray(Row r, int column) {
        String v = RowMapper.text(r, column);
        if (v == null || v.equals("[]")) return null;
        String c = cache.get(v);
        if (c == null) {
            c = parseKeyValues(v);
            remember(v, c);
        }
        if (c == BAD) throw r.bad(column, "labels as a JSON array like [{\"key\":\"env\",\"value\":\"prod\"}]");
        return c.isEmpty() ? null : c;
    }

    /** Tag columns of a header: their indices and the tag key each holds. */
    record TagColumns(int[] columns, String[] keys) {}

    /**
     * The header's tag columns, one per key, named PREFIX + KEY for any of {@code prefixes} (case ignored;
     * a column that is only the prefix is not a tag); each is marked used. For {@link #fromColumns}.
     */
    static TagColumns columnsWithPrefix(Columns c, String... prefixes) {
        List<Integer> idx = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> names = c.names();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            for (String p : prefixes) {
                if (n.length() > p.length() && n.regionMatches(true, 0, p, 0, p.length())) {
                    idx.add(i);
                    String key = n.substring(p.length());
                    if (keys.contains(key)) c.markAmbiguous(n);
                    keys.add(key);
                    c.use(i);
                    break;
                }
            }
        }
        return new TagColumns(idx.stream().mapToInt(Integer::intValue).toArray(), keys.toArray(String[]::new));
    }

    private final Map<String, String> columnCache = new HashMap<>();

    /**
     * Tags written one column per key (OCI's {@code tags/KEY}, AWS CUR's {@code resourceTags/KEY}): the non-empty cells of {@code columns}
     * under the matching {@code keys}; null when every cell is empty. Cached on the cells' values.
     */
    String fromColumns(Row r, int[] columns, String[] keys) {
        StringBuilder raw = null;
        for (int i = 0; i < columns.length; i++) {
            String v = r.get(columns[i]);
            if (v == null) continue;
            if (raw == null) raw = new StringBuilder();
            raw.append(i).append(':').append(v.length()).append(':').append(v); // length-prefixed: unambiguous
        }
        if (raw == null) return null;
        String k = raw.toString();
        String c = columnCache.get(k);
        if (c == null) {
            Map<String, String> m = new TreeMap<>();
            for (int i = 0; i < columns.length; i++) {
                String v = r.get(columns[i]);
                if (v != null) m.put(keys[i], v);
            }
            c = canonical(m);
            if (columnCache.size() >= CACHE) columnCache.clear();
            columnCache.put(k, c);
        }
        return c;
    }

    private void remember(String raw, String canonical) {
        if (cache.size() >= CACHE) cache.clear();
        cache.put(raw, canonical);
    }

    private static String parseObject(String v) {
        String t = v.strip();
        if (t.isEmpty() || t.equals("{}")) return "";
        if (!t.startsWith("{")) t = "{" + t + "}";
        try {
            JsonNode n = JSON.readTree(t);
            if (n == null || !n.isObject()) return BAD;
            Map<String, String> m = new TreeMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), text(e.getValue())));
            return m.isEmpty() ? "" : canonical(m);
        } catch (JsonProcessingException e) {
            return BAD;
        }
    }

    private static String parseKeyValues(String v) {
        try {
            JsonNode n = JSON.readTree(v);
            if (n == null || !n.isArray()) return BAD;
            Map<String, String> m = new TreeMap<>();
            for (JsonNode e : n) {
                JsonNode k = e.get("key");
                if (k == null || k.isNull()) return BAD;
                JsonNode val = e.get("value");
                m.put(k.asText(), val == null ? "" : text(val));
            }
            return m.isEmpty() ? "" : canonical(m);
        } catch (JsonProcessingException e) {
            return BAD;
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return "";
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private final Map<String, JsonNode> objects = new HashMap<>();

    /**
     * A value of a small JSON object cell (FOCUS SkuPriceDetails, Azure AdditionalInfo), or null when
     * the cell is empty, not JSON or lacks the key: these cells only enrich a charge, never refuse it.
     */
    String field(String json, String key) {
        if (json == null || !json.contains(key)) return null;
        JsonNode n = objects.get(json);
        if (n == null) {
            try {
                n = JSON.readTree(json.strip().startsWith("{") ? json : "{" + json + "}");
            } catch (JsonProcessingException e) {
                n = null;
            }
            if (n == null || !n.isObject()) n = JSON.createObjectNode();
            if (objects.size() >= CACHE) objects.clear();
            objects.put(json, n);
        }
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
