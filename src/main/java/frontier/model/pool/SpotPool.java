package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;
import java.util.List;

/**
 * Spot instances: a target of {@code instances}, each interrupted as {@code interruption} says. An
 * interrupted instance gets {@code notice_s} of warning (it takes no new work), then terminates; the
 * requests still running are retried (sent again through the pool and its overflow) or lost, as
 * {@code on_interrupt} says. A replacement is launched after {@code replacement_delay_s} and serves after
 * its {@code cold_start}, unless spot capacity is {@code unavailable} then (it is launched when the
 * period ends). Requests this pool cannot start go to {@code overflow_to} (e.g. an on-demand pool).
 * {@code markets} names the spot markets (instance type × zone, e.g. "g5.xlarge/us-east-1a") the pool
 * draws from, and {@code placement} how instances are placed on them: {@code spread} (default: each new
 * instance to the market with the fewest) or {@code packed} (all in the first). Markets matter with
 * correlated interruptions ({@link Interruption.Correlated}): a reclaim takes a market's instances together.
 */
public record SpotPool(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) int instances,
        Integer concurrency,
        @JsonProperty(required = true) ModelProfile model,
        Integer queueCapacity,
        Double timeoutS,
        Batching batching,
        String overflowTo,
        Integer overflowQueue,
        Price price,
        @JsonProperty(required = true) Interruption interruption,
        Double noticeS,
        OnInterrupt onInterrupt,
        Double replacementDelayS,
        Distribution coldStart,
        List<Period> unavailable,
        List<String> markets,
        Placement placement)
        implements Pools {
    /** How instances are placed on the pool's markets. */
    public enum Placement {
        SPREAD("spread"),
        PACKED("packed");

        private final String code;

        Placement(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }
    }

    public SpotPool(
            String name,
            int instances,
            Integer concurrency,
            ModelProfile model,
            Integer queueCapacity,
            Double timeoutS,
            Batching batching,
            String overflowTo,
            Integer overflowQueue,
            Price price,
            Interruption interruption,
            Double noticeS,
            OnInterrupt onInterrupt,
            Double replacementDelayS,
            Distribution coldStart,
            List<Period> unavailable) {
        this(
                name,
                instances,
                concurrency,
                model,
                queueCapacity,
                timeoutS,
                batching,
                overflowTo,
                overflowQueue,
                price,
                interruption,
                noticeS,
                onInterrupt,
                replacementDelayS,
                coldStart,
                unavailable,
                null,
                null);
    }

    /** A period [from_s, to_s) without spot capacity. */
    public record Period(
            @JsonProperty(required = true) double fromS,
            @JsonProperty(required = true) double toS) {
        public Period {
            InvalidSpecException.nonNegative("from_s", fromS);
            if (!(toS > fromS))
                throw new InvalidSpecException("to_s", "expected a time after from_s (" + fromS + "), got " + toS);
        }

        /** Whether spot capacity is there at time {@code t}: outside every period of {@code periods}. */
        public static boolean available(List<Period> periods, double t) {
            for (Period p : periods) if (t >= p.fromS() && t < p.toS()) return false;
            return true;
        }

        /** The first time from {@code t} on when spot capacity is there again (t itself when it is). */
        public static double availableAgain(List<Period> periods, double t) {
            double until = t;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (Period p : periods) {
                    if (until >= p.fromS() && until < p.toS()) {
                        until = p.toS();
                        moved = true;
                    }
                }
            }
            return until;
        }
    }

    public SpotPool {
        Checks.name(name);
        if (instances < 0) throw new InvalidSpecException("instances", "expected an integer >= 0, got " + instances);
        concurrency = Checks.served(model, concurrency, batching, queueCapacity, timeoutS);
        overflowQueue = Checks.overflowQueue(overflowQueue);
        if (price == null) price = Price.perHour(0);
        InvalidSpecException.required("interruption", interruption);
        if (noticeS == null) noticeS = 120.0;
        InvalidSpecException.nonNegative("notice_s", noticeS);
        if (onInterrupt == null) onInterrupt = OnInterrupt.RETRY;
        if (replacementDelayS == null) replacementDelayS = 60.0;
        InvalidSpecException.nonNegative("replacement_delay_s", replacementDelayS);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
        if (markets != null) {
            if (markets.isEmpty())
                throw new InvalidSpecException("markets", "expected at least one market name (or no 'markets')");
            markets = List.copyOf(markets);
            if (markets.stream().distinct().count() != markets.size())
                throw new InvalidSpecException("markets", "expected distinct market names, got " + markets);
        }
    }

    /** Markets the pool draws from: one when {@code markets} is not given. */
    public int marketCount() {
        return markets == null ? 1 : markets.size();
    }

    /** The placement, {@code spread} when not given. */
    public Placement placementOrDefault() {
        return placement == null ? Placement.SPREAD : placement;
    }

    @Override
    public SpotPool with(ModelProfile m, Price p) {
        return new SpotPool(
                name,
                instances,
                concurrency,
                m,
                queueCapacity,
                timeoutS,
                batching,
                overflowTo,
                overflowQueue,
                p,
                interruption,
                noticeS,
                onInterrupt,
                replacementDelayS,
                coldStart,
                unavailable,
                markets,
                placement);
    }
}
