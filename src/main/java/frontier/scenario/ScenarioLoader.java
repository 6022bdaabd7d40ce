package frontier.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final UnknownFieldCheck UNKNOWN_FIELDS = new UnknownFieldCheck(MAPPER);

    private ScenarioLoader() {
    }

    /** The mapper with the scenario conventions (snake_case, strict), for writing scenarios too. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return resolve(read(text, file.toString()).withBaseDir(dir), file.toString());
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
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode()) throw new ScenarioException(source + ": expected a JSON object, the file is empty", null);
            if (!tree.isObject()) throw new ScenarioException(source + ": expected a JSON object at $, got " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT), null);
            var unknown = UNKNOWN_FIELDS.firstUnknown(tree, Scenario.class);
            if (unknown.isPresent()) throw new ScenarioException(source + ": " + unknown.get(), null);
            Scenario s = MAPPER.readValue(json, Scenario.class);
            if (s == null) throw new ScenarioException(source + ": expected a JSON object, the file is empty", null);
            return s;
        } catch (JsonMappingException e) {
            throw new ScenarioException(source + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            String path = e.getProcessor() instanceof JsonParser p ? pointerPath(p.getParsingContext().pathAsPointer().toString()) + ": " : "";
            throw new ScenarioException(source + ": " + path + at(e.getLocation()) + "not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** Writes a scenario as it would be read back. */
    public static String toJson(Scenario s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        String where = at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return path + ": " + where + "unknown field '" + u.getPropertyName() + "'; expected one of: " + known;
        }
        if (e instanceof InvalidTypeIdException t) {
            String id = t.getTypeId();
            return (id == null ? path + ": " + where + "missing field 'type'" : path + ".type: " + where + "unknown type '" + id + "'")
                    + "; " + knownTypes(t);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidSpecException bad) {
            return path + "." + bad.field() + ": " + where + bad.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": " + where + "expected " + simpleType(f.getTargetType()) + ", got " + f.getValue();
        }
        if (e.getCause() instanceof InputCoercionException ic) {
            return path + ": " + where + "expected an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                    + (ic.getTargetType() == int.class || ic.getTargetType() == Integer.class ? " (here at most " + Integer.MAX_VALUE + ")" : "");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String msg = m.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                return path + ": " + where + "missing required field " + msg.replaceAll("(?s)^[^']*'([^']*)'.*$", "'$1'");
            }
            return path + ": " + where + "expected " + simpleType(m.getTargetType()) + got(m);
        }
        Throwable c = e.getCause();
        if (c instanceof InvalidSpecException bad) return path + "." + bad.field() + ": " + where + bad.getMessage();
        return path + ": " + where + firstLine(e.getOriginalMessage());
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

    /** "/pool/servers/0" → "$.pool.servers[0]". */
    static String pointerPath(String pointer) {
        StringBuilder b = new StringBuilder("$");
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) continue;
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) b.append('[').append(name).append(']');
            else b.append('.').append(name);
        }
        return b.toString();
    }

    private static String knownTypes(InvalidTypeIdException e) {
        var subs = e.getBaseType() == null ? null
                : e.getBaseType().getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
        if (subs == null) return firstLine(e.getOriginalMessage());
        return "expected one of: " + java.util.Arrays.stream(subs.value()).map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name)
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
            return "one of " + java.util.Arrays.stream(c.getEnumConstants()).map(Object::toString).map(String::toLowerCase).toList();
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
