package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    private static InputFiles.Packing packingOf(byte[] bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        InputFiles.Packing p = InputFiles.packing(in);
        assertArrayEquals(bytes, in.readAllBytes(), "the magic bytes are looked at, not consumed");
        return p;
    }

    @Test
    void packingIsTheMagicNumberNotTheName() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("a,b\n".getBytes());
        }
        assertEquals(InputFiles.Packing.GZIP, packingOf(gz.toByteArray()));
        assertEquals(InputFiles.Packing.ZIP, packingOf(new byte[] {'P', 'K', 3, 4, 0}));
        assertEquals(InputFiles.Packing.PLAIN, packingOf("PK,x\n".getBytes()), "a CSV starting with PK is text");
        assertEquals(InputFiles.Packing.PLAIN, packingOf(new byte[] {'P', 'K', 3}), "too short for zip's magic");
        assertEquals(InputFiles.Packing.PLAIN, packingOf(new byte[] {0x1f}), "too short for gzip's magic");
        assertEquals(InputFiles.Packing.PLAIN, packingOf(new byte[0]));
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() throws IOException {
        try (Reader r = InputFiles.utf8(new ByteArrayInputStream(new byte[] {'a', (byte) 0xff, 'b'}))) {
            char[] buf = new char[8];
            assertEquals("a\uFFFDb", new String(buf, 0, r.read(buf)));
        }
    }

    @Test
    void aMissingFileOrADirectoryIsBadInputSayingWhatWasExpected(@TempDir Path dir) throws IOException {
        BadInputException missing =
                assertThrows(BadInputException.class, () -> InputFiles.requireFile(dir.resolve("no.csv"), "a log"));
        assertEquals(dir.resolve("no.csv") + ": no such file", missing.getMessage());
        BadInputException directory = assertThrows(BadInputException.class, () -> InputFiles.requireFile(dir, "a log"));
        assertEquals(dir + ": is a directory, expected a log", directory.getMessage());
        Path file = Files.writeString(dir.resolve("ok.csv"), "x");
        InputFiles.requireFile(file, "a log");
    }

    @Test
    void countingStreamCountsAndHashesEveryByteReadAndReportsRunningTotals() throws Exception {
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Long> totals = new ArrayList<>();
        try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data), digest, totals::add)) {
            assertEquals(data[0] & 0xff, in.read());
            byte[] rest = in.readAllBytes();
            assertEquals(data.length - 1, rest.length);
            assertEquals(data.length, in.count());
            assertEquals(-1, in.read(), "the end counts nothing");
            assertEquals(data.length, in.count());
            assertThrows(IOException.class, () -> in.skip(1), "a skipped byte would be neither counted nor hashed");
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), digest.digest());
        assertEquals(1L, totals.getFirst());
        assertEquals(data.length, totals.getLast());
        for (int i = 1; i < totals.size(); i++) assertTrue(totals.get(i) > totals.get(i - 1), "running totals grow");
    }
}
