package frontier.ingest.logs;

import frontier.sim.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TorchServe access log. TorchServe's frontend logs one line per request when it answers
 * ({@code Session.toString}: remote address, request line, status, milliseconds since the request
 * arrived) through log4j2's {@code %d{ISO8601} - %m%n} into {@code access_log.log}, e.g.
 * {@code 2024-01-01T10:00:00,123 - /127.0.0.1:50000 "POST /predictions/resnet HTTP/1.1" 200 118};
 * the console and {@code ts_log.log} carry the same message as
 * {@code 2018-10-15 13:56:18,976 [INFO ] W-9000-resnet ACCESS_LOG - …}. Both forms are read; lines of
 * other loggers in a mixed log are skipped, as are requests that are not inference (health, management,
 * metrics). The fields are timestamp (the END of the request), client, method, uri, protocol, status,
 * duration_ms, model and version, the last two from the URI.
 */
final class TorchServeRecords extends Records {
    static final List<String> NAMES =
            List.of("timestamp", "client", "method", "uri", "protocol", "status", "duration_ms", "model", "version");
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?)\\s+(?:\\[\\s*([A-Za-z]+)\\s*]\\s+(\\S+)\\s+(\\S+)\\s+)?-\\s+(.*)$");
    private static final Pattern ACCESS = Pattern.compile("^(\\S+) \"(\\S+) (\\S+) ([^\"]*)\" (\\d{1,3}) (\\d+)\\s*$");
    /** /predictions/M[/V], /explanations/M[/V], /v1/models/M:predict|:explain, /v2/models/M[/versions/V]/infer|explain. */
    private static final Pattern URI = Pattern.compile(
            "^/(?:predictions|explanations)/([^/?]+)(?:/([^/?]+))?/?$|^/v1/models/([^/?:]+)(?:/versions/([^/?:]+))?:(?:predict|explain)$"
                    + "|^/v2/models/([^/?]+)(?:/versions/([^/?]+))?/(?:infer|explain|generate|generate_stream)$");

    static final String EXAMPLE =
            "2024-01-01T10:00:00,123 - /127.0.0.1:50000 \"POST /predictions/resnet HTTP/1.1\" 200 118";

    private final BufferedReader in;
    private final String[] values = new String[NAMES.size()];
    private long line;
    private boolean mixed;
    private long otherLines;
    private long notInference;
    private final boolean[] excluded = new boolean[NAMES.size()];
    private final StringBuilder attrs = new StringBuilder(128);

    TorchServeRecords(BufferedReader in, String file) {
        super(file);
        this.in = in;
    }

    /** True if {@code head} (the start of a file) is a log whose first line is a log4j entry and which has an access log line early on. */
    static boolean looksLike(String head) {
        List<String> lines = head.strip().lines().limit(200).toList();
        if (lines.isEmpty() || !LINE.matcher(lines.getFirst().strip()).matches()) return false;
        for (String l : lines) {
            Matcher m = LINE.matcher(l.strip());
            if (m.matches()
                    && (m.group(4) == null || m.group(4).equals("ACCESS_LOG"))
                    && ACCESS.matcher(m.group(5)).matches()) return true;
        }
        return false;
    }

    @Override
    List<String> names() {
        return NAMES;
    }

    @Override
    Field field(String spec) {
        for (String name : spec.split("\\|")) {
            int i = NAMES.indexOf(name.strip());
            if (i >= 0) return new Field(NAMES.get(i), i, List.of(NAMES.get(i)));
        }
        return null;
    }

    @Override
    boolean next() {
        try {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
                if (text.isBlank()) continue;
                Matcher m = LINE.matcher(text.strip());
                if (!m.matches()) {
                    // A mixed log (console, ts_log) has stack traces and multi-line messages between its entries.
                    if (mixed) {
                        otherLines++;
                        continue;
                    }
                    throw bad(text);
                }
                if (m.group(4) != null) {
                    mixed = true;
                    if (!m.group(4).equals("ACCESS_LOG")) {
                        otherLines++;
                        continue;
                    }
                }
                Matcher a = ACCESS.matcher(m.group(5));
                if (!a.matches()) throw bad(text);
                String uri = a.group(3);
                int q = uri.indexOf('?');
                Matcher u = URI.matcher(q >= 0 ? uri.substring(0, q) : uri);
                String model = null;
                String version = null;
                if (u.matches()) {
                    for (int g = 1; g <= 5; g += 2) {
                        if (u.group(g) != null) {
                            model = u.group(g);
                            version = u.group(g + 1);
                        }
                    }
                } else if (!a.group(2).equals("gRPC")
                        || !a.group(3).toLowerCase(Locale.ROOT).contains("predictions")) {
                    notInference++;
                    continue;
                }
                values[0] = m.group(1);
                values[1] = a.group(1);
                values[2] = a.group(2);
                values[3] = uri;
                values[4] = a.group(4);
                values[5] = a.group(5);
                values[6] = a.group(6);
                values[7] = model;
                values[8] = version;
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BadInputException bad(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return new BadInputException(file + ": line " + line + ": expected a TorchServe access log line such as '"
                + EXAMPLE + "', got '" + shown + "'");
    }

    @Override
    String text(Field f) {
        return values[f.index()];
    }

    @Override
    long line() {
        return line;
    }

    @Override
    void exclude(Field f) {
        excluded[f.index()] = true;
    }

    @Override
    String attrs() {
        attrs.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (excluded[i] || values[i] == null) continue;
            attrKey(attrs, NAMES.get(i));
            quote(attrs, values[i]);
        }
        return attrsObject(attrs);
    }

    @Override
    List<String> notes() {
        List<String> out = new java.util.ArrayList<>();
        if (notInference > 0)
            out.add(String.format(
                    Locale.ROOT,
                    "skipped %,d access log lines that are not inference requests (health, management, metrics)",
                    notInference));
        if (otherLines > 0)
            out.add(String.format(Locale.ROOT, "skipped %,d lines of other loggers (a mixed log)", otherLines));
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing a file we only read: nothing is lost.
        }
    }
}
