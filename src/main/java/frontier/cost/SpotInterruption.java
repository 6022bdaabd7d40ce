package frontier.cost;

import frontier.sim.BadInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How often spot capacity of one machine type in one region is reclaimed. {@code bucket} is written as the
 * AWS Spot Instance Advisor writes it ({@code <5%}, {@code 5-10%}, {@code 10-15%}, {@code 15-20%},
 * {@code >20%}); {@code monthlyFrequency} is the probability that an instance is interrupted within a month
 * (by default the bucket's representative value, see {@link #monthlyFrequencyForBucket}); and
 * {@code hazardPerHour} is the constant interruption rate with that monthly probability:
 * {@code -ln(1 - monthlyFrequency) / 730}. The catalogue key is (provider, region, instanceType).
 */
public record SpotInterruption(
        String provider,
        String region,
        String instanceType,
        String bucket,
        double monthlyFrequency,
        double hazardPerHour,
        String source,
        LocalDate asOf) {

    /** Hours in the month the frequencies refer to (365 × 24 / 12). */
    public static final double HOURS_PER_MONTH = 730.0;

    /** The buckets in increasing order, as AWS labels them. */
    public static final List<String> BUCKETS = List.of("<5%", "5-10%", "10-15%", "15-20%", ">20%");

    /**
     * Representative monthly interruption probability of each bucket: the midpoint of the labelled range
     * (2.5%, 7.5%, 12.5%, 17.5%), and 25% for the open-ended {@code >20%}. The feed itself gives the buckets
     * slightly wider upper bounds (5, 11, 16, 22, 100); a catalogue row may state its own frequency instead.
     */
    private static final double[] REPRESENTATIVE = {0.025, 0.075, 0.125, 0.175, 0.25};

    /** A row whose frequency is the bucket's representative value. */
    public static SpotInterruption ofBucket(
            String provider, String region, String instanceType, String bucket, String source, LocalDate asOf) {
        String b = canonicalBucket(bucket);
        double f = monthlyFrequencyForBucket(b);
        return new SpotInterruption(provider, region, instanceType, b, f, hazardPerHour(f), source, asOf);
    }

    /** A row with a measured monthly frequency (in [0, 1)) that overrides the bucket's representative value. */
    public static SpotInterruption ofFrequency(
            String provider,
            String region,
            String instanceType,
            String bucket,
            double monthlyFrequency,
            String source,
            LocalDate asOf) {
        return new SpotInterruption(
                provider,
                region,
                instanceType,
                canonicalBucket(bucket),
                monthlyFrequency,
                hazardPerHour(monthlyFrequency),
                source,
                asOf);
    }

    /** Constant hourly hazard whose probability of at least one interruption in 730 hours is {@code monthlyFrequency}. */
    public static double hazardPerHour(double monthlyFrequency) {
        if (!(monthlyFrequency >= 0 && monthlyFrequency < 1)) {
            throw new IllegalArgumentException("monthly frequency must be in [0, 1), got " + monthlyFrequency);
        }
        return -Math.log1p(-monthlyFrequency) / HOURS_PER_MONTH;
    }

    /** The hourly hazard of a bucket's representative frequency; throws BadInputException for an unknown bucket. */
    public static double hazardPerHourForBucket(String bucket) {
        return hazardPerHour(monthlyFrequencyForBucket(bucket));
    }

    /** The representative monthly frequency of a bucket; throws BadInputException for an unknown bucket. */
    public static double monthlyFrequencyForBucket(String bucket) {
        return REPRESENTATIVE[BUCKETS.indexOf(canonicalBucket(bucket))];
    }

    /**
     * The AWS spelling of a bucket. Accepts the AWS labels with any spaces, an en dash for '-', and Azure's
     * eviction-rate spellings {@code 0-5%} and {@code 20+%}/{@code 20%+}. Throws BadInputException otherwise.
     */
    public static String canonicalBucket(String bucket) {
        if (bucket != null) {
            String b = bucket.strip().replace(" ", "").replace('\u2013', '-').toLowerCase(Locale.ROOT);
            switch (b) {
                case "<5%", "0-5%" -> {
                    return "<5%";
                }
                case "5-10%" -> {
                    return "5-10%";
                }
                case "10-15%" -> {
                    return "10-15%";
                }
                case "15-20%" -> {
                    return "15-20%";
                }
                case ">20%", "20+%", "20%+" -> {
                    return ">20%";
                }
                default -> {}
            }
        }
        throw new BadInputException(
                "unknown spot interruption bucket '" + bucket + "': expected one of " + String.join(", ", BUCKETS));
    }
}
