package frontier.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tags of a cost line as the workspace stores them (a JSON object of strings), read back. */
final class StoredTags {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredTags() {}

    /**
     * The tags in stored order: text values as they are, any other value as its JSON text. Empty for null,
     * blank or text that is not a JSON object (which imports never write).
     */
    static Map<String, String> parse(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) return Map.of();
            Map<String, String> m = new LinkedHashMap<>();
            n.properties()
                    .forEach(e -> m.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
            return Collections.unmodifiableMap(m);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
