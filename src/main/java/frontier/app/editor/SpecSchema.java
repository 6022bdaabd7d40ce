package frontier.app.editor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import frontier.scenario.ScenarioLoader;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the editor knows of a scenario's shape, read from the spec records themselves ({@code frontier.scenario},
 * {@code frontier.model}, {@code frontier.model.pool}, {@code frontier.model.traffic}, {@code frontier.sim.dist}):
 * a record's components in declaration order, named as the loader names them (snake_case, or their
 * {@code @JsonProperty}), required when the loader requires them; an interface with a {@code type} property
 * and its kinds. A field added to a record therefore appears in the editor without a change here.
 */
public final class SpecSchema {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private SpecSchema() {}

    /** The fields of a record type, in declaration order; {@code @JsonIgnore}d components are left out. */
    public static List<SpecField> fields(Class<?> record) {
        if (!record.isRecord()) throw new IllegalArgumentException(record + " is not a record");
        List<SpecField> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Field f = declared(record, c.getName());
            if (f != null && f.isAnnotationPresent(JsonIgnore.class)) continue;
            JsonProperty p = f == null ? null : f.getAnnotation(JsonProperty.class);
            String name = p != null && !p.value().isEmpty() ? p.value() : SNAKE.translate(c.getName());
            boolean required = p != null && p.required() || c.getType().isPrimitive();
            out.add(field(name, c.getType(), c.getGenericType(), required));
        }
        return out;
    }

    /** The field named {@code json} of a record type. */
    public static Optional<SpecField> field(Class<?> record, String json) {
        return fields(record).stream().filter(f -> f.json().equals(json)).findFirst();
    }

    /** Whether values of this type are records told apart by a {@code type} field. */
    public static boolean polymorphic(Class<?> type) {
        return type.isAnnotationPresent(JsonTypeInfo.class);
    }

    /** The name of the field that tells the kinds apart ({@code type}). */
    public static String typeProperty(Class<?> type) {
        return type.getAnnotation(JsonTypeInfo.class).property();
    }

    /** The kinds of a polymorphic type by their JSON names, in declaration order. */
    public static Map<String, Class<?>> kinds(Class<?> type) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        JsonSubTypes subs = type.getAnnotation(JsonSubTypes.class);
        if (subs != null) for (JsonSubTypes.Type t : subs.value()) out.put(t.name(), t.value());
        return out;
    }

    /**
     * The paths of {@code node} (read as {@code type}) that no editor control covers: fields the records do not have,
     * or values of another shape than the field's control edits. Empty for every valid scenario.
     */
    public static List<String> uncovered(com.fasterxml.jackson.databind.JsonNode node, Class<?> type, String path) {
        List<String> out = new ArrayList<>();
        Class<?> concrete = type;
        if (polymorphic(type)) {
            var id = node.get(typeProperty(type));
            concrete = id == null ? null : kinds(type).get(id.asText());
            if (concrete == null) return List.of(path + "." + typeProperty(type));
        }
        if (!node.isObject()) return List.of(path);
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String p = path + "." + e.getKey();
            if (concrete != type && e.getKey().equals(typeProperty(type))) continue;
            Optional<SpecField> f = field(concrete, e.getKey());
            if (f.isEmpty()) {
                out.add(p);
                continue;
            }
            var v = e.getValue();
            switch (f.get().kind()) {
                case NUMBER, INTEGER -> {
                    if (!v.isNumber()) out.add(p);
                }
                case TEXT, CHOICE -> {
                    if (!v.isTextual()) out.add(p);
                }
                case BOOLEAN -> {
                    if (!v.isBoolean()) out.add(p);
                }
                case OBJECT -> out.addAll(uncovered(v, f.get().type(), p));
                case OBJECT_LIST -> {
                    if (!v.isArray()) out.add(p);
                    else
                        for (int i = 0; i < v.size(); i++)
                            out.addAll(uncovered(v.get(i), f.get().type(), p + "[" + i + "]"));
                }
                case NUMBER_LIST -> {
                    if (!v.isArray()) out.add(p);
                    else for (int i = 0; i < v.size(); i++) if (!v.get(i).isNumber()) out.add(p + "[" + i + "]");
                }
                case JSON -> {}
            }
        }
        return out;
    }

    private static SpecField field(String name, Class<?> raw, Type generic, boolean required) {
        Class<?> t = raw.isPrimitive() ? box(raw) : raw;
        if (t == Double.class || t == Float.class)
            return new SpecField(name, SpecField.Kind.NUMBER, t, required, List.of());
        if (t == Integer.class || t == Long.class)
            return new SpecField(name, SpecField.Kind.INTEGER, t, required, List.of());
        if (t == String.class) return new SpecField(name, SpecField.Kind.TEXT, t, required, List.of());
        if (t == Boolean.class) return new SpecField(name, SpecField.Kind.BOOLEAN, t, required, List.of());
        if (t.isEnum()) return new SpecField(name, SpecField.Kind.CHOICE, t, required, spellings(t));
        if (List.class.isAssignableFrom(t)
                && generic instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> e) {
            if (e == Double.class) return new SpecField(name, SpecField.Kind.NUMBER_LIST, e, required, List.of());
            if (e.isRecord() || polymorphic(e))
                return new SpecField(name, SpecField.Kind.OBJECT_LIST, e, required, List.of());
        }
        if (t.isRecord() || polymorphic(t)) return new SpecField(name, SpecField.Kind.OBJECT, t, required, List.of());
        return new SpecField(name, SpecField.Kind.JSON, t, required, List.of());
    }

    /** An enum's constants as the loader spells them (their {@code @JsonValue}, else the lower-case name). */
    private static List<String> spellings(Class<?> e) {
        List<String> out = new ArrayList<>();
        for (Object c : e.getEnumConstants()) {
            try {
                out.add(ScenarioLoader.mapper().writeValueAsString(c).replace("\"", ""));
            } catch (JsonProcessingException ex) {
                out.add(c.toString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static Class<?> box(Class<?> p) {
        if (p == int.class) return Integer.class;
        if (p == long.class) return Long.class;
        if (p == double.class) return Double.class;
        if (p == float.class) return Float.class;
        if (p == boolean.class) return Boolean.class;
        return p;
    }

    private static Field declared(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
