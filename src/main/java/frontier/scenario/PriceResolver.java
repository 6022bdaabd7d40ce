package frontier.scenario;

import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.cost.ServerlessRate;
import frontier.domain.PricingModel;
import frontier.model.batch.BatchFleet;
import frontier.model.pool.Pools;
import frontier.model.pool.Price;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.sim.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns catalogue references in pool prices ({@code provider}, {@code instance_type}, optional
 * {@code region} and {@code pricing_model}) into hourly prices, from the shipped catalogue overridden by
 * the scenario's {@code price_catalogue}. A spot pool defaults to the spot price, others to on-demand.
 */
final class PriceResolver {
    private PriceResolver() {}

    static Scenario resolve(Scenario s, String source) {
        if (s.batch() != null) return resolveBatch(s, source);
        if (s.pools() == null
                || s.pools().stream()
                        .allMatch(p -> p.price().resolved()
                                && !(p instanceof ServerlessPool sp
                                        && !sp.billing().resolved()))) {
            return s;
        }
        PriceCatalogue catalogue = catalogue(s, source);
        List<Pools> out = new ArrayList<>();
        for (int i = 0; i < s.pools().size(); i++) {
            Pools pool = s.pools().get(i);
            if (pool instanceof ServerlessPool sp && !sp.billing().resolved()) {
                out.add(withRates(sp, catalogue, i, source));
                continue;
            }
            Price price = pool.price();
            if (price.resolved()) {
                out.add(pool);
                continue;
            }
            PricingModel model = price.pricingModel() != null
                    ? PricingModel.fromCatalogue(price.pricingModel())
                            .orElseThrow(() -> new ScenarioException(
                                    source + ": $.pools[" + out.size()
                                            + "].price.pricing_model: expected on_demand, spot, committed or serverless, got "
                                            + price.pricingModel(),
                                    null))
                    : pool instanceof SpotPool ? PricingModel.SPOT : PricingModel.ON_DEMAND;
            int index = i;
            InstancePrice hit = catalogue
                    .instance(price.provider(), price.region(), price.instanceType(), model)
                    .orElseThrow(() -> new ScenarioException(
                            source + ": $.pools[" + index + "].price: the price catalogue has no "
                                    + model.catalogueCode() + " price for " + price.provider() + " "
                                    + price.instanceType()
                                    + (price.region() == null
                                            ? " in the provider's default region"
                                            : " in " + price.region())
                                    + "; 'frontier prices list --provider " + price.provider()
                                    + "' lists the known ones",
                            null));
            out.add(pool.withPrice(price.withUsdPerHour(hourly(pool, hit, index, source))));
        }
        return s.withPools(out);
    }

    /** The shipped catalogue, overridden by the scenario's {@code price_catalogue}. */
    private static PriceCatalogue catalogue(Scenario s, String source) {
        PriceCatalogue catalogue = PriceCatalogue.shipped();
        if (s.priceCatalogue() != null) {
            Path p = Path.of(s.priceCatalogue());
            if (!p.isAbsolute() && s.baseDir() != null) p = s.baseDir().resolve(p);
            try {
                catalogue = catalogue.overriddenBy(PriceCatalogue.load(p));
            } catch (BadInputException e) {
                throw new ScenarioException(source + ": $.price_catalogue: " + e.getMessage(), e);
            }
        }
        return catalogue;
    }

    /**
     * A batch job's prices: {@code price} on demand unless its {@code pricing_model} says otherwise, {@code spot_price}
     * on spot; without a {@code spot_price}, the catalogue's spot price of the instance {@code price} names.
     */
    private static Scenario resolveBatch(Scenario s, String source) {
        BatchFleet f = s.batch().fleet();
        boolean needSpot = f.spotInstances() > 0;
        if (f.price().resolved()
                && (f.spotPrice() == null ? !needSpot : f.spotPrice().resolved())) return s;
        PriceCatalogue catalogue = catalogue(s, source);
        int tp = s.batch().llmEngine() == null ? 0 : s.batch().llmEngine().tensorParallel();
        Price onDemand = f.price().resolved()
                ? f.price()
                : f.price()
                        .withUsdPerHour(hourly(
                                catalogue, f.price(), PricingModel.ON_DEMAND, tp, "$.batch.fleet.price", source));
        Price spot = f.spotPrice();
        if (spot != null && !spot.resolved()) {
            spot = spot.withUsdPerHour(
                    hourly(catalogue, spot, PricingModel.SPOT, tp, "$.batch.fleet.spot_price", source));
        } else if (spot == null && needSpot) {
            Price p = f.price();
            Price asSpot =
                    new Price(null, p.provider(), p.instanceType(), p.region(), PricingModel.SPOT.catalogueCode());
            spot = Price.perHour(hourly(catalogue, asSpot, PricingModel.SPOT, tp, "$.batch.fleet.price", source));
        }
        return s.withBatch(s.batch().withFleet(f.withPrices(onDemand, spot)));
    }

    /**
     * A batch instance's hourly price from the catalogue; with an LLM engine of tensor parallelism {@code tp} (0:
     * none), that many GPUs' share of the machine, as for a serving pool's engine.
     */
    private static double hourly(
            PriceCatalogue catalogue, Price price, PricingModel fallback, int tp, String path, String source) {
        PricingModel model = price.pricingModel() != null
                ? PricingModel.fromCatalogue(price.pricingModel())
                        .orElseThrow(() -> new ScenarioException(
                                source + ": " + path
                                        + ".pricing_model: expected on_demand, spot, committed or serverless, got "
                                        + price.pricingModel(),
                                null))
                : fallback;
        InstancePrice hit = catalogue
                .instance(price.provider(), price.region(), price.instanceType(), model)
                .orElseThrow(() -> new ScenarioException(
                        source + ": " + path + ": the price catalogue has no "
                                + model.catalogueCode() + " price for " + price.provider() + " " + price.instanceType()
                                + (price.region() == null
                                        ? " in the provider's default region"
                                        : " in " + price.region())
                                + "; 'frontier prices list --provider " + price.provider() + "' lists the known ones",
                        null));
        if (tp == 0) return hit.usdPerHour().doubleValue();
        if (hit.gpus() < tp) {
            throw new ScenarioException(
                    source + ": " + path + ".instance_type: " + hit.instanceType() + " has " + hit.gpus() + " GPU"
                            + (hit.gpus() == 1 ? "" : "s") + ", the LLM engine's profile needs tensor parallelism "
                            + tp,
                    null);
        }
        return hit.usdPerGpuHour().doubleValue() * tp;
    }

    /**
     * The machine's hourly price; for an LLM engine of tensor parallelism N, N GPUs' share of it (an
     * instance is N GPUs of the machine, several instances may share one machine).
     */
    private static double hourly(Pools pool, InstancePrice hit, int index, String source) {
        if (pool.model().llmEngine() == null) return hit.usdPerHour().doubleValue();
        int tp = pool.model().llmEngine().tensorParallel();
        if (hit.gpus() < tp) {
            throw new ScenarioException(
                    source + ": $.pools[" + index + "].price.instance_type: " + hit.instanceType() + " has "
                            + hit.gpus() + " GPU" + (hit.gpus() == 1 ? "" : "s")
                            + ", the LLM engine's profile needs tensor parallelism " + tp,
                    null);
        }
        return hit.usdPerGpuHour().doubleValue() * tp;
    }

    private static ServerlessPool withRates(ServerlessPool p, PriceCatalogue catalogue, int index, String source) {
        ServerlessBilling b = p.billing();
        ServerlessRate rate = catalogue
                .serverless(b.platform(), b.region())
                .orElseThrow(() -> new ScenarioException(
                        source + ": $.pools["
                                + index + "].billing.platform: the price catalogue has no serverless platform '"
                                + b.platform() + "'"
                                + (b.region() == null ? "" : " in " + b.region())
                                + "; 'frontier prices list --kind serverless' lists the known ones",
                        null));
        ServerlessBilling resolved = b.withRates(
                rate.usdPerRequest().doubleValue(),
                rate.usdPerGbSecond().doubleValue(),
                rate.usdPerVcpuSecond().doubleValue(),
                rate.usdPerGpuSecond().doubleValue(),
                rate.billingIncrementS());
        return p.withBilling(resolved);
    }
}
