package frontier.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.GpuSpecs;
import frontier.model.llm.LlmModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledCsvTest {
    @Test
    void everyRowBecomesOneEntryReadByItsHeader() {
        Map<String, String> notes = BundledCsv.read("/bundled-csv/table.csv", r -> r.get("name"), r -> r.get("note"));
        assertEquals(Map.of("alpha", "plain", "beta", "quoted, with a comma and \"quotes\""), notes);
        Map<String, Integer> sizes =
                BundledCsv.read("/bundled-csv/table.csv", r -> r.get("name"), r -> Integer.parseInt(r.get("size")));
        assertEquals(Map.of("alpha", 16, "beta", 80), sizes);
        assertThrows(UnsupportedOperationException.class, () -> sizes.put("gamma", 1), "the table is read-only");
    }

    @Test
    void aMissingTableIsAFaultOfTheBuildNamingIt() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> BundledCsv.read("/bundled-csv/absent.csv", r -> r, r -> r));
        assertEquals("/bundled-csv/absent.csv: /bundled-csv/absent.csv is missing from the jar", e.getMessage());
    }

    @Test
    void aRowItsReaderCannotReadNamesTheTable() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> BundledCsv.read(
                        "/bundled-csv/bad.csv", r -> r.get("name"), r -> Double.parseDouble(r.get("size"))));
        assertTrue(e.getMessage().startsWith("/bundled-csv/bad.csv: "), e.getMessage());
        assertTrue(e.getMessage().contains("many"), e.getMessage());
    }

    @Test
    void theShippedGpuAndModelTablesAreReadThroughIt() {
        // The two readers that share it: the GPU table by upper-case model, the LLM geometries by model name.
        assertEquals(80.0, GpuSpecs.memoryGiB("h100-80gb"));
        assertEquals(16.0, GpuSpecs.memoryByModel().get("T4"));
        LlmModels.Geometry llama = LlmModels.bundled().get("llama2-70b");
        assertEquals(68.98e9, llama.parameters(), 1e-3);
        assertEquals(80, llama.layers());
        assertEquals(8, llama.kvHeads());
        assertEquals(128, llama.headDim());
    }
}
