package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalogue CSV neutralises formula-like text for spreadsheets and still reads back to the same rows. */
class CatalogueCsvFormulaTest {
    @Test
    void aFormulaInASourceIsWrittenQuotedWithAQuoteAndReadBackAsItWas() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        PriceCatalogue c = PriceCatalogue.parse(
                CatalogueLoadingTest.HEADER
                        + "aws,us-east-1,g5.xlarge,A10G,1,4,16,on_demand,0.9,\"" + formula.replace("\"", "\"\"")
                        + "\",2025-09-01\n"
                        + "aws,us-east-1,g5.2xlarge,A10G,1,8,32,on_demand,1.2,'=already quoted,2025-09-01\n",
                "mine.csv");
        StringBuilder out = new StringBuilder();
        CatalogueCsv.writeInstances(out, c.instances());
        assertTrue(out.toString().contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), out.toString());
        // A hand-written catalogue may neutralise a value itself: '=x in a file means =x, and is written back the same
        // way.
        assertTrue(out.toString().contains(",\"'=already quoted\","), out.toString());
        List<InstancePrice> back =
                PriceCatalogue.parse(out.toString(), "back.csv").instances();
        assertEquals(c.instances(), back, "written and read back: the same rows");
        assertEquals(
                "=already quoted",
                back.stream()
                        .filter(p -> p.instanceType().equals("g5.2xlarge"))
                        .findFirst()
                        .orElseThrow()
                        .source());
        assertEquals(
                formula,
                back.stream()
                        .filter(p -> p.instanceType().equals("g5.xlarge"))
                        .findFirst()
                        .orElseThrow()
                        .source());
    }
}
