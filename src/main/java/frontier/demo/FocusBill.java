package frontier.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo's bill as FOCUS 1.2 rows: every column of the 1.2 specification, in its alphabetical order
 * (as the official FOCUS sample data writes them), money rounded to 10 decimals. Lines are written in
 * the order of their charge period, then resource; one AWS billing account with two sub-accounts, all in
 * us-east-1.
 */
final class FocusBill {
    static final List<String> COLUMNS = List.of(
            "AvailabilityZone",
            "BilledCost",
            "BillingAccountId",
            "BillingAccountName",
            "BillingAccountType",
            "BillingCurrency",
            "BillingPeriodEnd",
            "BillingPeriodStart",
            "CapacityReservationId",
            "CapacityReservationStatus",
            "ChargeCategory",
            "ChargeClass",
            "ChargeDescription",
            "ChargeFrequency",
            "ChargePeriodEnd",
            "ChargePeriodStart",
            "CommitmentDiscountCategory",
            "CommitmentDiscountId",
            "CommitmentDiscountName",
            "CommitmentDiscountQuantity",
            "CommitmentDiscountStatus",
            "CommitmentDiscountType",
            "CommitmentDiscountUnit",
            "ConsumedQuantity",
            "ConsumedUnit",
            "ContractedCost",
            "ContractedUnitPrice",
            "EffectiveCost",
            "InvoiceId",
            "InvoiceIssuerName",
            "ListCost",
            "ListUnitPrice",
            "PricingCategory",
            "PricingCurrency",
            "PricingCurrencyContractedUnitPrice",
            "PricingCurrencyEffectiveCost",
            "PricingCurrencyListUnitPrice",
            "PricingQuantity",
            "PricingUnit",
            "ProviderName",
            "PublisherName",
            "RegionId",
            "RegionName",
            "ResourceId",
            "ResourceName",
            "ResourceType",
            "ServiceCategory",
            "ServiceName",
            "ServiceSubcategory",
            "SkuId",
            "SkuMeter",
            "SkuPriceDetails",
            "SkuPriceId",
            "SubAccountId",
            "SubAccountName",
            "SubAccountType",
            "Tags");
    static final int MONEY_SCALE = 10;
    static final String BILLING_ACCOUNT = "111122223333";
    /** Everything of the demo runs in one region. */
    static final String REGION = "us-east-1";

    /** A sub-account (AWS member account) of the demo's organisation. */
    enum Account {
        INFERENCE("444455556666", "ml-inference-prod"),
        SANDBOX("777788889999", "ml-sandbox");

        final String id;
        final String name;

        Account(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** What a line is for: the service and its FOCUS categories. */
    record Service(String name, String category, String subcategory) {
        static final Service EC2 = new Service("Amazon Elastic Compute Cloud", "Compute", "Virtual Machines");
        static final Service LAMBDA = new Service("AWS Lambda", "Compute", "Serverless Compute");
        static final Service S3 = new Service("Amazon Simple Storage Service", "Storage", "Object Storage");
        static final Service DATA_TRANSFER = new Service("AWS Data Transfer", "Networking", "Network Connectivity");
    }

    /**
     * One usage line: {@code quantity} of {@code unit} at {@code unitPrice} (what was paid per unit) and
     * {@code listUnitPrice} (the public on-demand price), over the charge period [start, end) in epoch seconds.
     */
    record Line(
            long start,
            long end,
            Account account,
            Service service,
            String zone,
            String resourceId,
            String resourceName,
            String resourceType,
            String sku,
            String skuMeter,
            String skuPriceDetails,
            String pricingCategory,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal listUnitPrice,
            String tags) {
        BigDecimal cost() {
            return money(quantity.multiply(unitPrice));
        }

        BigDecimal listCost() {
            return money(quantity.multiply(listUnitPrice));
        }
    }

    private final long periodStart;
    private final long periodEnd;
    private final String invoiceId;
    private final List<Line> lines = new ArrayList<>();

    FocusBill(long periodStart, long periodEnd, String invoiceId) {
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.invoiceId = invoiceId;
    }

    void add(Line l) {
        lines.add(l);
    }

    List<Line> lines() {
        return lines;
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Writes the header and every line, sorted, to {@code file}; returns the number of lines. */
    int write(Path file) {
        lines.sort(Comparator.comparingLong(Line::start)
                .thenComparing(Line::resourceName)
                .thenComparing(Line::description));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            StringBuilder b = new StringBuilder(1024);
            String billingStart = time(periodStart);
            String billingEnd = time(periodEnd);
            for (Line l : lines) {
                b.setLength(0);
                String cost = l.cost().toPlainString();
                String unitPrice = l.unitPrice().toPlainString();
                String listPrice = l.listUnitPrice().toPlainString();
                String quantity = l.quantity().toPlainString();
                field(b, l.zone());
                field(b, cost);
                field(b, BILLING_ACCOUNT);
                field(b, "Demo Corp");
                field(b, "Payer Account");
                field(b, "USD");
                field(b, billingEnd);
                field(b, billingStart);
                field(b, null); // CapacityReservationId
                field(b, null); // CapacityReservationStatus
                field(b, "Usage");
                field(b, null); // ChargeClass: no corrections
                field(b, l.description());
                field(b, "Usage-Based");
                field(b, time(l.end()));
                field(b, time(l.start()));
                for (int i = 0; i < 7; i++) field(b, null); // no commitment discounts
                field(b, quantity);
                field(b, l.unit());
                field(b, cost); // ContractedCost: no negotiated discount
                field(b, unitPrice);
                field(b, cost); // EffectiveCost: nothing to amortise
                field(b, invoiceId);
                field(b, "Amazon Web Services, Inc.");
                field(b, l.listCost().toPlainString());
                field(b, listPrice);
                field(b, l.pricingCategory());
                field(b, "USD");
                field(b, unitPrice);
                field(b, cost);
                field(b, listPrice);
                field(b, quantity);
                field(b, l.unit());
                field(b, "AWS");
                field(b, "Amazon Web Services, Inc.");
                field(b, REGION);
                field(b, "US East (N. Virginia)");
                field(b, l.resourceId());
                field(b, l.resourceName());
                field(b, l.resourceType());
                field(b, l.service().category());
                field(b, l.service().name());
                field(b, l.service().subcategory());
                field(b, l.sku());
                field(b, l.skuMeter());
                field(b, l.skuPriceDetails());
                field(b, l.sku() + "." + l.pricingCategory().toUpperCase(java.util.Locale.ROOT));
                field(b, l.account().id);
                field(b, l.account().name);
                field(b, "Linked Account");
                field(b, l.tags());
                b.setCharAt(b.length() - 1, '\n');
                w.append(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the demo bill", e);
        }
        return lines.size();
    }

    static String time(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }

    /** Appends a CSV field and a comma; quoted when it holds a comma or a quote, empty for null. */
    private static void field(StringBuilder b, String v) {
        if (v != null) {
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0)
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            else b.append(v);
        }
        b.append(',');
    }
}
