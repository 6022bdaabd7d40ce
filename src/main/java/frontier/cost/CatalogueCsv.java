package frontier.cost;

import frontier.text.Csv;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Writes catalogue rows in the CSV formats {@link PriceCatalogue#load} reads (docs/pricing.md), so output can be
 * edited and read back. Cells go through {@link Csv}: a text cell a spreadsheet would take for a formula is written
 * with a leading quote, which the reader removes again.
 */
public final class CatalogueCsv {
    private CatalogueCsv() {}

    private static void header(Appendable out, List<String> header) throws IOException {
        Csv.appendLine(out, header.toArray(String[]::new));
    }

    public static void writeInstances(Appendable out, Collection<InstancePrice> rows) throws IOException {
        header(out, CatalogueReader.INSTANCE_COLUMNS);
        for (InstancePrice r : rows) {
            Csv.appendLine(
                    out,
                    r.provider(),
                    r.region(),
                    r.instanceType(),
                    r.gpuModel() == null ? "" : r.gpuModel(),
                    Integer.toString(r.gpus()),
                    Integer.toString(r.vcpus()),
                    number(r.memoryGib()),
                    r.pricingModel().catalogueCode(),
                    r.usdPerHour().toPlainString(),
                    r.source(),
                    r.asOf().toString());
        }
    }

    /** The monthly frequency is written only where it differs from the bucket's representative value. */
    public static void writeInterruptions(Appendable out, Collection<SpotInterruption> rows) throws IOException {
        header(out, CatalogueReader.INTERRUPTION_COLUMNS);
        for (SpotInterruption r : rows) {
            boolean representative = r.monthlyFrequency() == SpotInterruption.monthlyFrequencyForBucket(r.bucket());
            Csv.appendLine(
                    out,
                    r.provider(),
                    r.region(),
                    r.instanceType(),
                    r.bucket(),
                    representative
                            ? ""
                            : BigDecimal.valueOf(r.monthlyFrequency()).toPlainString(),
                    r.source(),
                    r.asOf().toString());
        }
    }

    public static void writeServerless(Appendable out, Collection<ServerlessRate> rows) throws IOException {
        header(out, CatalogueReader.SERVERLESS_COLUMNS);
        for (ServerlessRate r : rows) {
            Csv.appendLine(
                    out,
                    r.platform(),
                    r.region(),
                    r.usdPerRequest().toPlainString(),
                    r.usdPerGbSecond().toPlainString(),
                    r.usdPerVcpuSecond().toPlainString(),
                    r.usdPerGpuSecond().toPlainString(),
                    number(r.billingIncrementS()),
                    r.source(),
                    r.asOf().toString());
        }
    }

    /** A double as a plain decimal without a trailing ".0" (16, 0.001, 85.5). */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
