package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random damage to the Parquet fixtures — flipped bytes (anywhere, and concentrated in the footer, where the
 * schema and page offsets live), cut files, garbage between valid magic bytes — must give charges or a
 * BadInputException naming the file, never another exception, a hang or a half-read file passed off as
 * whole. Seeded: a failure names the seed and keeps the damaged file.
 */
@Tag("slow")
class ParquetFuzzTest {
    private static final int ROUNDS = 150;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"aws_cur2_mock.parquet", "aws_cur2_row_groups.parquet"})
    void damagedParquetGivesChargesOrBadInput(String fixture) throws IOException, InterruptedException {
        byte[] good = Files.readAllBytes(ParquetImportTest.fixture(fixture));
        int footerLength = ByteBuffer.wrap(good, good.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        int footerStart = good.length - 8 - footerLength;
        SplittableRandom seeds = new SplittableRandom(fixture.hashCode());
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long seed = seeds.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            byte[] bad =
                    switch (round % 4) {
                        case 0 -> flip(good, r, 0, good.length);
                        case 1 -> flip(good, r, footerStart, good.length - 8);
                        case 2 -> Arrays.copyOf(good, r.nextInt(good.length));
                        default -> garbageBody(good, r);
                    };
            Path f = dir.resolve("fuzz-" + round + ".parquet");
            Files.write(f, bad);
            try (BillingSource s = BillingSource.open(f, ReadOptions.DETECT)) {
                while (s.next() != null) {
                    // drain
                }
            } catch (BadInputException expected) {
                refused++;
                String m = expected.getMessage();
                if (m == null || !m.contains(f.toString()))
                    fail("message does not name the file, seed " + seed + ": " + m);
            } catch (RuntimeException | Error e) {
                Path kept = dir.resolve("failing-" + seed + ".parquet");
                Files.copy(f, kept);
                throw new AssertionError(fixture + ": damage seed " + seed + " (round " + round + ") threw " + e, e);
            }
        }
        assertTrue(refused >= ROUNDS / 4, "cut files and garbage pages are refused: " + refused + " of " + ROUNDS);
        // Decoder threads wind down asynchronously after close: give them up to 5 s (a loaded CI machine), then none
        // may be left.
        long leaked = hardwoodThreads();
        for (int i = 0; i < 50 && leaked > 0; i++) {
            Thread.sleep(100);
            leaked = hardwoodThreads();
        }
        assertTrue(leaked == 0, leaked + " Hardwood decoder threads outlived their files");
    }

    private static long hardwoodThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("hardwood"))
                .count();
    }

    /** 1 to 8 bytes in [from, to) replaced by random ones. */
    private static byte[] flip(byte[] good, SplittableRandom r, int from, int to) {
        byte[] b = good.clone();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) b[from + r.nextInt(to - from)] = (byte) r.nextInt(256);
        return b;
    }

    /** Valid magic at both ends, random bytes and a random footer length between. */
    private static byte[] garbageBody(byte[] good, SplittableRandom r) {
        byte[] b = new byte[8 + r.nextInt(4096) + 8];
        for (int i = 4; i < b.length - 4; i++) b[i] = (byte) r.nextInt(256);
        System.arraycopy(good, 0, b, 0, 4);
        System.arraycopy(good, good.length - 4, b, b.length - 4, 4);
        return b;
    }
}
