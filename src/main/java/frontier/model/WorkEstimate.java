package frontier.model;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.Pools;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.model.traffic.MmppTraffic;
import frontier.model.traffic.ProfileTraffic;
import frontier.model.traffic.Traffic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The work a run of a fleet will do, estimated before it starts, so that what cannot finish is refused with the
 * field to change and the estimate ({@link #check}). Events per replication ≈ arrivals × events per request
 * (2: an arrival and a departure; 3 with a serverless pool, whose instances start and expire) + the clock
 * events of the pools (autoscaler ticks, spot interruptions) + the steps of the traffic's own clock (profile
 * intervals, MMPP switches); arrivals are rate × duration_s, or requests + warmup_requests with a request-count
 * stop rule (then the duration is that many requests at the mean rate). A replayed trace's arrivals are not known
 * before it is read: such a run is bounded by the per-replication event limit as it runs. The estimate assumes the
 * fleet keeps up; a pool that does not is stopped when its queue passes {@link WorkLimits#maxQueue()}.
 *
 * @param events per replication, in total
 * @param replications how many replications the run has
 * @param terms what makes up the events of one replication, largest first
 */
public record WorkEstimate(double events, int replications, List<Term> terms) {
    /** One part of a replication's events: the field that drives it, how many events, and why. */
    public record Term(String field, double events, String why) {}

    /** Events of the whole run: all replications. */
    public double totalEvents() {
        return events * replications;
    }

    /**
     * Estimates a run of {@code fleet} with {@code replications} replications; {@code simplePool} names fields as
     * in a scenario's simple form ({@code $.pool.servers}) rather than {@code $.pools[i]}.
     */
    public static WorkEstimate of(FleetSpec fleet, int replications, boolean simplePool) {
        RunSpec run = fleet.run();
        Traffic traffic = fleet.traffic();
        double rate = traffic.meanRate();
        boolean serverless = fleet.pools().stream().anyMatch(p -> p instanceof ServerlessPool);
        int perRequest = serverless ? 3 : 2;
        List<Term> terms = new ArrayList<>();
        double seconds;
        if (run.durationS() != null) {
            seconds = run.durationS();
            if (Double.isFinite(rate)) {
                terms.add(new Term(
                        "$.run.duration_s",
                        rate * seconds * perRequest,
                        String.format(
                                Locale.ROOT,
                                "%s requests/s ($.traffic) for %s s × %d events per request",
                                number(rate),
                                number(seconds),
                                perRequest)));
            }
        } else {
            long warm = run.warmupRequests() == null ? 0 : run.warmupRequests();
            double requests = (double) run.requests() + warm;
            seconds = requests / rate + (run.warmupS() == null ? 0 : run.warmupS());
            String field = warm > run.requests() ? "$.run.warmup_requests" : "$.run.requests";
            terms.add(new Term(
                    field,
                    requests * perRequest,
                    String.format(
                            Locale.ROOT,
                            "%s requests%s × %d events per request",
                            number(requests),
                            warm > 0 ? " (warm-up included)" : "",
                            perRequest)));
        }
        if (fleet.cascade() != null) {
            // An escalated request has two events more: the escalation and its second service's end. The share is p, or
            // at most all of them for a score rule or class routes.
            CascadeSpec c = fleet.cascade();
            double share = c.probability() != null && c.classes() == null ? c.probability() : 1;
            double requests = run.durationS() != null
                    ? rate * run.durationS()
                    : (double) run.requests() + (run.warmupRequests() == null ? 0 : run.warmupRequests());
            if (Double.isFinite(requests) && share > 0) {
                terms.add(new Term(
                        "$.cascade",
                        requests * share * 2,
                        String.format(
                                Locale.ROOT,
                                "%s escalated requests × 2 events (escalation, second service)",
                                number(requests * share))));
            }
        }
        if (Double.isFinite(seconds)) {
            switch (traffic) {
                case ProfileTraffic p ->
                    terms.add(new Term(
                            "$.traffic.interval_s",
                            seconds / p.intervalS(),
                            String.format(
                                    Locale.ROOT,
                                    "%s profile intervals of %s s in %s s",
                                    number(seconds / p.intervalS()),
                                    number(p.intervalS()),
                                    number(seconds))));
                case MmppTraffic m -> {
                    double switches = 2
                            * seconds
                            / (m.normal().meanDurationS() + m.burst().meanDurationS());
                    terms.add(new Term(
                            "$.traffic.normal.mean_duration_s",
                            switches,
                            String.format(
                                    Locale.ROOT,
                                    "%s switches between normal and burst in %s s",
                                    number(switches),
                                    number(seconds))));
                }
                default -> {}
            }
            for (int i = 0; i < fleet.pools().size(); i++) {
                Pools p = fleet.pools().get(i);
                if (p instanceof AutoscaledPool a) {
                    double ticks = seconds / a.intervalS();
                    // Every tick compares the proposals of the stabilization window: ticks × proposals kept.
                    double kept = 1 + Math.min(ticks, Math.max(a.scaleOutDelayS(), a.scaleInDelayS()) / a.intervalS());
                    terms.add(new Term(
                            poolField(simplePool, i, "interval_s"),
                            ticks * kept,
                            String.format(
                                    Locale.ROOT,
                                    "%s autoscaler ticks of pool '%s' (every %s s for %s s), each weighing up to %s proposals",
                                    number(ticks),
                                    p.name(),
                                    number(a.intervalS()),
                                    number(seconds),
                                    number(kept))));
                }
                if (p instanceof SpotPool s && s.interruption().hazardPerSecond() > 0) {
                    double events = 3 * s.interruption().hazardPerSecond() * s.instances() * seconds;
                    terms.add(new Term(
                            poolField(simplePool, i, "interruption"),
                            events,
                            String.format(
                                    Locale.ROOT,
                                    "%s interruption events of pool '%s' (%d instances for %s s)",
                                    number(events),
                                    p.name(),
                                    s.instances(),
                                    number(seconds))));
                }
            }
        }
        terms.sort(Comparator.comparingDouble(Term::events).reversed());
        double total = 1000; // the instance-count samples and the run's own events
        for (Term t : terms) total += t.events();
        return new WorkEstimate(total, replications, List.copyOf(terms));
    }

    /**
     * Refuses a run that exceeds {@code limits}: a pool with more instances or slots than a pool may have, or more
     * events than a run may take; returns the estimate otherwise.
     *
     * @throws WorkLimitException naming the field to change and the estimate
     */
    public static WorkEstimate check(FleetSpec fleet, int replications, boolean simplePool, WorkLimits limits) {
        checkPools(fleet, simplePool, limits);
        WorkEstimate e = of(fleet, replications, simplePool);
        double total = e.totalEvents();
        if (!(total <= limits.maxEventsPerRun())) {
            String limit = String.format(
                    Locale.ROOT,
                    "more than the %,d events a run may take (docs/cli.md \"Limits of simulations\")",
                    limits.maxEventsPerRun());
            Term top = e.terms().isEmpty()
                    ? new Term("$.run", e.events(), "")
                    : e.terms().getFirst();
            if (replications > 1 && e.events() <= limits.maxEventsPerRun()) {
                throw new WorkLimitException(
                        "$.run.replications",
                        String.format(
                                Locale.ROOT,
                                "%d replications of about %s events each are about %s events, %s; run fewer replications or a shorter run",
                                replications,
                                number(e.events()),
                                number(total),
                                limit));
            }
            throw new WorkLimitException(
                    top.field(),
                    String.format(
                            Locale.ROOT,
                            "this run would take about %s events (%s%s), %s; shorten the run (duration_s or requests) or change this field",
                            number(total),
                            top.why(),
                            replications > 1 ? ", × " + replications + " replications" : "",
                            limit));
        }
        return e;
    }

    /**
     * Estimates a run of a batch job: per shard (instance) about 3 events per checkpoint segment attempted and 4 per
     * interruption, its expected time from the closed form for exponential interruptions (Daly 2006; see
     * {@link #expectedShardS}); with exactly drawn items, one draw per item. Refuses a fleet larger than a pool may be
     * and a job that would not finish within {@code limits}, e.g. because interruptions come faster than checkpoints.
     *
     * @throws WorkLimitException naming the field to change and the estimate
     */
    public static WorkEstimate check(frontier.model.batch.BatchJob job, int replications, WorkLimits limits) {
        var fleet = job.fleet();
        if (fleet.instances() > limits.maxInstances()) {
            throw new WorkLimitException(
                    "$.batch.fleet.instances",
                    String.format(
                            Locale.ROOT,
                            "a batch job may have at most %,d instances (docs/cli.md \"Limits of simulations\"), this one has %,d",
                            limits.maxInstances(),
                            fleet.instances()));
        }
        double shardWork = (double) job.items() / fleet.instances() * job.meanItemS();
        double tau = job.checkpoint().intervalS();
        double segments = Math.ceil(shardWork / tau);
        double hazard = fleet.spotInstances() == 0 || fleet.interruption().trace() != null
                ? 0
                : fleet.interruption().hazardPerSecond();
        double shardS = expectedShardS(
                shardWork, tau, job.checkpoint().durationS(), job.restartS() + fleet.replacementDelayS(), hazard);
        List<Term> terms = new ArrayList<>();
        double interruptions = hazard * shardS;
        double attempts = Math.max(segments, shardS / (tau + job.checkpoint().durationS()));
        double perShard = 3 * attempts + 4 * interruptions + 4;
        terms.add(new Term(
                "$.batch.checkpoint.interval_s",
                perShard * fleet.instances(),
                String.format(
                        Locale.ROOT,
                        "%s instances × about %s checkpoint segments and %s interruptions each, in about %s s per shard",
                        number(fleet.instances()),
                        number(attempts),
                        number(interruptions),
                        number(shardS))));
        if (job.items() <= BatchModel.EXACT_ITEMS && (job.itemS() != null || job.tokensPerItem() != null)) {
            terms.add(new Term(
                    "$.batch.items",
                    job.items(),
                    String.format(Locale.ROOT, "%s items' work drawn one by one", number(job.items()))));
        }
        terms.sort(Comparator.comparingDouble(Term::events).reversed());
        double total = 1000;
        for (Term t : terms) total += t.events();
        WorkEstimate e = new WorkEstimate(total, replications, List.copyOf(terms));
        if (!(e.totalEvents() <= limits.maxEventsPerRun())) {
            String limit = String.format(
                    Locale.ROOT,
                    "more than the %,d events a run may take (docs/cli.md \"Limits of simulations\")",
                    limits.maxEventsPerRun());
            if (replications > 1 && e.events() <= limits.maxEventsPerRun()) {
                throw new WorkLimitException(
                        "$.run.replications",
                        String.format(
                                Locale.ROOT,
                                "%d replications of about %s events each are about %s events, %s; run fewer replications",
                                replications,
                                number(e.events()),
                                number(e.totalEvents()),
                                limit));
            }
            Term top = terms.getFirst();
            String advice = Double.isInfinite(shardS)
                            || hazard * (tau + job.checkpoint().durationS()) > 1
                    ? "; interruptions (every " + number(1 / hazard)
                            + " s on average per instance) come faster than checkpoints: checkpoint more often"
                    : "; give the job fewer items or more instances";
            throw new WorkLimitException(
                    top.field(),
                    String.format(
                            Locale.ROOT,
                            "this run would take about %s events (%s%s), %s%s",
                            number(e.totalEvents()),
                            top.why(),
                            replications > 1 ? ", × " + replications + " replications" : "",
                            limit,
                            advice));
        }
        return e;
    }

    /**
     * Expected seconds to finish a shard of {@code work} seconds in segments of {@code tau} (+ {@code checkpoint}) under
     * exponential interruptions of rate {@code hazard}, each followed by {@code restart} seconds before work resumes
     * (which may be interrupted too): Daly (2006), E[T] = M·e^{R/M}·(e^{(τ+C)/M} − 1)·W/τ with M = 1/hazard, plus the first
     * start-up; without interruptions W + C·⌈W/τ⌉ + R. Infinite when it overflows.
     */
    public static double expectedShardS(double work, double tau, double checkpoint, double restart, double hazard) {
        if (!(hazard > 0)) return work + Math.ceil(work / tau) * checkpoint + restart;
        double m = 1 / hazard;
        double full = Math.floor(work / tau);
        double rest = work - full * tau;
        double segment = m * Math.exp(restart / m) * Math.expm1((tau + checkpoint) / m);
        double last = rest > 0 ? m * Math.exp(restart / m) * Math.expm1((rest + checkpoint) / m) : 0;
        return full * segment + last + restart;
    }

    private static void checkPools(FleetSpec fleet, boolean simplePool, WorkLimits limits) {
        for (int i = 0; i < fleet.pools().size(); i++) {
            Pools p = fleet.pools().get(i);
            String countField;
            long count;
            switch (p) {
                case AlwaysOnPool a -> {
                    countField = "instances";
                    count = a.instances();
                }
                case AutoscaledPool a -> {
                    countField = "max_instances";
                    count = a.maxInstances();
                }
                case ServerlessPool s -> {
                    countField = "max_concurrency";
                    count = s.maxConcurrency();
                }
                case SpotPool s -> {
                    countField = "instances";
                    count = s.instances();
                }
            }
            if (count > limits.maxInstances()) {
                throw new WorkLimitException(
                        poolField(simplePool, i, countField),
                        String.format(
                                Locale.ROOT,
                                "pool '%s' would have up to %,d instances, more than the %,d a pool may have (docs/cli.md \"Limits of simulations\")",
                                p.name(),
                                count,
                                limits.maxInstances()));
            }
            long slots = count * p.concurrency();
            if (slots > limits.maxSlots()) {
                throw new WorkLimitException(
                        poolField(simplePool, i, "concurrency"),
                        String.format(
                                Locale.ROOT,
                                "pool '%s' would have up to %,d instances × %,d slots = %,d request slots, more than the %,d a pool may have"
                                        + " (docs/cli.md \"Limits of simulations\")",
                                p.name(),
                                count,
                                p.concurrency(),
                                slots,
                                limits.maxSlots()));
            }
        }
    }

    /** JSON path of a pool's field: {@code $.pools[i].name}, or in the simple form {@code $.pool.name} (instances are servers there). */
    static String poolField(boolean simplePool, int i, String name) {
        if (simplePool) return "$.pool." + (name.equals("instances") ? "servers" : name);
        return "$.pools[" + i + "]." + name;
    }

    /** A count or rate as people read it: 3,600 · 0.25 · 3.60e+311; "?" when unknown. */
    public static String number(double x) {
        if (Double.isNaN(x)) return "?";
        if (Double.isInfinite(x)) return x > 0 ? "infinitely many" : "-infinitely many";
        double a = Math.abs(x);
        if (a >= 1e12) return String.format(Locale.ROOT, "%.2e", x);
        if (a >= 100 || x == Math.rint(x)) return String.format(Locale.ROOT, "%,.0f", x);
        if (a >= 1e-3)
            return new java.math.BigDecimal(x)
                    .round(new java.math.MathContext(3))
                    .stripTrailingZeros()
                    .toPlainString();
        return String.format(Locale.ROOT, "%.2e", x);
    }
}
