package frontier.store;

import frontier.domain.PricingModel;
import java.math.BigDecimal;

/**
 * What the bill says about one resource attributed to an endpoint (see {@link UnitCosts#billedResources}).
 *
 * @param resourceId   the line's resource id, or "(service)" for lines without one, summed
 * @param pricingModel how its lines are priced
 * @param instanceType the lines' instance type as the bill writes it, or null
 * @param provider     the lines' provider as the bill writes it ({@code AWS}, {@code Google Cloud}…), or null
 * @param region       the lines' region as the bill writes it, or null
 * @param hourly       whether its lines are billed in hours (then {@code hours} is the billed instance-hours)
 * @param first        start of its first billed period, epoch s
 * @param last         end of its last billed period, epoch s
 * @param lines        number of cost lines
 */
public record BilledResource(
        String resourceId,
        PricingModel pricingModel,
        String instanceType,
        String provider,
        String region,
        String service,
        String currency,
        boolean hourly,
        long first,
        long last,
        double hours,
        BigDecimal cost,
        long lines) {

    static final class Builder {
        private final String id, instanceType, provider, region, service, currency;
        private final PricingModel pricingModel;
        private final boolean hourly;
        private long first = Long.MAX_VALUE, last = Long.MIN_VALUE, lines;
        private double hours;
        private BigDecimal cost = BigDecimal.ZERO;

        Builder(
                String id,
                PricingModel pricingModel,
                String instanceType,
                String provider,
                String region,
                String service,
                String currency,
                boolean hourly) {
            this.id = id;
            this.pricingModel = pricingModel;
            this.instanceType = instanceType;
            this.provider = provider;
            this.region = region;
            this.service = service;
            this.currency = currency;
            this.hourly = hourly;
        }

        void add(long start, long end, double h, BigDecimal c) {
            first = Math.min(first, start);
            last = Math.max(last, end);
            hours += h;
            cost = cost.add(c);
            lines++;
        }

        BilledResource build() {
            return new BilledResource(
                    id,
                    pricingModel,
                    instanceType,
                    provider,
                    region,
                    service,
                    currency,
                    hourly,
                    first,
                    last,
                    hours,
                    cost,
                    lines);
        }
    }
}
