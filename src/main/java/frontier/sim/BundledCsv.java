package frontier.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table shipped inside the jar (the {@code pricing-data/} CSVs): RFC 4180 with a header row, read into a map of one
 * entry per row. Here, below every package, because tables of different layers are read this same way
 * ({@code cost.GpuSpecs}, {@code model.llm.LlmModels}); what a row means stays with its reader.
 */
public final class BundledCsv {
    private BundledCsv() {}

    /**
     * The rows of the resource at {@code path} (absolute, e.g. {@code /pricing-data/gpus.csv}), each turned into an
     * entry by {@code key} and {@code value}; an unmodifiable map. A missing resource or a row the functions cannot
     * read is a fault of the build, not of the user's input: {@link IllegalStateException} naming the resource.
     */
    public static <K, V> Map<K, V> read(
            String path, Function<CSVRecord, ? extends K> key, Function<CSVRecord, ? extends V> value) {
        try (InputStream in = BundledCsv.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the jar");
            CSVParser p = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<K, V> out = new LinkedHashMap<>();
            for (CSVRecord r : p) out.put(key.apply(r), value.apply(r));
            return Map.copyOf(out);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }
}
