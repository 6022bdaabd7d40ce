package frontier.model;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.Pools;
import frontier.model.traffic.ReplayTraffic;
import frontier.model.traffic.Traffic;
import frontier.sim.InvalidSpecException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one replication simulates: traffic, pools, request classes with their routes, an optional
 * cache, optional token counts per request (drawn from {@code tokens}, or replayed from a trace's
 * columns), and the run settings. Checks that names refer to existing pools, that shares add up, and that
 * requests carry the token counts a token-driven service time needs.
 */
public record FleetSpec(
        Traffic traffic,
        List<Pools> pools,
        List<RequestClass> classes,
        CacheSpec cache,
        TokensSpec tokens,
        RunSpec run,
        CascadeSpec cascade) {
    public FleetSpec(Traffic traffic, List<Pools> pools, List<RequestClass> classes, CacheSpec cache, RunSpec run) {
        this(traffic, pools, classes, cache, null, run, null);
    }

    public FleetSpec(
            Traffic traffic,
            List<Pools> pools,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            RunSpec run) {
        this(traffic, pools, classes, cache, tokens, run, null);
    }

    public FleetSpec {
        InvalidSpecException.required("traffic", traffic);
        if (pools == null || pools.isEmpty()) throw new InvalidSpecException("pools", "expected at least one pool");
        pools = List.copyOf(pools);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pools.size(); i++) {
            if (!names.add(pools.get(i).name()))
                throw new InvalidSpecException(
                        "pools[" + i + "].name",
                        "two pools are named '" + pools.get(i).name() + "'");
        }
        for (int i = 0; i < pools.size(); i++) {
            String to = pools.get(i).overflowTo();
            if (to != null && !names.contains(to))
                throw new InvalidSpecException(
                        "pools[" + i + "].overflow_to", "no pool named '" + to + "'; pools: " + names);
            if (to != null && to.equals(pools.get(i).name()))
                throw new InvalidSpecException("pools[" + i + "].overflow_to", "a pool cannot overflow to itself");
        }
        // Overflow chains must end: a request declined by every pool of a cycle would have nowhere to go.
        java.util.Map<String, String> next = new java.util.HashMap<>();
        for (Pools p : pools) if (p.overflowTo() != null) next.put(p.name(), p.overflowTo());
        for (int i = 0; i < pools.size(); i++) {
            String at = pools.get(i).name();
            for (int hops = 0; hops <= pools.size() && at != null; hops++) at = next.get(at);
            if (at != null)
                throw new InvalidSpecException(
                        "pools[" + i + "].overflow_to",
                        "the overflow chain from '" + pools.get(i).name()
                                + "' loops back on itself; it must end at a pool without overflow_to");
        }
        classes = classes == null ? List.of() : List.copyOf(classes);
        double total = 0;
        Set<String> classNames = new HashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            RequestClass c = classes.get(i);
            total += c.share();
            if (!classNames.add(c.name()))
                throw new InvalidSpecException("classes[" + i + "].name", "two classes are named '" + c.name() + "'");
            if (c.pool() != null && !names.contains(c.pool()))
                throw new InvalidSpecException(
                        "classes[" + i + "].pool", "no pool named '" + c.pool() + "'; pools: " + names);
        }
        if (!classes.isEmpty() && Math.abs(total - 1) > 1e-9) {
            throw new InvalidSpecException(
                    "classes",
                    "the shares must add up to 1, they add up to "
                            + java.math.BigDecimal.valueOf(total)
                                    .round(new java.math.MathContext(6))
                                    .stripTrailingZeros()
                                    .toPlainString());
        }
        InvalidSpecException.required("run", run);
        if (run.durationS() == null && run.requests() == null)
            throw new InvalidSpecException("run.duration_s", RunSpec.STOP_RULE);
        if (cache != null
                && cache.lruCapacity() != null
                && cache.keys() == null
                && !(traffic instanceof frontier.model.traffic.ReplayTraffic r && r.keyColumn() != null)) {
            throw new InvalidSpecException(
                    "cache.keys",
                    "an LRU cache needs request keys: 'keys' (Zipf-distributed) or a replayed trace with 'key_column'");
        }
        ReplayTraffic replay = traffic instanceof ReplayTraffic r ? r : null;
        boolean input =
                tokens != null && tokens.input() != null || replay != null && replay.inputTokensColumn() != null;
        boolean output =
                tokens != null && tokens.output() != null || replay != null && replay.outputTokensColumn() != null;
        for (int i = 0; i < pools.size(); i++) {
            boolean llm = pools.get(i).model().llmEngine() != null;
            if (pools.get(i).model().tokenTime() == null && !llm || input && output) continue;
            String which = input ? "output" : "input";
            throw new InvalidSpecException(
                    "pools[" + i + "].model." + (llm ? "llm_engine" : "token_time"),
                    (llm ? "its iterations need" : "its service time needs") + " each request's " + which
                            + " token count, but requests carry none; add 'tokens." + which + "' (a distribution of "
                            + which + " tokens per request)"
                            + " or, when replaying a trace, 'traffic." + which + "_tokens_column'");
        }
        if (cascade != null) checkCascade(pools, classes, cascade);
    }

    /** The cascade's pools exist, its classes exist, and requests do reach its first pool. */
    private static void checkCascade(List<Pools> pools, List<RequestClass> classes, CascadeSpec cascade) {
        List<String> names = pools.stream().map(Pools::name).toList();
        if (!names.contains(cascade.first()))
            throw new InvalidSpecException("cascade.first", "no pool named '" + cascade.first() + "'; pools: " + names);
        if (!names.contains(cascade.second()))
            throw new InvalidSpecException(
                    "cascade.second", "no pool named '" + cascade.second() + "'; pools: " + names);
        String firstPool = pools.getFirst().name();
        if (cascade.classes() != null) {
            List<String> classNames = classes.stream().map(RequestClass::name).toList();
            for (String c : cascade.classes().keySet()) {
                if (!classNames.contains(c)) {
                    throw new InvalidSpecException(
                            "cascade.classes." + c,
                            "no request class named '" + c + "'"
                                    + (classNames.isEmpty()
                                            ? "; the scenario has no 'classes'"
                                            : "; classes: " + classNames));
                }
                RequestClass rc = classes.get(classNames.indexOf(c));
                String route = rc.pool() == null ? firstPool : rc.pool();
                if (!route.equals(cascade.first())) {
                    throw new InvalidSpecException(
                            "cascade.classes." + c,
                            "class '" + c + "' goes to pool '" + route + "', not to the cascade's first pool '"
                                    + cascade.first()
                                    + "'; a cascade rule applies to the classes routed to its first pool");
                }
            }
        }
        boolean reached = classes.isEmpty()
                ? firstPool.equals(cascade.first())
                : classes.stream().anyMatch(c -> cascade.first().equals(c.pool() == null ? firstPool : c.pool()));
        if (!reached) {
            throw new InvalidSpecException(
                    "cascade.first",
                    "no request goes to pool '" + cascade.first() + "': "
                            + (classes.isEmpty()
                                    ? "without classes every request goes to the first pool listed, '" + firstPool
                                            + "'; list the cascade's first pool first"
                                    : "route a class to it ('pool': \"" + cascade.first() + "\")"));
        }
    }

    /** Whether requests carry token counts (from {@code tokens} or a replayed trace), so results report them. */
    public boolean carriesTokens() {
        return tokens != null
                || traffic instanceof ReplayTraffic r
                        && (r.inputTokensColumn() != null || r.outputTokensColumn() != null);
    }

    /** The single c-server pool of the simple form, as an always-on pool. */
    public static AlwaysOnPool fromLegacy(PoolSpec p) {
        return new AlwaysOnPool(
                p.name(),
                p.servers(),
                1,
                ModelProfile.of(p.service()),
                p.queueCapacity(),
                p.timeoutS(),
                null,
                null,
                null,
                null);
    }
}
