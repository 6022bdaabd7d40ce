package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Random damage to real catalogue files: the loader returns a catalogue or a BadInputException, never anything else. */
@Tag("slow")
class CatalogueFuzzTest {
    private static final String[] SNIPPETS = {
        ",",
        "\"",
        "\n",
        "\r\n",
        "#",
        "x_",
        "-1",
        "0",
        "1e9",
        "NaN",
        "",
        " ",
        "\uFEFF",
        "\u0000",
        "on_demand",
        "spot",
        "serverless",
        ">20%",
        "2025-13-40",
        "99999999999999999999",
        "é",
        ",,,,",
        "\"\"",
        "provider"
    };

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogueFuzzTest.class.getClassLoader().getResourceAsStream("pricing-data/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String mutate(String text, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = sb.isEmpty() ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(5)) {
                case 0 -> sb.insert(at, SNIPPETS[r.nextInt(SNIPPETS.length)]);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(20)));
                case 2 -> {
                    if (!sb.isEmpty()) sb.setCharAt(at, (char) r.nextInt(32, 127));
                }
                case 3 -> {
                    int nl = sb.indexOf("\n", at);
                    if (nl >= 0) sb.insert(nl + 1, sb.substring(at, nl + 1)); // duplicate the tail of a line
                }
                default -> sb.setLength(Math.min(sb.length(), at)); // truncate
            }
        }
        return sb.toString();
    }

    @Test
    void mutatedCataloguesLoadOrFailWithBadInputOnly() throws IOException {
        SplittableRandom r = new SplittableRandom(20250628);
        int ok = 0;
        int bad = 0;
        for (String name : List.of("instances.csv", "spot-interruptions.csv", "serverless.csv")) {
            String original = resource(name);
            // Small prefixes keep each case fast while still reaching every column.
            String small = String.join("\n", original.lines().limit(12).toList()) + "\n";
            for (int i = 0; i < 700; i++) {
                String text = mutate(small, r);
                try {
                    PriceCatalogue.parse(text, name);
                    ok++;
                } catch (BadInputException e) {
                    assertTrue(e.getMessage().startsWith(name + ":"), "names the file: " + e.getMessage());
                    bad++;
                } catch (RuntimeException e) {
                    fail("case " + i + " of " + name + " threw " + e + " for:\n" + text, e);
                }
            }
        }
        assertTrue(ok > 50 && bad > 500, "both outcomes exercised: ok=" + ok + " bad=" + bad);
    }
}
