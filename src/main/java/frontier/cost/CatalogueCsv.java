package frontier.cost;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes catalogue rows in the CSV formats {@link PriceCatalogue#load} reads (docs/pricing.md), so output can be edited and read back. */
public final class CatalogueCsv {
    private CatalogueCsv() {
    }

    private static CSVPrinter printer(Appendable out, List<String> header) throws IOException {
        return CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(header.toArray(String[]::new)).get().print(out);
    }

    public static void writeInstances(Appendable out, Collection<InstancePrice> rows) throws IOException {
        CSVPrinter p = printer(out, CatalogueReader.INSTANCE_COLUMNS);
        for (InstancePrice r : rows) {
            p.printRecord(r.provider(), r.region(), r.instanceType(), r.gpuModel() == null ? "" : r.gpuModel(), r.gpus(),
                    r.vcpus(), number(r.memoryGib()), r.pricingModel().catalogueCode(), r.usdPerHour().toPlainString(), r.source(), r.asOf());
        }
        p.flush();
    }

    /** The monthly frequency is written only where it differs from the bucket's representative value. */
    public static void writeInterruptions(Appendable out, Collection<SpotInterruption> rows) throws IOException {
        CSVPrinter p = printer(out, CatalogueReader.INTERRUPTION_COLUMNS);
        for (SpotInterruption r : rows) {
            boolean representative = r.monthlyFrequency() == SpotInterruption.monthlyFrequencyForBucket(r.bucket());
            p.printRecord(r.provider(), r.region(), r.instanceType(), r.bucket(),
                    representative ? "" : BigDecimal.valueOf(r.monthlyFrequency()).toPlainString(), r.source(), r.asOf());
        }
        p.flush();
    }

    public static void writeServerless(Appendable out, Collection<ServerlessRate> rows) throws IOException {
        CSVPrinter p = printer(out, CatalogueReader.SERVERLESS_COLUMNS);
        for (ServerlessRate r : rows) {
            p.printRecord(r.platform(), r.region(), r.usdPerRequest().toPlainString(), r.usdPerGbSecond().toPlainString(),
                    r.usdPerVcpuSecond().toPlainString(), r.usdPerGpuSecond().toPlainString(), number(r.billingIncrementS()),
                    r.source(), r.asOf());
        }
        p.flush();
    }

    /** A double as a plain decimal without a trailing ".0" (16, 0.001, 85.5). */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
