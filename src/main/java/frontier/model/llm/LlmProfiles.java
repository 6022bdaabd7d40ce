package frontier.model.llm;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Iteration-time profiles as data: the CSV shipped in {@code pricing-data/llm-profiles.csv} (bundled in
 * the jar) or a user's file of the same columns — {@code name, gpu, model, tensor_parallel, a_ms,
 * b_ms_per_token, c_ms_per_seq, d_ms_per_ktoken, noise_cv, request_overhead_ms, source, date} (other
 * columns, such as the fit's quality, are kept for people and ignored here).
 */
public final class LlmProfiles {
    public static final String BUNDLED = "/pricing-data/llm-profiles.csv";
    private static final List<String> REQUIRED = List.of("name", "gpu", "model", "tensor_parallel", "a_ms", "b_ms_per_token",
            "c_ms_per_seq", "d_ms_per_ktoken", "noise_cv", "request_overhead_ms", "source", "date");

    private LlmProfiles() {
    }

    /** The shipped profiles by name. */
    public static Map<String, IterationProfile> bundled() {
        try (InputStream in = LlmProfiles.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the jar");
            return read("llm-profiles.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, IterationProfile> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (IOException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, IterationProfile> read(String name, Reader reader) throws IOException {
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        for (String col : REQUIRED) {
            if (!p.getHeaderMap().containsKey(col)) throw new BadInputException(name + ":1: missing column '" + col + "'");
        }
        Map<String, IterationProfile> out = new LinkedHashMap<>();
        for (CSVRecord r : p) {
            long line = p.getCurrentLineNumber();
            try {
                IterationProfile prof = new IterationProfile(r.get("name"), r.get("gpu"), r.get("model"),
                        Integer.parseInt(r.get("tensor_parallel")), num(r, "a_ms") / 1e3, num(r, "b_ms_per_token") / 1e3,
                        num(r, "c_ms_per_seq") / 1e3, num(r, "d_ms_per_ktoken") / 1e6, num(r, "noise_cv"),
                        num(r, "request_overhead_ms") / 1e3, r.get("source"), r.get("date"));
                if (out.put(prof.name(), prof) != null) throw new BadInputException(name + ":" + line + ": duplicate profile name '" + prof.name() + "'");
            } catch (NumberFormatException e) {
                throw new BadInputException(name + ":" + line + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d: %s", name, line, e.getMessage()));
            }
        }
        return out;
    }

    private static double num(CSVRecord r, String col) {
        return Double.parseDouble(r.get(col));
    }
}
