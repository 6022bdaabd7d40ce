package frontier.ingest;

import frontier.sim.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the streaming readers (billing exports, request logs) do alike to a file before they parse it:
 * refuse a missing file or a directory, tell from its first bytes how it is packed, and decode its text.
 */
public final class InputFiles {
    /** How a file's bytes are packed, by their magic number (the file name does not decide). */
    public enum Packing {
        PLAIN,
        GZIP,
        ZIP
    }

    private InputFiles() {}

    /** Bad input unless {@code file} exists and is not a directory; {@code expected} says what it should be, e.g. "a request log file". */
    public static void requireFile(Path file, String expected) {
        if (!Files.exists(file)) throw new BadInputException(file + ": no such file");
        if (Files.isDirectory(file)) throw new BadInputException(file + ": is a directory, expected " + expected);
    }

    /** The packing that the first bytes of {@code in} show; {@code in} is left where it was. */
    public static Packing packing(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) return Packing.GZIP;
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)
            return Packing.ZIP;
        return Packing.PLAIN;
    }

    /** The UTF-8 text of {@code in}; malformed or unmappable bytes become U+FFFD rather than failing the read. */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
