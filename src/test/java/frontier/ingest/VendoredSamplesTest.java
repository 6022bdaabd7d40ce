package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The samples vendored in src/test/resources/samples are named in its NOTICE and are exact copies of the shared ones. */
class VendoredSamplesTest {
    private static List<String> vendored() throws IOException {
        Path root = Samples.vendored("NOTICE.md").getParent();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("NOTICE.md"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyVendoredFileIsNamedWithItsOriginInTheNotice() throws IOException {
        String notice = Files.readString(Samples.vendored("NOTICE.md"));
        List<String> files = vendored();
        assertFalse(files.isEmpty());
        for (String f : files) assertTrue(notice.contains("| " + f + " |"), "NOTICE.md has no row for " + f);
    }

    @Test
    void vendoredFilesAreByteIdenticalToTheSharedSamples() throws IOException {
        assumeTrue(
                Files.isDirectory(Samples.SHARED),
                Samples.SHARED.toAbsolutePath().normalize()
                        + " not found (set -Dfrontier.samples): the vendored copies are not compared with the shared ones");
        for (String f : vendored()) {
            Path shared = Samples.SHARED.resolve(f);
            assertTrue(Files.isRegularFile(shared), "vendored but not in the shared samples: " + f);
            assertArrayEquals(
                    Files.readAllBytes(shared), Files.readAllBytes(Samples.vendored(f)), f + " differs from " + shared);
        }
    }
}
