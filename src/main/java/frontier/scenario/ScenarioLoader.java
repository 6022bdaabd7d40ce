package frontier.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import frontier.sim.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads scenario files strictly: unknown fields, missing required fields, wrong types and values out of
 * range are errors, reported once, with the file, the JSON path (e.g. {@code $.pool.service.cv}), the
 * line and column, and what was expected.
 */
public final class ScenarioLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Text fields take text only: a number where a name belongs is a mistake, not a name.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final UnknownFieldCheck UNKNOWN_FIELDS = new UnknownFieldCheck(MAPPER);

    private ScenarioLoader() {}

    /** The mapper with the scenario conventions (snake_case, strict), for writing scenarios too. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Scenario load(Path file) {
        String text = readText(file);
        Path dir = file.toAbsolutePath().getParent();
        return resolve(read(text, file.toString()).withBaseDir(dir), file.toString());
    }

    /** Largest scenario file read: far beyond any hand-written or calibrated scenario (an empirical table is a few KB). */
    public static final long MAX_FILE_BYTES = 16L << 20;

    /**
     * The text of a scenario file: UTF-8, with or without a byte-order mark, or UTF-16/UTF-32 with their byte-order
     * mark. Anything else is refused with where it stops being text: "not UTF-8 text at byte N (line L)".
     */
    public static String readText(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ScenarioException(
                        String.format(
                                java.util.Locale.ROOT,
                                "%s: the file has %,d bytes; a scenario may have at most %,d (16 MB)",
                                file,
                                size,
                                MAX_FILE_BYTES),
                        null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (OutOfMemoryError e) {
            throw new ScenarioException(file + ": the file is too large to read", null);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes a scenario's bytes as {@link #readText} does; {@code source} names it in errors. */
    static String decode(byte[] b, String source) {
        int n = b.length;
        java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
        int skip = 0;
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            cs = java.nio.charset.Charset.forName("UTF-32BE");
            skip = 4;
        } else if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            cs = java.nio.charset.Charset.forName("UTF-32LE");
            skip = 4;
        } else if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            cs = java.nio.charset.StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            cs = java.nio.charset.StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (n >= 2 && (b[0] == 0 || b[1] == 0)) {
            throw new ScenarioException(
                    source + ": the file looks like UTF-16 or UTF-32 text without a byte-order mark; save it as UTF-8",
                    null);
        }
        var decoder = cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b, skip, n - skip);
        java.nio.CharBuffer out =
                java.nio.CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) (n - skip) + 16));
        var result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = skip; i < at; i++) if (b[i] == '\n') line++;
            String name = cs == java.nio.charset.StandardCharsets.UTF_8 ? "UTF-8" : cs.name();
            throw new ScenarioException(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s: not %s text at byte %,d (line %d); save the file as UTF-8",
                            source,
                            name,
                            at + 1,
                            line),
                    null);
        }
        out.flip();
        return out.toString();
    }

    /**
     * Parses scenario JSON and resolves catalogue prices; {@code source} names it in error messages.
     * Relative paths resolve against the working directory.
     */
    public static Scenario parse(String json, String source) {
        return resolve(read(json, source).withBaseDir(Path.of("").toAbsolutePath()), source);
    }

    /**
     * Parses scenario JSON exactly as {@link #load} reads a file, with relative paths resolved against
     * {@code baseDir}; sweeps use it to validate every configuration they make.
     */
    public static Scenario parse(String json, String source, Path baseDir) {
        return resolve(read(json, source).withBaseDir(baseDir), source);
    }

    /** LLM engine profiles and KV caches first (they say how many GPUs an instance is), then catalogue prices. */
    private static Scenario resolve(Scenario s, String source) {
        return PriceResolver.resolve(LlmResolver.resolve(s, source), source);
    }

    private static Scenario read(String json, String source) {
        if (json.startsWith("\uFEFF")) json = json.substring(1); // a byte-order mark is not part of the JSON
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode())
                throw new ScenarioException(source + ": expected a JSON object, the file is empty", null);
            if (!tree.isObject())
                throw new ScenarioException(
                        source + ": expected a JSON object at $, got "
                                + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
                        null);
            var unknown = UNKNOWN_FIELDS.firstUnknown(tree, Scenario.class);
            if (unknown.isPresent()) throw new ScenarioException(source + ": " + unknown.get(), null);
            Scenario s = MAPPER.readValue(json, Scenario.class);
            if (s == null) throw new ScenarioException(source + ": expected a JSON object, the file is empty", null);
            return s;
        } catch (JsonMappingException e) {
            throw new ScenarioException(source + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            JsonParser p = e.getProcessor() instanceof JsonParser jp ? jp : null;
            JsonLocation where = e.getLocation();
            if (p == null || where == null || where.getLineNr() < 1) {
                // Limits of StreamReadConstraints (number length, nesting depth, string length) come without a parser
                // or
                // location: read the text again with a parser of our own up to the error, and take its place.
                JsonParser again = null;
                try {
                    again = MAPPER.getFactory().createParser(json);
                    for (JsonToken t = again.nextToken(); t != null; t = again.nextToken()) {
                        // every token is read in full, so the limit trips here as it did in the mapper
                        if (t == JsonToken.VALUE_STRING) again.getText();
                        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)
                            again.getNumberValue();
                    }
                } catch (IOException located) {
                    if (again != null) {
                        p = again;
                        where = again.currentLocation();
                    }
                }
            }
            String path = p != null
                    ? pointerPath(p.getParsingContext().pathAsPointer().toString()) + ": "
                    : "";
            throw new ScenarioException(
                    source + ": " + path + at(where) + "not valid JSON: " + readable(firstLine(e.getOriginalMessage())),
                    e);
        }
    }

    /** Jackson's wording without its internals: "(1000, from `StreamReadConstraints...`)" → "(1000)", no redacted source. */
    static String readable(String message) {
        return message.replaceAll(", from `StreamReadConstraints\\.[A-Za-z]+\\(\\)`\\)", ")")
                .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replace("Number value length", "number length")
                .replace("Document nesting depth", "nesting depth")
                .replace("String value length", "string length")
                .replaceAll(
                        ": enable `JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS` to allow",
                        " (JSON numbers are finite; write a number)");
    }

    /** Writes scenarios: the mapper's conventions, fields left out where they are null (null means "left out"). */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = MAPPER.copy()
            .setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .writer();

    /** Writes a scenario as it would be read back (fields that are null are left out). */
    public static String toJson(Scenario s) {
        try {
            return WRITER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        String where = at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            return path + ": " + where + "unknown field '" + u.getPropertyName() + "'; expected one of: " + known;
        }
        if (e instanceof InvalidTypeIdException t) {
            String id = t.getTypeId();
            return (id == null
                            ? path + ": " + where + "missing field 'type'"
                            : path + ".type: " + where + "unknown type '" + id + "'")
                    + "; " + knownTypes(t);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidSpecException bad) {
            return path + "." + bad.field() + ": " + where + bad.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": " + where + "expected " + simpleType(f.getTargetType()) + ", got " + f.getValue();
        }
        if (e.getCause() instanceof InputCoercionException ic) {
            // Where the number starts, not where the parser stopped after it.
            if (ic.getProcessor() instanceof JsonParser p && p.currentTokenLocation() != null)
                where = at(p.currentTokenLocation());
            return path + ": " + where + outOfRange(ic);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String msg = m.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                return path + ": " + where + "missing required field "
                        + msg.replaceAll("(?s)^[^']*'([^']*)'.*$", "'$1'");
            }
            return path + ": " + where + "expected " + simpleType(m.getTargetType()) + got(m);
        }
        Throwable c = e.getCause();
        if (c instanceof InvalidSpecException bad) return path + "." + bad.field() + ": " + where + bad.getMessage();
        return path + ": " + where + firstLine(e.getOriginalMessage());
    }

    /**
     * An integer beyond its type: the range the field really allows. Every int field of a scenario is a count (at
     * least 0), so a negative one gets "an integer >= 0"; a long field (seed, requests) its type's bounds.
     */
    private static String outOfRange(InputCoercionException ic) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\((-?[0-9]+)\\)").matcher(String.valueOf(ic.getOriginalMessage()));
        String value = m.find() ? m.group(1) : "";
        boolean negative = value.startsWith("-");
        String got = value.isEmpty() ? "" : ", got " + (value.length() > 40 ? value.substring(0, 40) + "…" : value);
        if (ic.getTargetType() == int.class || ic.getTargetType() == Integer.class) {
            return (negative ? "expected an integer >= 0" : "expected an integer of at most " + Integer.MAX_VALUE)
                    + got;
        }
        return (negative
                        ? "expected an integer of at least " + Long.MIN_VALUE
                        : "expected an integer of at most " + Long.MAX_VALUE)
                + got;
    }

    private static String got(JsonMappingException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) return "";
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_STRING -> ", got the string " + quoted(p);
            case VALUE_NUMBER_INT -> ", got the integer " + text(p);
            case VALUE_NUMBER_FLOAT -> ", got the number " + text(p);
            case VALUE_TRUE, VALUE_FALSE -> ", got " + t.asString();
            case VALUE_NULL -> ", got null";
            case START_OBJECT, FIELD_NAME -> ", got an object";
            case START_ARRAY -> ", got an array";
            default -> "";
        };
    }

    private static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String quoted(JsonParser p) {
        String t = text(p);
        return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }

    /** "/pool/servers/0" → "$.pool.servers[0]"; a path deeper than a person reads is shortened in the middle. */
    static String pointerPath(String pointer) {
        String path = fullPointerPath(pointer);
        return path.length() <= 120 ? path : path.substring(0, 60) + "…" + path.substring(path.length() - 40);
    }

    private static String fullPointerPath(String pointer) {
        StringBuilder b = new StringBuilder("$");
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) continue;
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit))
                b.append('[').append(name).append(']');
            else b.append('.').append(name);
        }
        return b.toString();
    }

    private static String knownTypes(InvalidTypeIdException e) {
        var subs = e.getBaseType() == null
                ? null
                : e.getBaseType().getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
        if (subs == null) return firstLine(e.getOriginalMessage());
        return "expected one of: "
                + java.util.Arrays.stream(subs.value())
                        .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name)
                        .collect(Collectors.joining(", "));
    }

    private static String simpleType(Class<?> c) {
        if (c == null) return "a value";
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return "an integer";
        if (c == double.class || c == Double.class) return "a number";
        if (c == boolean.class || c == Boolean.class) return "true or false";
        if (c == String.class) return "a string";
        if (List.class.isAssignableFrom(c)) return "an array";
        if (c.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(c.getEnumConstants())
                            .map(Object::toString)
                            .map(String::toLowerCase)
                            .toList();
        }
        return "an object";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return "";
        return "(line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ") ";
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
            else if (r.getFieldName() != null) b.append('.').append(r.getFieldName());
        }
        return b.toString();
    }
}
