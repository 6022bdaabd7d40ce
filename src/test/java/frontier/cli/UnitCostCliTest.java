package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.ingest.Samples;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitCostCliTest {
    @TempDir
    Path dir;

    @Test
    void rulesAreEditedFromTheCommandLineAndDecideWhatIsAttributed() throws Exception {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        String ws = dir.resolve("ws.sqlite").toString();
        assertEquals(0, CliRun.of("import", "-w", ws, focus.toString()).code());
        CliRun list = CliRun.of("attribution", "list", "-w", ws, "--json");
        JsonNode rules = new ObjectMapper().readTree(list.out());
        assertTrue(rules.get("default").asBoolean());
        assertEquals("tag:endpoint", rules.get("rules").get(0).get("field").asText());

        assertEquals(
                0,
                CliRun.of(
                                "attribution",
                                "add",
                                "-w",
                                ws,
                                "service",
                                "Amazon Elastic Compute Cloud",
                                "--endpoint",
                                "chat")
                        .code());
        JsonNode r = new ObjectMapper()
                .readTree(CliRun.of("unit-cost", "-w", ws, "--json").out());
        assertEquals(false, r.get("default_rules").asBoolean());
        BigDecimal chat = BigDecimal.ZERO;
        for (JsonNode g : r.get("groups"))
            if (g.get("endpoint").asText().equals("chat"))
                chat = new BigDecimal(g.get("cost").asText());
        BigDecimal total = new BigDecimal(r.get("total").get("cost").asText());
        assertEquals(0, chat.compareTo(total), "only the EC2 rule attributes anything");
        // What the costs command says EC2 cost (effective) must be what the rule attributed.
        JsonNode costs = new ObjectMapper()
                .readTree(CliRun.of("costs", "-w", ws, "--json", "--by", "service")
                        .out());
        for (JsonNode g : costs.get("groups")) {
            if (g.get("service").asText().equals("Amazon Elastic Compute Cloud"))
                assertEquals(0, new BigDecimal(g.get("effective_cost").asText()).compareTo(chat));
        }
        BigDecimal unattributed =
                new BigDecimal(r.get("unattributed").get(0).get("cost").asText());
        BigDecimal all = new BigDecimal(costs.get("total").get("effective_cost").asText());
        assertEquals(0, all.compareTo(chat.add(unattributed)), "attributed + unattributed = the whole bill");

        CliRun bad = CliRun.of("attribution", "add", "-w", ws, "colour", "*", "--endpoint", "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("expected tag:KEY"), bad.err());
        assertEquals(2, CliRun.of("attribution", "remove", "-w", ws, "7").code());
        assertEquals(0, CliRun.of("attribution", "reset", "-w", ws).code());
        assertTrue(new ObjectMapper()
                .readTree(CliRun.of("unit-cost", "-w", ws, "--json", "--by", "day,endpoint")
                        .out())
                .get("default_rules")
                .asBoolean());
        assertEquals(2, CliRun.of("unit-cost", "-w", ws, "--by", "colour").code());
    }
}
