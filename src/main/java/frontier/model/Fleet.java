package frontier.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * Routes requests: draws each arrival's class and token counts (those a replayed trace does not carry),
 * answers cache hits, sends the rest to the class's pool, and follows {@code overflow_to} when a pool
 * declines a request. Retried requests (spot terminations) come back here.
 */
final class Fleet implements frontier.sim.EventHandler {
    private static final int ESCALATE = 0;
    private final RequestStats stats;
    private final Map<String, Pool> byName = new LinkedHashMap<>();
    private final Pool[] classPool;
    private final double[] cumulativeShare;
    private final UniformRandomProvider classRng;
    private final CacheSpec cache;
    private final UniformRandomProvider cacheRng;
    private final org.apache.commons.rng.sampling.distribution.DiscreteSampler keys;
    private final LinkedHashMap<Integer, Boolean> lru;
    private final frontier.sim.dist.Sampler tokensIn;
    private final frontier.sim.dist.Sampler tokensOut;
    // A cascade (null spec: none): its pools, each class's route in it (null: the rule), the rule's draws.
    private final CascadeSpec cascade;
    private final frontier.sim.Simulation sim;
    private Pool second;
    private CascadeSpec.Route[] classRoute;
    private boolean[] skipsFirst;
    private final UniformRandomProvider cascadeRng;
    private final frontier.sim.dist.Sampler score;

    Fleet(
            RequestStats stats,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            frontier.sim.RandomStreams streams) {
        this(stats, classes, cache, tokens, null, null, streams);
    }

    /** With a {@code cascade} (or null), whose escalations are events on {@code sim}; stream "cascade" draws them. */
    Fleet(
            RequestStats stats,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            CascadeSpec cascade,
            frontier.sim.Simulation sim,
            frontier.sim.RandomStreams streams) {
        this.cascade = cascade;
        this.sim = sim;
        this.cascadeRng = cascade == null ? null : streams.stream("cascade");
        this.score = cascade == null || cascade.score() == null
                ? null
                : cascade.score().sampler(cascadeRng);
        this.tokensIn =
                tokens == null || tokens.input() == null ? null : tokens.input().sampler(streams.stream("tokens-in"));
        this.tokensOut = tokens == null || tokens.output() == null
                ? null
                : tokens.output().sampler(streams.stream("tokens-out"));
        this.stats = stats;
        this.classPool = new Pool[Math.max(1, classes.size())];
        this.cumulativeShare = new double[classPool.length];
        double c = 0;
        for (int i = 0; i < classes.size(); i++) {
            c += classes.get(i).share();
            cumulativeShare[i] = c;
        }
        cumulativeShare[classPool.length - 1] = 1.0;
        this.classRng = streams.stream("classes");
        this.cache = cache;
        this.cacheRng = streams.stream("cache");
        if (cache != null && cache.lruCapacity() != null) {
            // Keys from the traffic when it carries them (cache.keys absent), else drawn from a Zipf law.
            keys = cache.keys() == null
                    ? null
                    : RejectionInversionZipfSampler.of(cacheRng, cache.keys(), cache.zipfS());
            int cap = cache.lruCapacity();
            lru = new LinkedHashMap<>(Math.min(cap, 1 << 16), 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                    return size() > cap;
                }
            };
        } else {
            keys = null;
            lru = null;
        }
    }

    void add(Pool p) {
        byName.put(p.name, p);
    }

    /** Binds classes to pools once all pools exist; classes without a pool go to the first pool. */
    void bind(List<RequestClass> classes) {
        Pool first = byName.values().iterator().next();
        for (int i = 0; i < classPool.length; i++) {
            String name = classes.isEmpty() ? null : classes.get(i).pool();
            classPool[i] = name == null ? first : byName.get(name);
        }
        if (cascade != null) {
            byName.get(cascade.first()).cascadeFirst = true;
            second = byName.get(cascade.second());
            classRoute = new CascadeSpec.Route[classPool.length];
            skipsFirst = new boolean[classPool.length];
            for (int i = 0; i < classes.size(); i++) {
                classRoute[i] = cascade.routeOf(classes.get(i).name());
                if (classRoute[i] == CascadeSpec.Route.SKIP_FIRST) {
                    classPool[i] = second;
                    skipsFirst[i] = true;
                }
            }
        }
    }

    List<Pool> pools() {
        return List.copyOf(byName.values());
    }

    /** A new arrival from {@code traffic}, whose token counts, when it carries them, take precedence. */
    void arrive(Request r, double now, frontier.model.traffic.ArrivalProcess traffic) {
        if (classPool.length > 1) {
            double u = classRng.nextDouble();
            int k = 0;
            while (u >= cumulativeShare[k]) k++;
            r.cls = k;
        }
        int in = traffic.inputTokens();
        int out = traffic.outputTokens();
        if (in >= 0) r.tokensIn = in;
        else if (tokensIn != null) r.tokensIn = tokens(tokensIn);
        if (out >= 0) r.tokensOut = out;
        else if (tokensOut != null) r.tokensOut = tokens(tokensOut);
        stats.arrived(now, r);
        if (cache != null && hit(r)) {
            stats.cacheHit(now, r, cache.latencyMs() / 1000.0);
            return;
        }
        if (skipsFirst != null && skipsFirst[r.cls]) r.path = Request.SKIPPED_FIRST;
        route(classPool[r.cls], r);
    }

    private static int tokens(frontier.sim.dist.Sampler s) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.round(s.sample())));
    }

    private boolean hit(Request r) {
        if (lru == null) return cacheRng.nextDouble() < cache.hitRatio();
        int key = keys == null ? r.key : keys.sample();
        if (lru.get(key) != null) return true;
        lru.put(key, Boolean.TRUE);
        return false;
    }

    /** Sends a request that was cut off (or whose instance vanished) through its route again. */
    void redispatch(Request r) {
        route(r.path == Request.ESCALATED ? second : classPool[r.cls], r);
    }

    /**
     * A request finished its service at the cascade's first pool: decides whether it escalates. If so, it goes on to
     * the second pool (an event at the same time, so the first pool's engine finishes with it first) and this answers
     * true; otherwise it is answered by the first pool.
     */
    boolean escalate(Request r, double now) {
        if (r.path != Request.DIRECT) return false;
        CascadeSpec.Route route = classRoute[r.cls];
        boolean up = route == null
                ? (score == null
                        ? cascadeRng.nextDouble() < cascade.probability()
                        : score.sample() < cascade.threshold())
                : route == CascadeSpec.Route.ESCALATE;
        stats.cascadeDecided(up);
        if (!up) {
            r.path = Request.FIRST_ONLY;
            return false;
        }
        r.path = Request.ESCALATED;
        Request.Stages st = r.stages();
        st.firstService = now - r.serviceStart;
        st.firstCold = r.coldWait;
        r.coldWait = false;
        if (st.llmPending) stats.firstStageTtft.add(st.llmTtft); // the first stage's TTFT, not the user's
        st.llmPending = false;
        st.escalatedAt = now;
        r.doneAt = Double.NaN;
        r.inst = -1;
        r.next = null;
        sim.schedule(0, this, ESCALATE, r);
        return true;
    }

    @Override
    public void handle(int kind, Object payload) {
        if (kind != ESCALATE) throw new IllegalStateException("unknown event " + kind);
        Request r = (Request) payload;
        r.enqueued = sim.now();
        route(second, r);
    }

    private void route(Pool pool, Request r) {
        if (pool.offer(r) == Pool.Offer.ACCEPTED) return;
        overflow(pool, r);
    }

    /** Follows {@code overflow_to} from a pool that declined the request (kept out of the hot path). */
    private void overflow(Pool pool, Request r) {
        Pool p = byName.get(pool.spec.overflowTo());
        for (int hops = 1; hops <= byName.size(); hops++) {
            if (p.offer(r) == Pool.Offer.ACCEPTED) return;
            p = byName.get(p.spec.overflowTo());
        }
        throw new IllegalStateException("overflow cycle among pools " + byName.keySet());
    }
}
