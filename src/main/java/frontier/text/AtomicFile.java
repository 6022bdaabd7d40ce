package frontier.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader never sees half of it: the content goes to a temporary file beside the target
 * (same directory, so the same file system), which is then renamed over the target — atomically where the file
 * system can, else by a plain replacing move. The temporary file never outlives the call, whether the writing
 * succeeds or fails, and a failure leaves the target as it was. The one copy of this recipe for the scenario
 * editor, the settings file, sweep results, price catalogues and traces.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes the content to the stream it is given (the temporary file's). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically, creating its directory if needed. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code target} atomically from {@code content}, creating its directory if needed.
     *
     * @throws IOException from the directory, the temporary file, the content or the rename; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // Hidden and named after the target, so a stray one (a killed process) says where it came from.
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
