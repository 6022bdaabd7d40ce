package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile cloud account can plant in Frontier's output: formulas in tags and resource ids must reach a
 * spreadsheet as text, and control bytes in a bad cell must reach the terminal as visible escapes.
 */
class HostileOutputCliTest {
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    @TempDir
    Path dir;

    private String workspaceWithHostileBillAndLog() throws Exception {
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun bill = CliRun.of("import", "-w", ws, fixture("hostile-bill.csv").toString());
        assertEquals(0, bill.code(), bill.err());
        CliRun log = CliRun.of(
                "logs", "import", "-w", ws, fixture("hostile-requests.csv").toString());
        assertEquals(0, log.code(), log.err());
        return ws;
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(
                HostileOutputCliTest.class.getResource("/csv-injection/" + name).toURI());
    }

    private static List<Map<String, String>> parse(String csv) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)))
            rows.add(r.toMap());
        return rows;
    }

    @Test
    void costsCsvWritesATagFormulaAsQuotedTextAndKeepsNegativeAmountsNumbers() throws Exception {
        String ws = workspaceWithHostileBillAndLog();
        CliRun r = CliRun.of("costs", "-w", ws, "--csv", "--by", "tag:endpoint,service,instance-type,charge-category");
        assertEquals(0, r.code(), r.err());
        // OWASP: the formula gets a leading quote and the whole cell is quoted (its inner quotes doubled).
        assertTrue(r.out().contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), r.out());
        assertTrue(r.out().contains("\"'+cmd\""), r.out());
        assertTrue(r.out().contains("\"'-2+3\""), r.out());
        List<Map<String, String>> rows = parse(r.out());
        assertEquals(3, rows.size(), r.out());
        for (Map<String, String> row : rows) {
            for (String cell : row.values()) {
                assertFalse(
                        cell.startsWith("=")
                                || cell.startsWith("+")
                                || cell.startsWith("@")
                                || cell.startsWith("-") && !cell.matches("-[0-9.]+"),
                        "a cell a spreadsheet would evaluate: " + cell);
            }
        }
        Map<String, String> hostile = rows.stream()
                .filter(m -> m.get("tag:endpoint").equals("'" + FORMULA))
                .findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("24").compareTo(new BigDecimal(hostile.get("billed_cost"))));
        Map<String, String> credit = rows.stream()
                .filter(m -> m.get("charge_category").equalsIgnoreCase("credit"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        String amount = credit.get("billed_cost");
        assertEquals(
                0,
                new BigDecimal("-1.50").compareTo(new BigDecimal(amount)),
                "a negative amount stays a number: " + amount);
        assertTrue(r.out().contains("," + amount + ","), "written bare, not quoted: " + r.out());
    }

    @Test
    void unitCostCsvWritesAnEndpointFormulaAsQuotedText() throws Exception {
        String ws = workspaceWithHostileBillAndLog();
        CliRun r = CliRun.of("unit-cost", "-w", ws, "--csv", "--by", "endpoint");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), r.out());
        Map<String, String> hostile = parse(r.out()).stream()
                .filter(m -> m.get("endpoint").equals("'" + FORMULA))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        assertEquals("10", hostile.get("requests"));
        assertEquals(0, new BigDecimal("24").compareTo(new BigDecimal(hostile.get("cost"))), r.out());
        // The JSON form is not a spreadsheet format: it carries the value as it is.
        assertTrue(CliRun.of("unit-cost", "-w", ws, "--json")
                .out()
                .contains("\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\""));
    }

    @Test
    void controlBytesOfABadBillingCellAreEchoedAsVisibleEscapes() throws Exception {
        String header =
                "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,ChargeCategory,"
                        + "PricingCategory,ProviderName,ServiceName,ResourceId,x_InstanceType,ConsumedQuantity,ConsumedUnit,Tags\n";
        String line =
                "12\u0000\u001b[2J,12,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,USD,acct,Usage,Standard,AWS,EC2,i-1,g5.2xlarge,1,Hours,\n";
        Path bill = Files.writeString(dir.resolve("nul-esc.csv"), header + line, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("import", "-w", dir.resolve("ws.sqlite").toString(), bill.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("frontier: "), r.err());
        assertTrue(r.err().contains("12\\x00\\x1b[2J"), "the cell shown with visible escapes: " + r.err());
        assertFalse(r.err().contains("\u0000") || r.err().contains("\u001b"), "no raw NUL or ESC reaches the terminal");
    }
}
