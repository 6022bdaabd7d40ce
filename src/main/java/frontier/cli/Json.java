package frontier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** JSON output of the commands (one line per document), except {@code prices}, which indents its own. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** Prints {@code {"workspace": absolute path, key: [items]}}, the form of the listings of a workspace. */
    static void printList(PrintWriter out, Path workspace, String key, List<? extends JsonNode> items)
            throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("workspace", workspace.toAbsolutePath().toString());
        root.putArray(key).addAll(items);
        out.println(MAPPER.writeValueAsString(root));
    }

    /** An exact amount as a decimal string (never a JSON number, which readers take for a double), or null. */
    static void putDecimal(ObjectNode o, String key, BigDecimal v) {
        if (v == null) o.putNull(key);
        else o.put(key, v.toPlainString());
    }
}
