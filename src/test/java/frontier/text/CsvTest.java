package frontier.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void formulaStartsAreNeutralisedWithAQuoteAndQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.text("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("\"'=1+1\"", Csv.text("=1+1"));
        assertEquals("\"'+cmd\"", Csv.text("+cmd"));
        assertEquals("\"'-2+3\"", Csv.text("-2+3"));
        assertEquals("\"'@SUM(A1)\"", Csv.text("@SUM(A1)"));
        assertEquals("\"'\t=1\"", Csv.text("\t=1"));
        assertEquals("\"'\r=1\"", Csv.text("\r=1"));
        assertEquals("\"'\uFF1D1+1\"", Csv.text("\uFF1D1+1"), "full-width equals sign");
        assertEquals("\"'-\"", Csv.text("-"));
    }

    @Test
    void plainNumbersAndOrdinaryTextAreUnchanged() {
        for (String v :
                List.of("-1.50", "+3", "-0", "2.5e-3", "-.5", "-1E+10", "chat", "g5.2xlarge", "a=b", "us-east-1", "")) {
            assertEquals(v, Csv.text(v), v);
        }
        assertEquals("\"a,b\"", Csv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.text("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.text("two\nlines"));
        assertEquals("", Csv.text(null));
        assertEquals("-1.50", Csv.decimal(new BigDecimal("-1.50")));
        assertEquals("", Csv.decimal(null));
        assertEquals("-7", Csv.number(-7));
    }

    @Test
    void aSpreadsheetReadsEveryNeutralisedCellAsTextStartingWithAQuote() throws Exception {
        List<String> hostile =
                List.of("=cmd|' /C calc'!A0", "+1+2", "-1-2", "@x", "\t=1", "'=already", "''-3-4", "=\"a,b\"\n2");
        String line = Csv.row(hostile);
        List<String> cells = CSVFormat.RFC4180
                .parse(new StringReader(line))
                .getRecords()
                .getFirst()
                .toList();
        assertEquals(hostile.size(), cells.size(), line);
        for (int i = 0; i < cells.size(); i++) {
            assertTrue(cells.get(i).startsWith("'"), cells.get(i));
            assertEquals(hostile.get(i), Csv.unneutralise(cells.get(i)), "read back exactly");
        }
    }

    @Test
    void unneutraliseLeavesOtherValuesAlone() {
        for (String v : List.of("'quoted", "'", "'-1.5", "chat", "-1.5", ""))
            assertEquals(v, Csv.unneutralise(Csv.text(v).replace("\"", "")), v);
        assertEquals("=x", Csv.unneutralise("'=x"));
        assertFalse(Csv.isFormulaLike("'-1.5"), "a quote before a plain number is not a neutralised formula");
    }
}
