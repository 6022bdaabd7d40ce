package frontier.twin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import frontier.domain.PoolKind;
import frontier.domain.PricingModel;

/**
 * A pool of the twin as the bill shows it: what kind, how many instances, at what price, how often spot
 * capacity was taken away. Made by {@link BillCapacity#infer}.
 *
 * @param kind              always-on (on-demand and committed capacity), autoscaled (hour-billed capacity whose count rose and fell), spot or serverless
 * @param pricingModel      how the bill priced it (on-demand or commitment for always-on pools)
 * @param instances         instances billed on average (always-on), at most in an hour (autoscaled) or at most at once (spot); 0 for serverless
 * @param usdPerHour        billed cost per instance-hour (always-on, spot)
 * @param usdPerRequest     billed cost per observed request (serverless)
 * @param hazardPerHour     spot interruptions per instance-hour: resources that stopped before the period ended
 * @param replacementDelayS mean time a spot slot stayed empty after an interruption
 * @param instanceHours     billed instance-hours in the period
 * @param cost              billed cost in the period (dollars, rounded from the exact sum for simulation only)
 * @param resources         distinct resource ids billed
 * @param hourlyInstances   instances billed in each hour of the period (autoscaled pools; null otherwise)
 * @param provider          the price catalogue's provider code of the bill's provider ({@code aws}, {@code gcp},
 *                          {@code azure}) when all the pool's lines have one such provider, else null
 * @param region            the bill's region when all the pool's lines have the same one, else null
 */
public record PoolPlan(
        PoolKind kind,
        PricingModel pricingModel,
        String instanceType,
        int instances,
        double usdPerHour,
        double usdPerRequest,
        double hazardPerHour,
        double replacementDelayS,
        double instanceHours,
        double cost,
        int resources,
        @JsonIgnore double[] hourlyInstances,
        @JsonIgnore String provider,
        @JsonIgnore String region) {}
