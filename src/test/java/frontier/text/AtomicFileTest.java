package frontier.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesTheTextReplacingTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/out.json");
        AtomicFile.writeString(target, "first");
        AtomicFile.writeString(target, "second é");
        assertEquals("second é", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFile.writeString(target, "kept");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFile.write(target, out -> {
                    out.write("half".getBytes());
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", e.getMessage());
        assertEquals("kept", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
