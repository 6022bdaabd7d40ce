package frontier.analysis.capacity;

import frontier.cost.ApiTokenPrice;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.cost.SpotInterruption;
import frontier.domain.PricingModel;
import frontier.model.llm.IterationProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cheapest fleet for a target request rate under TTFT/TPOT SLOs, across the GPU types and tensor
 * parallelism the profiles know and the machines and pricing models the price catalogue has for those
 * GPUs. For each profile the caller supplies the capacity of one instance ({@link CapacitySearch}) and a
 * check of a fleet of n instances at the target rate; a fleet needs {@code ceil(target / capacity)}
 * instances, raised while the check misses. An instance of tensor parallelism N costs N GPUs' share of the
 * machine's hourly price. Pricing models: on-demand, committed (where the catalogue has it), and spot with
 * on-demand fallback, priced as the expected mix {@code (1 − u)·spot + u·on_demand} with {@code u} = the
 * interruption hazard of the machine's Spot Advisor bucket × {@code fallbackHours} (the time each
 * interruption runs on on-demand until spot capacity is back), the worst bucket when the catalogue has none.
 */
public final class CheapestFleet {
    /** What a candidate fleet costs. */
    public record Candidate(
            IterationProfile profile,
            InstancePrice machine,
            String pricing,
            int instances,
            double perInstanceCapacity,
            double usdPerHour,
            double usdPer1mOutputTokens,
            double usdPer1kRequests,
            double breakEvenRate) {}

    /** A hosted API offer at the same load. */
    public record Api(ApiTokenPrice price, double usdPerHour, double usdPer1mOutputTokens, double usdPer1kRequests) {}

    /** Checks whether n instances of a profile meet the SLOs at the target rate. */
    public interface FleetCheck {
        boolean meets(IterationProfile profile, int instances);
    }

    private CheapestFleet() {}

    static String gpuKey(String gpu) {
        return gpu == null ? "" : gpu.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * @param capacity     per profile name, the rate one instance sustains (0: it never meets the SLOs)
     * @param meanIn       mean prompt tokens per request
     * @param meanOut      mean output tokens per request
     * @param cheapestApi  the API offer the break-even rate is computed against (null: none)
     */
    public static List<Candidate> candidates(
            List<IterationProfile> profiles,
            Map<String, Double> capacity,
            PriceCatalogue catalogue,
            double target,
            double meanIn,
            double meanOut,
            double fallbackHours,
            FleetCheck check,
            ApiTokenPrice cheapestApi) {
        List<Candidate> out = new ArrayList<>();
        Map<String, Integer> sized = new java.util.HashMap<>();
        for (IterationProfile p : profiles) {
            double c = capacity.getOrDefault(p.name(), 0.0);
            if (!(c > 0)) continue;
            int n = sized.computeIfAbsent(p.name(), k -> size(p, c, target, check));
            for (InstancePrice m : catalogue.instances()) {
                if (!gpuKey(m.gpuModel()).equals(gpuKey(p.gpu())) || m.gpus() < p.tensorParallel()) continue;
                double perGpu = m.usdPerGpuHour().doubleValue();
                String pricing = m.pricingModel().catalogueCode();
                double hourly = perGpu * p.tensorParallel();
                if (m.pricingModel() == PricingModel.SPOT) {
                    double onDemand = catalogue
                            .instance(m.provider(), m.region(), m.instanceType(), PricingModel.ON_DEMAND)
                            .map(o -> o.usdPerGpuHour().doubleValue() * p.tensorParallel())
                            .orElse(Double.NaN);
                    if (Double.isNaN(onDemand)) continue;
                    double hazard = catalogue
                            .interruption(m.provider(), m.region(), m.instanceType())
                            .map(SpotInterruption::hazardPerHour)
                            .orElse(SpotInterruption.hazardPerHourForBucket(">20%"));
                    double u = Math.min(1, hazard * fallbackHours);
                    hourly = (1 - u) * hourly + u * onDemand;
                    pricing = "spot+fallback";
                }
                double total = hourly * n;
                double perHourOut = target * meanOut * 3600;
                double breakEven = Double.NaN;
                if (cheapestApi != null) {
                    double a = cheapestApi.usdPerRequest(meanIn, meanOut);
                    double r = hourly / (3600 * a);
                    breakEven = r <= c ? r : Double.POSITIVE_INFINITY;
                }
                out.add(new Candidate(
                        p,
                        m,
                        pricing,
                        n,
                        c,
                        total,
                        1e6 * total / perHourOut,
                        1000 * total / (target * 3600),
                        breakEven));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::usdPerHour));
        return out;
    }

    private static int size(IterationProfile p, double c, double target, FleetCheck check) {
        int n = Math.max(1, (int) Math.ceil(target / c - 1e-9));
        for (int k = 0; k < 4 && check != null && !check.meets(p, n); k++) n++;
        return n;
    }

    /** The API offers of a model family at the target load, cheapest first. */
    public static List<Api> api(
            List<ApiTokenPrice> prices, String family, double target, double meanIn, double meanOut) {
        List<Api> out = new ArrayList<>();
        for (ApiTokenPrice a : prices) {
            if (!a.modelFamily().equalsIgnoreCase(family)) continue;
            double perRequest = a.usdPerRequest(meanIn, meanOut);
            double hourly = perRequest * target * 3600;
            out.add(new Api(a, hourly, 1e6 * perRequest / meanOut, 1000 * perRequest));
        }
        out.sort(Comparator.comparingDouble(Api::usdPerHour));
        return out;
    }
}
