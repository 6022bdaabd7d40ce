package frontier.cost;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The per-token price of a hosted model API, from the dated catalogue {@code pricing-data/llm-api-prices.csv}
 * (columns {@code model, provider, model_family, input_usd_per_1m, output_usd_per_1m,
 * cached_input_usd_per_1m, source, as_of}); {@code modelFamily} groups the offers of one open model
 * ({@code llama2-70b}) so they can stand beside a self-hosted deployment of it.
 *
 * @param cachedInputUsdPerMillion NaN when the offer has no cached-input price
 */
public record ApiTokenPrice(
        String model,
        String provider,
        String modelFamily,
        double inputUsdPerMillion,
        double outputUsdPerMillion,
        double cachedInputUsdPerMillion,
        String source,
        LocalDate asOf) {
    public static final String BUNDLED = "/pricing-data/llm-api-prices.csv";

    /** US dollars of one request with these token counts (no cache hits). */
    public double usdPerRequest(double inputTokens, double outputTokens) {
        return (inputTokens * inputUsdPerMillion + outputTokens * outputUsdPerMillion) / 1e6;
    }

    /** The shipped catalogue. */
    public static List<ApiTokenPrice> shipped() {
        try (InputStream in = ApiTokenPrice.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the jar");
            return read("llm-api-prices.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ApiTokenPrice> read(String name, Reader reader) throws IOException {
        CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        List<ApiTokenPrice> out = new ArrayList<>();
        for (CSVRecord r : p) {
            try {
                String cached = r.get("cached_input_usd_per_1m");
                out.add(new ApiTokenPrice(
                        r.get("model"),
                        r.get("provider"),
                        r.get("model_family"),
                        Double.parseDouble(r.get("input_usd_per_1m")),
                        Double.parseDouble(r.get("output_usd_per_1m")),
                        cached.isBlank() ? Double.NaN : Double.parseDouble(cached),
                        r.get("source"),
                        LocalDate.parse(r.get("as_of"))));
            } catch (RuntimeException e) {
                throw new BadInputException(name + ":" + p.getCurrentLineNumber() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
