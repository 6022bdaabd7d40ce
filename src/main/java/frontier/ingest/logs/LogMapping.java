package frontier.ingest.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.sim.BadInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of a log hold what a request is made of, and how to read them. Its string form
 * ({@link #toMap()}, keys {@link #KEYS}) is what {@code --map key=value} edits and what the workspace
 * stores as JSON, so a stored mapping can be read back with {@link #fromJson} and reused.
 *
 * <p>A column name may list alternatives separated by '|' (the first present is used). Without a model
 * or endpoint column, or where its cell is empty, {@code modelValue}/{@code endpointValue} is used.
 * Without a status column every request counts as a success; with one, a request succeeds if its status
 * matches one of {@code okValues} or, when only {@code errorValues} are given, none of them (an empty
 * status then succeeds). A value "2xx" matches any three-digit code starting with 2; others match
 * case-insensitively.
 *
 * @param start    the instant relative timestamps count from; non-null exactly for the relative kinds
 * @param end      a column holding the end time (same kind as the timestamp); the latency is end − start
 * @param ttft     a column holding each request's time to first token (LLM serving), in {@code ttftUnit}
 * @param keepAttrs whether the columns not mapped are kept as a JSON object with each request
 */
public record LogMapping(
        LogLayout layout,
        String timestamp,
        TimeKind timestampKind,
        boolean timestampIsEnd,
        Instant start,
        String end,
        String latency,
        DurationUnit latencyUnit,
        String model,
        String modelValue,
        String endpoint,
        String endpointValue,
        String status,
        List<String> okValues,
        List<String> errorValues,
        String inputTokens,
        String outputTokens,
        String ttft,
        DurationUnit ttftUnit,
        boolean keepAttrs) {

    /** The keys of the string form, in order. */
    public static final List<String> KEYS = List.of(
            "layout",
            "timestamp",
            "timestamp_kind",
            "timestamp_is",
            "start",
            "end",
            "latency",
            "latency_unit",
            "model",
            "model_value",
            "endpoint",
            "endpoint_value",
            "status",
            "ok_values",
            "error_values",
            "input_tokens",
            "output_tokens",
            "ttft",
            "ttft_unit",
            "attrs");

    /** The keys whose value is a column (or field) name. */
    public static final List<String> COLUMN_KEYS = List.of(
            "timestamp", "end", "latency", "model", "endpoint", "status", "input_tokens", "output_tokens", "ttft");

    /** What success looks like when a status column is mapped without saying: HTTP 2xx and the usual words. */
    public static final List<String> DEFAULT_OK_VALUES =
            List.of("2xx", "ok", "success", "succeeded", "succeed", "true", "completed");

    private static final ObjectMapper JSON = new ObjectMapper();

    public LogMapping {
        if (layout == null) throw bad("layout", "one of the layouts", null);
        if (timestamp == null) throw bad("timestamp", "the column holding each request's time", null);
        if (timestampKind == null) throw bad("timestamp_kind", "one of " + TimeKind.codes(), null);
        if (timestampKind.relative() != (start != null)) {
            throw new BadInputException("mapping: 'start' is needed by (and only by) the relative timestamp kinds, got "
                    + (start == null ? "none" : start) + " for " + timestampKind.code());
        }
        if (latency != null && latencyUnit == null) throw bad("latency_unit", "s, ms or us", null);
        if (ttft != null && ttftUnit == null) throw bad("ttft_unit", "s, ms or us", null);
        if (latency != null && end != null) {
            throw new BadInputException(
                    "mapping: give either 'latency' (a duration column) or 'end' (an end-time column), not both");
        }
        if (timestampIsEnd && latency == null) {
            throw new BadInputException(
                    "mapping: 'timestamp_is=end' needs a 'latency' column: the start of a request is its end minus its duration");
        }
        okValues = List.copyOf(okValues == null ? List.of() : okValues);
        errorValues = List.copyOf(errorValues == null ? List.of() : errorValues);
        if (!okValues.isEmpty() && !errorValues.isEmpty()) {
            throw new BadInputException("mapping: give either 'ok_values' or 'error_values', not both");
        }
    }

    /** Whether a raw status value means success under this mapping (null: the log has no status for the request). */
    public boolean ok(String status) {
        if (status == null || status.isEmpty()) return okValues.isEmpty() || this.status == null;
        if (!okValues.isEmpty()) return matchesAny(okValues, status);
        return !matchesAny(errorValues, status);
    }

    private static boolean matchesAny(List<String> values, String status) {
        for (String v : values) {
            if (v.length() == 3 && v.charAt(1) == 'x' && v.charAt(2) == 'x') {
                if (status.length() == 3
                        && status.charAt(0) == v.charAt(0)
                        && Character.isDigit(status.charAt(1))
                        && Character.isDigit(status.charAt(2))) return true;
            } else if (v.equalsIgnoreCase(status)) {
                return true;
            }
        }
        return false;
    }

    /** The string form: every key of {@link #KEYS}, null where unset. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layout", layout.code());
        m.put("timestamp", timestamp);
        m.put("timestamp_kind", timestampKind.code());
        m.put("timestamp_is", timestampIsEnd ? "end" : "start");
        m.put("start", start == null ? null : start.toString());
        m.put("end", end);
        m.put("latency", latency);
        m.put("latency_unit", latencyUnit == null ? null : latencyUnit.code());
        m.put("model", model);
        m.put("model_value", modelValue);
        m.put("endpoint", endpoint);
        m.put("endpoint_value", endpointValue);
        m.put("status", status);
        m.put("ok_values", okValues.isEmpty() ? null : String.join(",", okValues));
        m.put("error_values", errorValues.isEmpty() ? null : String.join(",", errorValues));
        m.put("input_tokens", inputTokens);
        m.put("output_tokens", outputTokens);
        m.put("ttft", ttft);
        m.put("ttft_unit", ttftUnit == null ? null : ttftUnit.code());
        m.put("attrs", keepAttrs ? "keep" : "drop");
        return m;
    }

    /** "timestamp=TIMESTAMP (iso), input_tokens=ContextTokens, model='stem'": the mapping in one line. */
    public String describe() {
        Map<String, String> x = toMap();
        List<String> parts = new ArrayList<>();
        parts.add("timestamp=" + timestamp() + " (" + timestampKind().code() + (timestampIsEnd() ? ", the end" : "")
                + (start() != null ? " from " + start() : "") + ")");
        for (String k :
                new String[] {"end", "latency", "status", "input_tokens", "output_tokens", "ttft", "model", "endpoint"
                }) {
            if (x.get(k) != null) {
                String extra =
                        switch (k) {
                            case "latency" -> " (" + latencyUnit().code() + ")";
                            case "ttft" -> " (" + ttftUnit().code() + ")";
                            case "status" ->
                                " ("
                                        + (okValues().isEmpty()
                                                ? "errors: " + String.join(",", errorValues())
                                                : "ok: " + String.join(",", okValues()))
                                        + ")";
                            default -> "";
                        };
                parts.add(k + "=" + x.get(k) + extra);
            } else if (k.equals("model") || k.equals("endpoint")) {
                parts.add(k + "='" + x.get(k + "_value") + "'");
            }
        }
        if (!keepAttrs()) parts.add("attrs dropped");
        return String.join(", ", parts);
    }

    /** The JSON object of {@link #toMap()} (all values strings or null), as stored with an import. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        toMap().forEach(o::put);
        return o.toString();
    }

    /** Reads a mapping from its JSON form. */
    public static LogMapping fromJson(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("mapping: expected a JSON object (" + e.getOriginalMessage() + ")");
        }
        if (n == null || !n.isObject()) throw new BadInputException("mapping: expected a JSON object");
        Map<String, String> m = new LinkedHashMap<>();
        n.properties()
                .forEach(e -> m.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return fromMap(m);
    }

    /**
     * A mapping from its string form; absent keys take their defaults (timestamp_is start, latency_unit
     * ms when there is a latency column, {@link #DEFAULT_OK_VALUES} when there is a status column but
     * neither ok_values nor error_values, attrs keep). Unknown keys and bad values are errors naming the key.
     */
    public static LogMapping fromMap(Map<String, String> m) {
        for (String k : m.keySet()) {
            if (!KEYS.contains(k))
                throw new BadInputException(
                        "mapping: unknown key '" + k + "'; the keys are " + String.join(", ", KEYS));
        }
        String layoutCode = get(m, "layout");
        LogLayout layout =
                layoutCode == null ? null : LogLayout.find(layoutCode).orElse(null);
        if (layoutCode != null && layout == null) throw bad("layout", "one of " + layoutCodes(), layoutCode);
        String kindCode = get(m, "timestamp_kind");
        TimeKind kind = kindCode == null ? null : TimeKind.find(kindCode).orElse(null);
        if (kindCode != null && kind == null) throw bad("timestamp_kind", "one of " + TimeKind.codes(), kindCode);
        String is = get(m, "timestamp_is");
        boolean isEnd;
        if (is == null || is.equalsIgnoreCase("start")) isEnd = false;
        else if (is.equalsIgnoreCase("end")) isEnd = true;
        else throw bad("timestamp_is", "start or end", is);
        Instant start = null;
        String s = get(m, "start");
        if (s != null && kind != null && kind.relative()) start = instant(s, "mapping 'start'");
        String latency = get(m, "latency");
        String unitCode = get(m, "latency_unit");
        DurationUnit unit = unitCode == null
                ? (latency == null ? null : DurationUnit.MS)
                : DurationUnit.find(unitCode).orElse(null);
        if (unitCode != null && unit == null) throw bad("latency_unit", "s, ms or us", unitCode);
        String ttft = get(m, "ttft");
        String ttftUnitCode = get(m, "ttft_unit");
        DurationUnit ttftUnit = ttftUnitCode == null
                ? (ttft == null ? null : DurationUnit.MS)
                : DurationUnit.find(ttftUnitCode).orElse(null);
        if (ttftUnitCode != null && ttftUnit == null) throw bad("ttft_unit", "s, ms or us", ttftUnitCode);
        String attrs = get(m, "attrs");
        boolean keep;
        if (attrs == null || attrs.equalsIgnoreCase("keep")) keep = true;
        else if (attrs.equalsIgnoreCase("drop")) keep = false;
        else throw bad("attrs", "keep or drop", attrs);
        String status = get(m, "status");
        List<String> ok = list(get(m, "ok_values"));
        List<String> error = list(get(m, "error_values"));
        if (status != null && ok.isEmpty() && error.isEmpty()) ok = DEFAULT_OK_VALUES;
        return new LogMapping(
                layout,
                get(m, "timestamp"),
                kind,
                isEnd,
                start,
                get(m, "end"),
                latency,
                latency == null ? null : unit,
                get(m, "model"),
                get(m, "model_value"),
                get(m, "endpoint"),
                get(m, "endpoint_value"),
                status,
                ok,
                error,
                get(m, "input_tokens"),
                get(m, "output_tokens"),
                ttft,
                ttft == null ? null : ttftUnit,
                keep);
    }

    /** An instant written as ISO-8601 (a date is midnight; no offset means UTC); errors name {@code what}, e.g. "--start". */
    public static Instant instant(String s, String what) {
        double t = Times.iso(s.strip());
        if (Double.isNaN(t)) {
            throw new BadInputException(
                    what + ": expected an ISO-8601 date or date-time such as 2024-05-01 or 2024-05-01T00:00:00Z, got '"
                            + s + "'");
        }
        long sec = (long) Math.floor(t);
        return Instant.ofEpochSecond(sec, Math.round((t - sec) * 1e9));
    }

    private static String get(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> list(String v) {
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String t : v.split(",")) if (!t.isBlank()) out.add(t.strip());
        return out;
    }

    private static String layoutCodes() {
        List<String> c = new ArrayList<>();
        for (LogLayout l : LogLayout.values()) c.add(l.code());
        return String.join(", ", c);
    }

    private static BadInputException bad(String key, String expected, String got) {
        return new BadInputException(
                "mapping '" + key + "': expected " + expected + (got == null ? "" : ", got '" + got + "'"));
    }
}
