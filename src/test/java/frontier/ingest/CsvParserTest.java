package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
    private static List<String[]> parse(String text) {
        List<String[]> out = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(text), "t.csv")) {
            while (p.next()) out.add(p.record());
        }
        return out;
    }

    @Test
    void quotedFieldsMayHoldSeparatorsDoubledQuotesAndLineBreaks() {
        List<String[]> r = parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n");
        assertEquals(3, r.size());
        assertArrayEquals(new String[] {"x,1", "say \"hi\"", "two\nlines"}, r.get(1));
        assertArrayEquals(new String[] {"last", "", ""}, r.get(2));
    }

    @Test
    void byteOrderMarkAndBlankLinesAreSkippedAndLinesAreCounted() {
        try (CsvParser p = new CsvParser(new StringReader("\uFEFFh1,h2\n\n1,\"a\nb\"\n2,c"), "t.csv")) {
            assertTrue(p.next());
            assertEquals("h1", p.field(0));
            assertTrue(p.next());
            assertEquals(3, p.line());
            assertTrue(p.isQuoted(1));
            assertTrue(p.next());
            assertEquals(5, p.line(), "the quoted line break counts");
            assertEquals("c", p.field(1));
            assertFalse(p.next());
        }
    }

    @Test
    void unquotedNullIsDistinguishableFromQuotedNull() {
        try (CsvParser p = new CsvParser(new StringReader("NULL,\"NULL\"\n"), "t.csv")) {
            assertTrue(p.next());
            assertTrue(p.fieldEquals(0, "NULL") && !p.isQuoted(0));
            assertTrue(p.isQuoted(1));
        }
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse("a,b\n1,\"open\n2,3\n"));
        assertTrue(e.getMessage().contains("t.csv: line 2") && e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void longFieldsCrossingTheBufferAreKeptWhole() {
        String big = "x".repeat(200_000);
        List<String[]> r = parse("h\n" + big + "\n\"" + big + "\"\n");
        assertEquals(big, r.get(1)[0]);
        assertEquals(big, r.get(2)[0]);
    }
}
