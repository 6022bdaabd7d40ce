package frontier.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An AWS CUR manifest ({@code *-Manifest.json}): legacy CUR lists its parts in {@code reportKeys}, CUR
 * 2.0 / Data Exports in {@code dataFiles}. The parts are looked for next to the manifest, first under
 * their key's path, then by file name, so a downloaded S3 folder works as is.
 */
final class Manifest {
    private Manifest() {}

    static boolean isManifest(Path file) {
        if (!file.getFileName().toString().toLowerCase().endsWith(".json")) return false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 16);
            String s = new String(head, java.nio.charset.StandardCharsets.UTF_8);
            return s.contains("\"reportKeys\"") || s.contains("\"dataFiles\"");
        } catch (IOException e) {
            return false;
        }
    }

    static List<Path> parts(Path manifest) {
        JsonNode root;
        try {
            root = new ObjectMapper(InputLimits.configured().jsonFactory()).readTree(manifest.toFile());
        } catch (IOException e) {
            throw new BadInputException(manifest + ": not a readable CUR manifest (" + e.getMessage() + ")");
        }
        JsonNode keys = root.has("reportKeys") ? root.get("reportKeys") : root.get("dataFiles");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            throw new BadInputException(
                    manifest + ": a CUR manifest must list its parts in 'reportKeys' or 'dataFiles'");
        }
        Path dir = manifest.toAbsolutePath().getParent();
        List<Path> parts = new ArrayList<>();
        for (JsonNode k : keys) {
            String key = k.asText();
            String rel = key.replaceFirst("^s3://[^/]+/", "");
            Path byPath = resolve(dir, rel);
            Path byName = dir.resolve(rel.substring(rel.lastIndexOf('/') + 1));
            if (byPath != null && Files.isRegularFile(byPath)) parts.add(byPath);
            else if (Files.isRegularFile(byName)) parts.add(byName);
            else
                throw new BadInputException(manifest + ": part '" + key + "' not found; looked for "
                        + (byPath != null ? byPath + " and " : "") + byName);
        }
        return parts;
    }

    private static Path resolve(Path dir, String rel) {
        try {
            Path p = dir.resolve(rel).normalize();
            return p.startsWith(dir) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
