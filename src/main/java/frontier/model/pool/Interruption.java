package frontier.model.pool;

import frontier.sim.InvalidSpecException;

/**
 * How spot capacity is taken away: at random with a constant hourly hazard per instance (given
 * directly, or as an AWS Spot Instance Advisor interruption-frequency bucket such as "5-10%"), or by
 * replaying an availability trace (CSV rows: time, add|remove, node; {@code time_unit} s or ms). With
 * {@code correlated}, interruptions come as reclaims of a whole market (one instance type in one zone,
 * see {@link SpotPool#markets()}) rather than instance by instance: the per-instance hazard is the same.
 */
public record Interruption(Double hazardPerHour, String bucket, String trace, String timeUnit, Correlated correlated) {
    /**
     * Interruptions that come together: a reclaim of a market hits each of its instances with probability
     * {@code share}, at moments spread evenly over {@code within_s} (default 180: in a published study of
     * 2,635 interruptions, over 92% of co-interruptions of one type in one zone fell within 3 minutes).
     * Reclaims of a market come at hazard ÷ share per hour, so each instance keeps the pool's hazard.
     */
    public record Correlated(
            @com.fasterxml.jackson.annotation.JsonProperty(required = true)
            double share,

            Double withinS) {
        public Correlated {
            if (!(share > 0 && share <= 1))
                throw new InvalidSpecException("share", "expected a share in (0, 1], got " + share);
            if (withinS == null) withinS = 180.0;
            InvalidSpecException.nonNegative("within_s", withinS);
        }
    }

    public Interruption(Double hazardPerHour, String bucket, String trace, String timeUnit) {
        this(hazardPerHour, bucket, trace, timeUnit, null);
    }

    public Interruption {
        if (correlated != null && trace != null)
            throw new InvalidSpecException("correlated", "applies to a hazard or bucket, not to a replayed 'trace'");
        int given = (hazardPerHour != null ? 1 : 0) + (bucket != null ? 1 : 0) + (trace != null ? 1 : 0);
        if (given != 1)
            throw new InvalidSpecException(
                    "hazard_per_hour", "give exactly one of 'hazard_per_hour', 'bucket' or 'trace'");
        if (hazardPerHour != null) InvalidSpecException.nonNegative("hazard_per_hour", hazardPerHour);
        if (bucket != null) hazardOfBucket(bucket);
        if (timeUnit != null && trace == null) throw new InvalidSpecException("time_unit", "belongs to a 'trace'");
        if (timeUnit == null && trace != null) timeUnit = "s"; // left out without a trace, so that it writes back
        if (timeUnit != null && !timeUnit.equals("s") && !timeUnit.equals("ms"))
            throw new InvalidSpecException("time_unit", "expected 's' or 'ms', got " + timeUnit);
        if (trace != null && trace.isBlank())
            throw new InvalidSpecException("trace", "expected the path of an availability trace");
    }

    /**
     * Hourly hazard of an AWS Spot Advisor bucket: the bucket's representative monthly interruption
     * probability p (midpoints 2.5%, 7.5%, 12.5%, 17.5%; 25% for ">20%") as a constant hazard
     * −ln(1 − p) / 730 per hour.
     */
    public static double hazardOfBucket(String bucket) {
        double p =
                switch (bucket.replace(" ", "")) {
                    case "<5%" -> 0.025;
                    case "5-10%" -> 0.075;
                    case "10-15%" -> 0.125;
                    case "15-20%" -> 0.175;
                    case ">20%" -> 0.25;
                    default ->
                        throw new InvalidSpecException(
                                "bucket", "expected one of <5%, 5-10%, 10-15%, 15-20%, >20%; got " + bucket);
                };
        return -Math.log(1 - p) / 730.0;
    }

    public double hazardPerSecond() {
        double perHour = hazardPerHour != null ? hazardPerHour : bucket != null ? hazardOfBucket(bucket) : 0;
        return perHour / 3600.0;
    }
}
