package frontier.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("got '12\\x00\\x1b[31m'", Printable.escape("got '12\u0000\u001b[31m'"));
        assertEquals(
                "bell \\x07, cr \\x0d, del \\x7f, csi \\u009b",
                Printable.escape("bell \u0007, cr \r, del \u007f, csi \u009b"));
        assertEquals(
                "file \\u202egpj.exe",
                Printable.escape("file \u202egpj.exe"),
                "a right-to-left override cannot disguise a name");
        assertEquals("bom \\ufeff, lone \\ud800 surrogate", Printable.escape("bom \ufeff, lone \ud800 surrogate"));
    }

    @Test
    void ordinaryTextLineBreaksAndTabsAreKept() {
        String s = "line 3, column 'BilledCost': expected a decimal\n\tÉtat 日本 😀, C:\\data\\bill.csv\r\n";
        assertSame(s, Printable.escape(s));
        assertNull(Printable.escape(null));
    }
}
