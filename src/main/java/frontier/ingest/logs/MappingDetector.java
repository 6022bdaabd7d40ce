package frontier.ingest.logs;

import frontier.ingest.Columns;
import frontier.sim.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses a mapping from field names (matched by {@link Columns#canon}, for JSON also by their last
 * dotted part) and the first record's timestamp. Every guess that could be wrong is noted with the
 * {@code --map} entry that corrects it; a log without a recognisable timestamp is refused with the
 * names looked for.
 */
final class MappingDetector {
    static final Map<String, List<String>> CANDIDATES = new LinkedHashMap<>();

    static {
        CANDIDATES.put(
                "timestamp",
                List.of(
                        "timestamp",
                        "time",
                        "ts",
                        "starttime",
                        "startts",
                        "starttimestamp",
                        "start",
                        "requesttime",
                        "requesttimestamp",
                        "requeststart",
                        "arrivaltime",
                        "arrivaltimestamp",
                        "arrival",
                        "created",
                        "createdat",
                        "createdtime",
                        "gmtcreate",
                        "datetime",
                        "eventtime",
                        "receivedat",
                        "timestampms",
                        "timestampus",
                        "timems",
                        "timestampanon",
                        "date"));
        CANDIDATES.put(
                "end",
                List.of(
                        "endtime",
                        "endtimestamp",
                        "endts",
                        "finishtime",
                        "finishedat",
                        "completedat",
                        "completiontime"));
        CANDIDATES.put(
                "latency",
                List.of(
                        "latencyms",
                        "latency",
                        "latencys",
                        "latencyseconds",
                        "durationms",
                        "duration",
                        "durations",
                        "durationseconds",
                        "elapsedms",
                        "elapsed",
                        "elapsedtime",
                        "elapsedseconds",
                        "responsetimems",
                        "responsetime",
                        "exectime",
                        "exectimeseconds",
                        "executiontimems",
                        "executiontime",
                        "processingtime",
                        "totaltimems",
                        "totaltime",
                        "e2elatencyms",
                        "e2elatency",
                        "requestduration",
                        "servicetime"));
        CANDIDATES.put("model", List.of("model", "modelname", "modelid", "modelversion"));
        CANDIDATES.put(
                "endpoint",
                List.of(
                        "endpoint",
                        "endpointname",
                        "deployment",
                        "deploymentname",
                        "route",
                        "servicename",
                        "service",
                        "app",
                        "appname",
                        "application"));
        CANDIDATES.put(
                "status",
                List.of(
                        "status",
                        "statuscode",
                        "httpstatus",
                        "httpstatuscode",
                        "responsecode",
                        "code",
                        "result",
                        "outcome",
                        "predictstatus",
                        "success",
                        "ok",
                        "state"));
        CANDIDATES.put(
                "input_tokens",
                List.of(
                        "inputtokens",
                        "prompttokens",
                        "contexttokens",
                        "requesttokens",
                        "inputlength",
                        "inputlen",
                        "numinputtokens",
                        "ninputtokens",
                        "tokensin",
                        "intokens",
                        "prompttokencount",
                        "inputtokencount"));
        CANDIDATES.put(
                "output_tokens",
                List.of(
                        "outputtokens",
                        "completiontokens",
                        "generatedtokens",
                        "responsetokens",
                        "outputlength",
                        "outputlen",
                        "numoutputtokens",
                        "noutputtokens",
                        "tokensout",
                        "outtokens",
                        "completiontokencount",
                        "outputtokencount"));
    }

    private MappingDetector() {}

    /**
     * Mapping entries for {@code r}, whose first record (if any) is current. Fields the user maps
     * ({@code given}, applied afterwards) are not guessed, and their columns are not taken for others.
     */
    static Map<String, String> detect(
            Records r, LogLayout layout, boolean haveRecord, Map<String, String> given, List<String> notes) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layout", layout.code());
        StringBuilder found = new StringBuilder();
        for (Map.Entry<String, List<String>> e : CANDIDATES.entrySet()) {
            if (given.containsKey(e.getKey())) continue;
            String name = find(r.names(), e.getValue());
            if (name == null || m.containsValue(name) || given.containsValue(name)) continue;
            m.put(e.getKey(), name);
            found.append(found.isEmpty() ? "" : ", ")
                    .append(e.getKey())
                    .append('=')
                    .append(name);
        }
        String ts = given.containsKey("timestamp") ? given.get("timestamp") : m.get("timestamp");
        if (ts == null || ts.isBlank()) {
            throw new BadInputException(
                    r.file
                            + ": line 1: no timestamp column found and no --preset given. Looked for a column named one of "
                            + String.join(", ", CANDIDATES.get("timestamp"))
                            + " (any case, '_' and spaces ignored); the "
                            + (layout.json() ? "first record has the keys " : "header has ") + preview(r.names())
                            + ". Give --map timestamp=COLUMN (and timestamp_kind) or --preset NAME (see frontier logs presets).");
        }
        if (!found.isEmpty()) notes.add("no preset given; mapping detected from the column names: " + found);
        if (m.containsKey("end") && (m.containsKey("latency") || given.containsKey("latency"))) m.remove("end");
        if (!given.containsKey("timestamp_kind")) {
            Records.Field f = r.field(ts);
            if (f != null)
                m.put("timestamp_kind", guessKind(r, f, haveRecord, notes).code());
        }
        String latency = given.containsKey("latency") ? given.get("latency") : m.get("latency");
        if (latency != null && !latency.isBlank() && !given.containsKey("latency_unit"))
            m.put("latency_unit", guessUnit(latency, notes).code());
        return m;
    }

    private static String find(List<String> names, List<String> candidates) {
        for (String c : candidates) {
            for (String n : names) if (Columns.canon(n).equals(c)) return n;
            for (String n : names) {
                int dot = n.lastIndexOf('.');
                if (dot >= 0 && Columns.canon(n.substring(dot + 1)).equals(c)) return n;
            }
        }
        return null;
    }

    private static TimeKind guessKind(Records r, Records.Field field, boolean haveRecord, List<String> notes) {
        String column = field.name();
        String v = haveRecord ? r.text(field) : null;
        String fix = "; give --map timestamp_kind=KIND (one of " + TimeKind.codes() + ")";
        if (v == null) {
            if (!haveRecord) return TimeKind.ISO;
            throw new BadInputException(r.file + ": line " + r.line() + ": cannot tell how timestamp column '" + column
                    + "' is written: its first value is empty" + fix);
        }
        v = v.strip();
        if (!Double.isNaN(Times.iso(v))) return TimeKind.ISO;
        double x = Times.number(v);
        if (Double.isNaN(x)) {
            throw new BadInputException(r.file + ": line " + r.line() + ": cannot tell how timestamp column '" + column
                    + "' is written from '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v)
                    + "': expected an ISO-8601 date-time or a number" + fix);
        }
        String c = Columns.canon(column);
        double a = Math.abs(x);
        TimeKind k;
        if (c.endsWith("ns") || c.contains("nano")) k = TimeKind.EPOCH_NS;
        else if (c.endsWith("us") || c.contains("micro")) k = TimeKind.EPOCH_US;
        else if (c.endsWith("ms") || c.contains("milli")) k = a >= 1e11 ? TimeKind.EPOCH_MS : TimeKind.SINCE_START_MS;
        else if (a >= 1e17) k = TimeKind.EPOCH_NS;
        else if (a >= 1e14) k = TimeKind.EPOCH_US;
        else if (a >= 1e11) k = TimeKind.EPOCH_MS;
        else if (a >= 1e8) k = TimeKind.EPOCH_S;
        else k = TimeKind.SINCE_START_S;
        notes.add("timestamp column '" + column + "' read as " + k.description() + " (guessed from its first value '"
                + v + "'" + fix + " if wrong)");
        return k;
    }

    private static DurationUnit guessUnit(String column, List<String> notes) {
        String c = Columns.canon(column);
        if (c.endsWith("ms") || c.contains("milli")) return DurationUnit.MS;
        if (c.endsWith("us") || c.contains("micro")) return DurationUnit.US;
        if (c.endsWith("seconds") || c.endsWith("secs") || c.endsWith("sec") || c.endsWith("s")) return DurationUnit.S;
        notes.add("latency column '" + column
                + "' read as milliseconds (its name gives no unit); give --map latency_unit=s if it holds seconds");
        return DurationUnit.MS;
    }

    static String preview(List<String> names) {
        List<String> shown = names.size() > 15 ? names.subList(0, 15) : names;
        String s = String.join(
                ", ",
                shown.stream()
                        .map(n -> n.length() > 40 ? n.substring(0, 40) + "…" : n)
                        .toList());
        return names.isEmpty() ? "(none)" : names.size() > 15 ? s + ", … " + (names.size() - 15) + " more" : s;
    }
}
