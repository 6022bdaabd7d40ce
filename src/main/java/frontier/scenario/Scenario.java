package frontier.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import frontier.model.CacheSpec;
import frontier.model.CascadeSpec;
import frontier.model.FleetSpec;
import frontier.model.PoolSpec;
import frontier.model.RequestClass;
import frontier.model.RunSpec;
import frontier.model.TokensSpec;
import frontier.model.batch.BatchJob;
import frontier.model.pool.Pools;
import frontier.model.traffic.Traffic;
import frontier.sim.InvalidSpecException;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario: data only. Traffic goes into either one simple c-server {@code pool} or a list of
 * {@code pools} of any kind, optionally split into request {@code classes} routed to pools, optionally
 * behind a {@code cache}, each request optionally carrying {@code tokens}; an optional {@code cascade} sends a share of the
 * requests a first pool served on to a second; instance prices may name a catalogue entry (the shipped catalogue, overridden
 * by {@code price_catalogue}); {@code run} says how long and how often to simulate; an optional {@code sweep}
 * (docs/sweeps.md) varies fields of the scenario itself, which then describes the base configuration; {@code observed} (written by
 * {@code frontier calibrate}) holds what the real fleet measured, for runs to report simulated against observed. {@code baseDir} (not part
 * of the file) is where relative file names inside it are resolved.
 *
 * <p>Instead of traffic and pools, a scenario may hold a {@code batch} job (items worked through by a fleet of
 * spot and on-demand instances with checkpoints, {@link BatchJob}); its {@code run} then gives only
 * {@code replications} and {@code seed}, as the job runs until it is done.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(
        String name,
        String description,
        Traffic traffic,
        PoolSpec pool,
        List<Pools> pools,
        List<RequestClass> classes,
        CacheSpec cache,
        TokensSpec tokens,
        CascadeSpec cascade,
        String priceCatalogue,
        RunSpec run,
        SweepSpec sweep,
        Observed observed,
        BatchJob batch,
        @JsonIgnore Path baseDir) {
    public Scenario {
        if (batch != null) {
            InvalidSpecException.required("run", run);
            checkBatch(traffic, pool, pools, classes, cache, tokens, cascade, run, observed);
        } else {
            InvalidSpecException.required("traffic", traffic);
            if ((pool == null) == (pools == null)) {
                throw new InvalidSpecException(
                        "pool",
                        "give either 'pool' (one simple c-server pool) or 'pools' (a list of pools of any kind)");
            }
            InvalidSpecException.required("run", run);
        }
        if (name == null || name.isBlank()) name = "scenario";
        if (description == null) description = "";
        if (pools != null) pools = List.copyOf(pools);
        if (classes != null) classes = List.copyOf(classes);
        // Cross-field checks (pool names, routes, shares) fail here, with the path of the offending field.
        if (batch == null) fleetOf(traffic, pool, pools, classes, cache, tokens, run, cascade);
    }

    /** Everything but a cascade. */
    public Scenario(
            String name,
            String description,
            Traffic traffic,
            PoolSpec pool,
            List<Pools> pools,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            String priceCatalogue,
            RunSpec run,
            SweepSpec sweep,
            Observed observed,
            BatchJob batch,
            Path baseDir) {
        this(
                name,
                description,
                traffic,
                pool,
                pools,
                classes,
                cache,
                tokens,
                null,
                priceCatalogue,
                run,
                sweep,
                observed,
                batch,
                baseDir);
    }

    /** The simple form: traffic into one c-server pool. */
    public Scenario(String name, String description, Traffic traffic, PoolSpec pool, RunSpec run, Path baseDir) {
        this(name, description, traffic, pool, null, null, null, null, null, null, run, null, null, null, baseDir);
    }

    /** Everything but a sweep. */
    public Scenario(
            String name,
            String description,
            Traffic traffic,
            PoolSpec pool,
            List<Pools> pools,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            String priceCatalogue,
            RunSpec run,
            Path baseDir) {
        this(
                name,
                description,
                traffic,
                pool,
                pools,
                classes,
                cache,
                tokens,
                null,
                priceCatalogue,
                run,
                null,
                null,
                null,
                baseDir);
    }

    /** A batch job's parts are all of it: no traffic, pools, classes, cache or tokens; a run without a stop rule. */
    private static void checkBatch(
            Traffic traffic,
            PoolSpec pool,
            List<Pools> pools,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            CascadeSpec cascade,
            RunSpec run,
            Observed observed) {
        String[] names = {"traffic", "pool", "pools", "classes", "cache", "tokens", "cascade", "observed"};
        Object[] given = {traffic, pool, pools, classes, cache, tokens, cascade, observed};
        for (int i = 0; i < names.length; i++) {
            if (given[i] != null) {
                throw new InvalidSpecException(
                        names[i],
                        "a scenario with a 'batch' job has no '" + names[i] + "'; a batch job brings its own"
                                + " fleet ('batch.fleet') and work ('batch.items')");
            }
        }
        if (run.durationS() != null
                || run.requests() != null
                || run.warmupS() != null
                || run.warmupRequests() != null) {
            String field = run.durationS() != null
                    ? "duration_s"
                    : run.requests() != null ? "requests" : run.warmupS() != null ? "warmup_s" : "warmup_requests";
            throw new InvalidSpecException(
                    "run." + field,
                    "a batch job runs until it is done; its 'run' takes only 'replications' and 'seed'");
        }
    }

    private static FleetSpec fleetOf(
            Traffic traffic,
            PoolSpec pool,
            List<Pools> pools,
            List<RequestClass> classes,
            CacheSpec cache,
            TokensSpec tokens,
            RunSpec run,
            CascadeSpec cascade) {
        List<Pools> list = pools != null ? pools : List.of(FleetSpec.fromLegacy(pool));
        return new FleetSpec(traffic, list, classes, cache, tokens, run, cascade);
    }

    /** What the model runs: the serving fleet (a scenario with a {@code batch} job has none, see {@link #isBatch()}). */
    public FleetSpec fleet() {
        if (batch != null)
            throw new IllegalStateException("scenario '" + name + "' is a batch job; it has no serving fleet");
        return fleetOf(traffic, pool, pools, classes, cache, tokens, run, cascade);
    }

    public Scenario withRun(RunSpec r) {
        return new Scenario(
                name,
                description,
                traffic,
                pool,
                pools,
                classes,
                cache,
                tokens,
                cascade,
                priceCatalogue,
                r,
                sweep,
                observed,
                batch,
                baseDir);
    }

    public Scenario withBaseDir(Path dir) {
        return new Scenario(
                name,
                description,
                traffic,
                pool,
                pools,
                classes,
                cache,
                tokens,
                cascade,
                priceCatalogue,
                run,
                sweep,
                observed,
                batch,
                dir);
    }

    public Scenario withPools(List<Pools> p) {
        return new Scenario(
                name,
                description,
                traffic,
                null,
                p,
                classes,
                cache,
                tokens,
                cascade,
                priceCatalogue,
                run,
                sweep,
                observed,
                batch,
                baseDir);
    }

    /** Whether this scenario is a batch job ({@code batch}) rather than a serving fleet. */
    @JsonIgnore
    public boolean isBatch() {
        return batch != null;
    }

    public Scenario withBatch(BatchJob b) {
        return new Scenario(
                name,
                description,
                traffic,
                pool,
                pools,
                classes,
                cache,
                tokens,
                cascade,
                priceCatalogue,
                run,
                sweep,
                observed,
                b,
                baseDir);
    }
}
