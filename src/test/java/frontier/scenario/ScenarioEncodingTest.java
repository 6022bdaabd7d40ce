package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files as editors save them: byte-order marks, UTF-16, broken bytes; and Jackson's limits, located. */
class ScenarioEncodingTest {
    private static final String MM1 = """
            {
              "name": "mm1",
              "traffic": {"type": "poisson", "rate_per_s": 8},
              "pool": {"servers": 1, "service": {"type": "exponential", "mean": 0.1}},
              "run": {"duration_s": 100, "seed": 1}
            }
            """;

    @TempDir
    Path dir;

    private Path write(byte[] bom, String text, Charset cs) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(bom);
        b.write(text.getBytes(cs));
        Path f = dir.resolve("s.json");
        Files.write(f, b.toByteArray());
        return f;
    }

    private static String refusal(Path f) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f))
                .getMessage();
    }

    private static String refusal(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(json, "s.json"))
                .getMessage();
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedAsBillingImportAcceptsIt() throws IOException {
        assertEquals(
                "mm1",
                ScenarioLoader.load(
                                write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, MM1, StandardCharsets.UTF_8))
                        .name());
        assertEquals("mm1", ScenarioLoader.parse("\uFEFF" + MM1, "s.json").name());
    }

    @Test
    void utf16AndUtf32WithAByteOrderMarkAreRead() throws IOException {
        assertEquals(
                "mm1",
                ScenarioLoader.load(write(new byte[] {(byte) 0xFF, (byte) 0xFE}, MM1, StandardCharsets.UTF_16LE))
                        .name());
        assertEquals(
                "mm1",
                ScenarioLoader.load(write(new byte[] {(byte) 0xFE, (byte) 0xFF}, MM1, StandardCharsets.UTF_16BE))
                        .name());
        assertEquals(
                "mm1",
                ScenarioLoader.load(
                                write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, MM1, Charset.forName("UTF-32LE")))
                        .name());
        assertEquals(
                "mm1",
                ScenarioLoader.load(
                                write(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, MM1, Charset.forName("UTF-32BE")))
                        .name());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedWithWhatToDo() throws IOException {
        String m = refusal(write(new byte[0], MM1, StandardCharsets.UTF_16LE));
        assertTrue(
                m.endsWith(
                        "s.json: the file looks like UTF-16 or UTF-32 text without a byte-order mark; save it as UTF-8"),
                m);
    }

    @Test
    void invalidBytesAreRefusedWithTheirByteAndLine() throws IOException {
        byte[] text =
                MM1.replace("mm1", "mm\u00e91").getBytes(StandardCharsets.ISO_8859_1); // é as Latin-1: one byte 0xE9
        Path f = dir.resolve("latin1.json");
        Files.write(f, text);
        String m = refusal(f);
        int at = MM1.indexOf("mm1") + 3; // 0-based offset of the byte after "mm"
        assertTrue(m.endsWith("latin1.json: not UTF-8 text at byte " + at + " (line 2); save the file as UTF-8"), m);
    }

    @Test
    void anIntegerBeyondItsTypeSaysTheFieldsRealRange() {
        String m = refusal(MM1.replace("\"servers\": 1", "\"servers\": 99999999999"));
        assertTrue(
                m.endsWith(
                        "$.pool.servers: (line 4, column 23) expected an integer of at most 2147483647, got 99999999999"),
                m);
        m = refusal(MM1.replace("\"servers\": 1", "\"servers\": -99999999999"));
        assertTrue(m.endsWith("$.pool.servers: (line 4, column 23) expected an integer >= 0, got -99999999999"), m);
        m = refusal(MM1.replace("\"seed\": 1", "\"seed\": 99999999999999999999"));
        assertTrue(m.endsWith("expected an integer of at most 9223372036854775807, got 99999999999999999999"), m);
    }

    @Test
    void syntaxErrorsPointAtTheirLineAndColumn() {
        String m = refusal(MM1.replace("\"rate_per_s\": 8}", "\"rate_per_s\": 8 x}"));
        assertTrue(
                m.startsWith(
                        "s.json: $.traffic.rate_per_s: (line 3, column 50) not valid JSON: Unexpected character ('x'"),
                m);
        m = refusal(MM1.replace("\"rate_per_s\": 8", "\"rate_per_s\": NaN"));
        assertTrue(
                m.contains("(line 3, column ")
                        && m.contains("Non-standard token 'NaN' (JSON numbers are finite; write a number)"),
                m);
    }

    @Test
    void jacksonsReadLimitsAreLocatedRefusals() {
        String m = refusal(MM1.replace("\"rate_per_s\": 8", "\"rate_per_s\": 8" + "0".repeat(1500)));
        assertTrue(
                m.startsWith("s.json: $.traffic.rate_per_s: (line 3, column ")
                        && m.contains("number length (1501) exceeds the maximum allowed (1000)"),
                m);
        m = refusal(MM1.replace("\"name\": \"mm1\"", "\"x\": " + "[".repeat(1200) + "]".repeat(1200)));
        assertTrue(
                m.startsWith("s.json: $.x[0][0]")
                        && m.contains("(line 2, column ")
                        && m.contains("nesting depth (1001) exceeds the maximum allowed (1000)"),
                m);
        m = refusal(MM1.replace("mm1", "x".repeat(20_000_001)));
        assertTrue(
                m.startsWith("s.json: $.name: (line 2, column ") && m.contains("string length"),
                m.substring(0, Math.min(200, m.length())));
    }
}
