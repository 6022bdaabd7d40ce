package frontier.app.editor;

import java.util.List;

/**
 * One field of a scenario record as the editor shows it, read from the record itself by {@link SpecSchema}:
 * its JSON name, what kind of control edits it, whether the file must give it, and for choices and nested
 * records the values or the record type.
 *
 * @param json     the field's name in the JSON file (snake_case)
 * @param kind     what kind of control edits it
 * @param type     the Java type of the value (the record or interface for objects, the element type for lists)
 * @param required whether the file must give it
 * @param choices  the spellings a {@link Kind#CHOICE} accepts
 */
public record SpecField(String json, Kind kind, Class<?> type, boolean required, List<String> choices) {
    /** The controls the editor has. */
    public enum Kind {
        /** A decimal number. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        TEXT,
        /** true or false. */
        BOOLEAN,
        /** One of a fixed set of words (an enum). */
        CHOICE,
        /** A nested record, or one of several records told apart by its {@code type}. */
        OBJECT,
        /** A list of nested records. */
        OBJECT_LIST,
        /** A list of numbers, typed as one comma-separated line. */
        NUMBER_LIST,
        /** Anything else, edited as JSON text. */
        JSON
    }

    /** The label the editor shows (see {@link FieldLabels}). */
    public String label() {
        return FieldLabels.label(json);
    }
}
