package frontier.spark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A JSON tree as compact bytes and back, node for node: every node comes back as the class it was (an {@code IntNode}
 * stays one, a {@code LongNode} too, a double keeps its every bit), so the tree a task sends is the tree the driver
 * gets, and writes exactly as the local runner's. Used for a point's metrics on their way back from an executor instead
 * of JSON text: writing and parsing text is work the local runner never does, and in a fresh JVM it had the JIT
 * compiling Jackson's text paths during the first job (docs/spark.md). Node kinds without a tag here (binary, POJO)
 * travel as their JSON text.
 */
final class NodeCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NodeCodec() {}

    static byte[] encode(ObjectNode tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ObjectNode decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            JsonNode n = read(in);
            if (in.read() != -1) throw new IllegalStateException("bytes left after the tree");
            if (!(n instanceof ObjectNode o)) throw new IllegalStateException("not an object: " + n.getNodeType());
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, JsonNode n) throws IOException {
        switch (n) {
            case ObjectNode o -> {
                out.writeByte('o');
                out.writeInt(o.size());
                for (Map.Entry<String, JsonNode> e : o.properties()) {
                    text(out, e.getKey());
                    write(out, e.getValue());
                }
            }
            case ArrayNode a -> {
                out.writeByte('a');
                out.writeInt(a.size());
                for (JsonNode e : a) write(out, e);
            }
            case TextNode t -> {
                out.writeByte('s');
                text(out, t.textValue());
            }
            case IntNode i -> {
                out.writeByte('i');
                out.writeInt(i.intValue());
            }
            case LongNode l -> {
                out.writeByte('l');
                out.writeLong(l.longValue());
            }
            case ShortNode s -> {
                out.writeByte('h');
                out.writeShort(s.shortValue());
            }
            case DoubleNode d -> {
                out.writeByte('d');
                out.writeLong(Double.doubleToRawLongBits(d.doubleValue()));
            }
            case FloatNode f -> {
                out.writeByte('f');
                out.writeInt(Float.floatToRawIntBits(f.floatValue()));
            }
            case DecimalNode d -> {
                out.writeByte('D');
                text(out, d.decimalValue().toString());
            }
            case BigIntegerNode b -> {
                out.writeByte('B');
                text(out, b.bigIntegerValue().toString());
            }
            case BooleanNode b -> out.writeByte(b.booleanValue() ? 'T' : 'F');
            case NullNode _ -> out.writeByte('n');
            default -> {
                out.writeByte('j');
                text(out, MAPPER.writeValueAsString(n));
            }
        }
    }

    private static JsonNode read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 'o' -> {
                ObjectNode o = NODES.objectNode();
                int n = in.readInt();
                for (int k = 0; k < n; k++) {
                    String name = text(in);
                    o.set(name, read(in));
                }
                yield o;
            }
            case 'a' -> {
                ArrayNode a = NODES.arrayNode();
                int n = in.readInt();
                for (int k = 0; k < n; k++) a.add(read(in));
                yield a;
            }
            case 's' -> TextNode.valueOf(text(in));
            case 'i' -> IntNode.valueOf(in.readInt());
            case 'l' -> LongNode.valueOf(in.readLong());
            case 'h' -> ShortNode.valueOf(in.readShort());
            case 'd' -> DoubleNode.valueOf(Double.longBitsToDouble(in.readLong()));
            case 'f' -> FloatNode.valueOf(Float.intBitsToFloat(in.readInt()));
            case 'D' -> DecimalNode.valueOf(new BigDecimal(text(in)));
            case 'B' -> BigIntegerNode.valueOf(new BigInteger(text(in)));
            case 'T' -> BooleanNode.TRUE;
            case 'F' -> BooleanNode.FALSE;
            case 'n' -> NullNode.getInstance();
            case 'j' -> MAPPER.readTree(text(in));
            default -> throw new IllegalStateException("unknown node tag " + tag);
        };
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
