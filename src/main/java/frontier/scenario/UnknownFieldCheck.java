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
 * the typo in front of the user.
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
        if (!node.isObject() || raw.isPrimitive() || raw.getName().startsWith("java.")) return Optional.empty();
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
        for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(mapper.constructType(concrete)).findProperties()) {
            if (p.couldDeserialize() || p.hasConstructorParameter()) known.put(p.getName(), p.getPrimaryType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!known.containsKey(f.getKey())) {
                return Optional.of(path + ": unknown field '" + f.getKey() + "'; expected one of: "
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
