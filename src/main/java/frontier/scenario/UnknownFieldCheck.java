package frontier.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the first field in a JSON tree that the target type does not have. Jackson reports unknown
 * fields of records only after their constructor ran, so a typo in an optional field would otherwise
 * surface as a misleading "missing field" from the constructor's validation; checking names first puts
 * the typo in front of the user. It also reports a scalar where an object belongs, which Jackson would
 * describe as a missing type id.
 */
final class UnknownFieldCheck {
    private final ObjectMapper mapper;

    UnknownFieldCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A message "path: unknown field 'x'; expected one of: ..." for the first unknown field, if any. */
    Optional<String> firstUnknown(JsonNode node, Class<?> type) {
        return check(node, mapper.constructType(type), "$");
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) return "the string \"" + n.asText() + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isBoolean()) return n.asText();
        if (n.isArray()) return "an array";
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<String> check(JsonNode node, JavaType type, String path) {
        if (node == null || node.isNull()) return Optional.empty();
        if (type.isCollectionLikeType() && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> r = check(node.get(i), type.getContentType(), path + "[" + i + "]");
                if (r.isPresent()) return r;
            }
            return Optional.empty();
        }
        Class<?> raw = type.getRawClass();
        if (raw.isPrimitive() || raw.getName().startsWith("java.") || raw.isEnum()) return Optional.empty();
        if (!node.isObject()) {
            JsonTypeInfo ti = raw.getAnnotation(JsonTypeInfo.class);
            return Optional.of(path + ": expected an object"
                    + (ti == null ? "" : " with a '" + ti.property() + "' field") + ", got " + describe(node));
        }
        Class<?> concrete = raw;
        Map<String, JavaType> known = new LinkedHashMap<>();
        JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
        if (info != null) {
            JsonNode id = node.get(info.property());
            JsonSubTypes subs = raw.getAnnotation(JsonSubTypes.class);
            concrete = null;
            if (id != null && subs != null) {
                for (JsonSubTypes.Type t : subs.value()) {
                    if (t.name().equals(id.asText())) concrete = t.value();
                }
            }
            if (concrete == null) return Optional.empty(); // the binder reports a missing or unknown type
            known.put(info.property(), null);
        }
        var description = mapper.getDeserializationConfig().introspect(mapper.constructType(concrete));
        for (BeanPropertyDefinition p : description.findProperties()) {
            if (description.getIgnoredPropertyNames().contains(p.getName())
                    || p.getField() != null
                            && p.getField().hasAnnotation(com.fasterxml.jackson.annotation.JsonIgnore.class)) continue;
            if (p.couldDeserialize() || p.hasConstructorParameter()) known.put(p.getName(), p.getPrimaryType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!known.containsKey(f.getKey())) {
                return Optional.of(path + "." + f.getKey() + ": unknown field '" + f.getKey() + "'; expected one of: "
                        + String.join(", ", new TreeSet<>(known.keySet())));
            }
            JavaType child = known.get(f.getKey());
            if (child != null) {
                Optional<String> r = check(f.getValue(), child, path + "." + f.getKey());
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }
}
