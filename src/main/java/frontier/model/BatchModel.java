package frontier.model;

import frontier.model.batch.BatchFleet;
import frontier.model.batch.BatchJob;
import frontier.model.llm.LlmSaturation;
import frontier.model.pool.SpotPool;
import frontier.sim.BadInputException;
import frontier.sim.EventHandler;
import frontier.sim.InvalidSpecException;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.Simulation;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Sampler;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Runs one replication of a {@link BatchJob} on a fresh {@link Simulation}: every instance of the fleet works
 * through its own shard of the items in segments of {@code checkpoint.interval_s} seconds of work, each followed by
 * a checkpoint of {@code checkpoint.duration_s}; the shard is done when its last checkpoint completes, the job when
 * every shard is done. A spot instance is interrupted as for a spot pool — a constant hazard (given, or of a Spot
 * Advisor bucket: {@link frontier.model.pool.Interruption}), or the removals of an availability trace
 * ({@link SpotTrace}) — with {@code notice_s} of warning: when the notice is at least a checkpoint long, a working
 * instance stops and checkpoints what it has done; otherwise the work since its last checkpoint is lost. Its
 * replacement is launched {@code replacement_delay_s} later (when spot capacity is there: outside the
 * {@code unavailable} periods, on a free node of the trace), on demand instead when the fallback says so, and works
 * after the job's start-up and model load. Instances are billed from launch to stop at their pricing model's price.
 *
 * <p>With an {@code llm_engine}, the work of a shard comes from the engine's iteration loop: {@link LlmSaturation} runs
 * one engine on a sample of the job's items (tokens drawn from "batch.llm.tokens", iteration noise from
 * "batch.llm.iteration") queued all at once, and a shard of n items is n / (its steady items per second) plus what
 * the ramp-up of an empty engine and the drain of its last items add. Within the shard the work is then fluid, as for
 * the other kinds: an interruption loses the work since the last checkpoint, in-flight sequences included.
 *
 * <p>Random streams: "batch.work" for the items' work, "batch.interruptions:i" for shard i's hazard clock. A shard's
 * interruptions under a hazard are the points of a Poisson process on the wall clock (an exponential lifetime from
 * each launch is the next point after it, by memorylessness), so runs that differ only in the checkpoint interval
 * or the fallback see the same interruptions (common random numbers).
 */
public final class BatchModel {
    private static final int LAUNCH = 0;
    private static final int READY = 1;
    private static final int SEGMENT_END = 2;
    private static final int CHECKPOINT_END = 3;
    private static final int NOTICE = 4;
    private static final int TERMINATE = 5;
    private static final int TRACE_ADD = 6;
    private static final int TRACE_NOTICE = 7;
    /** The latest time a waiting spot shard can still start and finish by the deadline: on demand if still waiting. */
    private static final int DEADLINE_CHECK = 8;

    /** Above this many items the shards' work is drawn from its normal approximation (central limit theorem). */
    static final long EXACT_ITEMS = 1_000_000;
    /** Points of the instances time series. */
    private static final int POINTS = 200;

    private BatchModel() {}

    /** What a shard is doing. */
    private enum Phase {
        WAITING,
        STARTING,
        WORKING,
        CHECKPOINTING,
        DONE
    }

    private static final class Shard {
        final int index;
        final double work;
        double committed;
        boolean spot;
        int interruptions;
        /** Incremented at every launch and termination: events of an earlier instance are stale. */
        int generation;

        Phase phase = Phase.WAITING;
        double phaseStart;
        double segmentWork;
        double launchedAt;
        double terminatesAt = Double.POSITIVE_INFINITY;
        /** The instance has had its notice: it works only what it can checkpoint before it terminates. */
        boolean notified;

        double nextPoint;
        String node;
        ZigguratSampler.Exponential clock;
        boolean fellBack;

        Shard(int index, double work, boolean spot) {
            this.index = index;
            this.work = work;
            this.spot = spot;
        }
    }

    private record Ev(Shard shard, int generation) {}

    /** One instance's life, for the time series: launched, working from, stopped, on spot or not. */
    private record Span(double launch, double ready, double stop, boolean spot) {}

    /**
     * One replication of {@code job}, stopped with a {@link WorkLimitException} when it passes
     * {@link WorkLimits#maxEventsPerRun()} events; {@code baseDir} resolves a relative trace path.
     */
    public static RunResult run(
            BatchJob job, Path baseDir, RandomStreams streams, RunControl control, WorkLimits limits) {
        long wallStart = System.nanoTime();
        return new Run(job, baseDir, streams, limits).run(control, wallStart);
    }

    /**
     * One instance's engine at saturation on a sample of the job's items ({@link LlmSaturation#sampleSize} of them,
     * at most the job's items, at least 10), as {@link #run} measures it.
     */
    public static LlmSaturation saturation(BatchJob job, RandomStreams streams) {
        var e = job.llmEngine();
        var config = e.engineConfig();
        int n = (int) Math.max(10, Math.min(job.items(), LlmSaturation.sampleSize(config)));
        UniformRandomProvider rng = streams.stream("batch.llm.tokens");
        Sampler in = job.tokens().input().sampler(rng);
        Sampler out = job.tokens().output().sampler(rng);
        int[] input = new int[n];
        int[] output = new int[n];
        for (int i = 0; i < n; i++) {
            input[i] = tokens(in);
            output[i] = tokens(out);
        }
        var profile = e.iterationProfile();
        try {
            return LlmSaturation.measure(
                    config,
                    profile,
                    input,
                    output,
                    profile.noiseCv() > 0 ? streams.stream("batch.llm.iteration") : null);
        } catch (InvalidSpecException x) {
            throw new BadInputException("$.batch." + x.field() + ": " + x.getMessage());
        }
    }

    private static int tokens(Sampler s) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(s.sample())));
    }

    /** The work, seconds on one instance, of each shard of an LLM-engine job: items / the engine's rate + ramp and drain. */
    static double[] shardWork(BatchJob job, LlmSaturation engine) {
        int n = job.fleet().instances();
        double[] work = new double[n];
        long base = job.items() / n;
        long extra = job.items() % n;
        for (int i = 0; i < n; i++) {
            long count = base + (i < extra ? 1 : 0);
            work[i] = count == 0 ? 0 : count / engine.itemsPerS() + engine.edgeS();
        }
        return work;
    }

    /** The work, seconds on one instance, of each shard: items split as evenly as possible, their work drawn. */
    static double[] shardWork(BatchJob job, UniformRandomProvider rng) {
        int n = job.fleet().instances();
        double[] work = new double[n];
        long base = job.items() / n;
        long extra = job.items() % n;
        Distribution per = job.itemS() != null ? job.itemS() : job.tokensPerItem();
        double scale = job.itemS() != null ? 1 : job.tokensPerS() == null ? 0 : 1 / job.tokensPerS();
        Sampler sampler = per == null ? null : per.sampler(rng);
        ZigguratSampler.NormalizedGaussian gauss = per == null ? null : ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < n; i++) {
            long count = base + (i < extra ? 1 : 0);
            if (per == null) {
                work[i] = count / job.itemsPerS();
            } else if (job.items() <= EXACT_ITEMS) {
                double sum = 0;
                for (long k = 0; k < count; k++) sum += sampler.sample();
                work[i] = sum * scale;
            } else {
                double mean = count * per.mean();
                double sd = Math.sqrt((double) count) * per.mean() * per.cv();
                work[i] = Math.max(0, mean + sd * gauss.sample()) * scale;
            }
        }
        return work;
    }

    private static final class Run implements EventHandler {
        private final BatchJob job;
        private final BatchFleet fleet;
        private final Simulation sim = new Simulation();
        private final Shard[] shards;
        private final double tau;
        private final double checkpoint;
        private final double restart;
        private final double hazard;
        private final boolean traced;
        private final List<SpotTrace.Event> trace;
        private final WorkLimits limits;
        private final double totalWork;
        /** The engine at saturation (an LLM-engine job), else null. */
        private final LlmSaturation engine;

        private final ArrayDeque<Shard> waitingForNode = new ArrayDeque<>();
        private final List<String> freeNodes = new ArrayList<>();
        private final Map<String, Shard> nodeShard = new HashMap<>();
        private final List<Span> spans = new ArrayList<>();
        private final List<Double> interruptionTimes = new ArrayList<>();

        private int done;
        private double lostS;
        private double checkpointS;
        private double restartS;
        private double spotInstanceS;
        private double onDemandInstanceS;
        private int interruptions;
        private int fallbacks;

        Run(BatchJob job, Path baseDir, RandomStreams streams, WorkLimits limits) {
            this.job = job;
            this.fleet = job.fleet();
            this.limits = limits;
            this.tau = job.checkpoint().intervalS();
            this.checkpoint = job.checkpoint().durationS();
            this.restart = job.restartS();
            this.hazard =
                    fleet.interruption() == null ? 0 : fleet.interruption().hazardPerSecond();
            this.traced = fleet.interruption() != null && fleet.interruption().trace() != null;
            if (traced && fleet.spotInstances() > 0) {
                Path file = Path.of(fleet.interruption().trace());
                if (!file.isAbsolute() && baseDir != null) file = baseDir.resolve(file);
                trace = SpotTrace.read(file, fleet.interruption().timeUnit());
            } else {
                trace = List.of();
            }
            engine = job.llmEngine() != null ? saturation(job, streams) : null;
            double[] work = engine != null ? shardWork(job, engine) : shardWork(job, streams.stream("batch.work"));
            int spot = fleet.spotInstances();
            shards = new Shard[work.length];
            double sum = 0;
            for (int i = 0; i < work.length; i++) {
                shards[i] = new Shard(i, work[i], i < spot);
                sum += work[i];
                if (i < spot && !traced && hazard > 0) {
                    shards[i].clock = ZigguratSampler.Exponential.of(streams.stream("batch.interruptions:" + i));
                    shards[i].nextPoint = shards[i].clock.sample() / hazard;
                }
            }
            totalWork = sum;
        }

        RunResult run(RunControl control, long wallStart) {
            double offset = job.startS();
            for (SpotTrace.Event e : trace) {
                double at = e.timeS() - offset;
                if (e.add()) sim.scheduleAt(Math.max(0, at), this, TRACE_ADD, e);
                else sim.scheduleAt(Math.max(0, at - fleet.noticeS()), this, TRACE_NOTICE, e);
            }
            for (Shard s : shards) {
                if (s.work <= 0) {
                    s.phase = Phase.DONE;
                    done++;
                } else {
                    sim.scheduleAt(0, this, LAUNCH, new Ev(s, s.generation));
                }
            }
            long maxEvents = limits.maxEventsPerRun();
            if (done < shards.length) {
                sim.run(control, () -> {
                    if (sim.eventCount() > maxEvents) throw tooManyEvents(maxEvents);
                    double committed = 0;
                    for (Shard s : shards) committed += s.committed;
                    return totalWork > 0 ? committed / totalWork : 1;
                });
            }
            if (done < shards.length) throw tooManyEvents(maxEvents); // the trace ran out of capacity for good
            double end = sim.now();
            return result(end, sim.eventCount(), (System.nanoTime() - wallStart) / 1e9);
        }

        private WorkLimitException tooManyEvents(long maxEvents) {
            if (sim.eventCount() <= maxEvents) {
                return new WorkLimitException(
                        "$.batch.fleet.interruption.trace",
                        String.format(
                                java.util.Locale.ROOT,
                                "the availability trace ends with %d shard%s unfinished and no spot node left for it; give a fallback"
                                        + " (fleet.fallback) or a trace that covers the job",
                                shards.length - done,
                                shards.length - done == 1 ? "" : "s"));
            }
            return new WorkLimitException(
                    "$.batch.checkpoint.interval_s",
                    String.format(
                            java.util.Locale.ROOT,
                            "one replication passed %,d events at %s s of simulated time without finishing the job, more than the %,d events"
                                    + " a run may take (docs/cli.md \"Limits of simulations\"); interruptions come faster than checkpoints:"
                                    + " checkpoint more often, or run fewer instances on spot",
                            sim.eventCount(),
                            WorkEstimate.number(sim.now()),
                            maxEvents));
        }

        @Override
        public void handle(int kind, Object payload) {
            double now = sim.now();
            if (kind == TRACE_ADD) {
                traceAdd(((SpotTrace.Event) payload).node(), now);
                return;
            }
            if (kind == TRACE_NOTICE) {
                traceNotice((SpotTrace.Event) payload, now);
                return;
            }
            Ev ev = (Ev) payload;
            Shard s = ev.shard();
            if (ev.generation() != s.generation) return; // an event of an instance that is gone
            switch (kind) {
                case LAUNCH -> launch(s, now);
                case READY -> {
                    restartS += s.interruptions > 0 ? now - s.phaseStart : 0;
                    work(s, now);
                }
                case SEGMENT_END -> {
                    s.phase = Phase.CHECKPOINTING;
                    s.phaseStart = now;
                    sim.scheduleAt(now + checkpoint, this, CHECKPOINT_END, new Ev(s, s.generation));
                }
                case CHECKPOINT_END -> checkpointed(s, now);
                case NOTICE -> notice(s, now);
                case TERMINATE -> terminate(s, now);
                case DEADLINE_CHECK -> {
                    if (s.phase == Phase.WAITING && s.spot) {
                        fallBackNow(s);
                        launch(s, now);
                    }
                }
                default -> throw new IllegalStateException("unknown event " + kind);
            }
        }

        /** A new instance for shard {@code s}: billed from now, works after the restart overhead. */
        private void launch(Shard s, double now) {
            if (s.spot && !SpotPool.Period.available(fleet.unavailable(), now + job.startS())) {
                double again = SpotPool.Period.availableAgain(fleet.unavailable(), now + job.startS()) - job.startS();
                if (deadlineAtRisk(s, again)) { // spot capacity comes back too late: on demand now
                    fallBackNow(s);
                    launch(s, now);
                    return;
                }
                sim.scheduleAt(again, this, LAUNCH, new Ev(s, s.generation));
                return;
            }
            if (s.spot && traced) {
                if (freeNodes.isEmpty()) {
                    // Waiting for a node of the trace: the deadline rule still applies while the shard waits.
                    double latest = latestSpotStart(s);
                    if (latest <= now) {
                        fallBackNow(s);
                        launch(s, now);
                        return;
                    }
                    if (latest < Double.POSITIVE_INFINITY)
                        sim.scheduleAt(latest, this, DEADLINE_CHECK, new Ev(s, s.generation));
                    waitingForNode.add(s);
                    return;
                }
                s.node = freeNodes.removeLast();
                nodeShard.put(s.node, s);
            }
            s.generation++;
            s.launchedAt = now;
            s.phase = Phase.STARTING;
            s.phaseStart = now;
            s.terminatesAt = Double.POSITIVE_INFINITY;
            s.notified = false;
            Ev ev = new Ev(s, s.generation);
            sim.scheduleAt(now + restart, this, READY, ev);
            if (s.spot && s.clock != null) {
                while (s.nextPoint <= now) s.nextPoint += s.clock.sample() / hazard;
                s.terminatesAt = s.nextPoint;
                sim.scheduleAt(Math.max(now, s.terminatesAt - fleet.noticeS()), this, NOTICE, ev);
            }
        }

        /**
         * Starts the next segment of work: up to the checkpoint interval, at most what is left; after a notice, only what
         * can be checkpointed before the termination (nothing: the instance waits, idle, for it).
         */
        private void work(Shard s, double now) {
            double segment = Math.min(tau, s.work - s.committed);
            if (s.notified) segment = Math.min(segment, s.terminatesAt - now - checkpoint);
            s.phaseStart = now;
            if (!(segment > 0)) {
                s.phase = Phase.WAITING;
                return;
            }
            s.phase = Phase.WORKING;
            s.segmentWork = segment;
            sim.scheduleAt(now + segment, this, SEGMENT_END, new Ev(s, s.generation));
        }

        private void checkpointed(Shard s, double now) {
            checkpointS += now - s.phaseStart;
            s.committed += s.segmentWork;
            if (s.work - s.committed <= 1e-9 * s.work) {
                s.committed = s.work;
                stop(s, now);
                s.phase = Phase.DONE;
                s.generation++;
                if (++done == shards.length) sim.stop();
                return;
            }
            work(s, now);
        }

        /**
         * The warning before a termination: a working instance with time for a checkpoint stops and saves what it has
         * done; from now on it works only what it can save before the termination.
         */
        private void notice(Shard s, double now) {
            s.notified = true;
            if (s.phase == Phase.WORKING && checkpoint <= s.terminatesAt - now) {
                s.segmentWork = now - s.phaseStart;
                s.phase = Phase.CHECKPOINTING;
                s.phaseStart = now;
                s.generation++; // the segment's own end is gone
                Ev ev = new Ev(s, s.generation);
                sim.scheduleAt(now + checkpoint, this, CHECKPOINT_END, ev);
                sim.scheduleAt(s.terminatesAt, this, TERMINATE, ev);
                return;
            }
            sim.scheduleAt(Math.max(now, s.terminatesAt), this, TERMINATE, new Ev(s, s.generation));
        }

        private void terminate(Shard s, double now) {
            if (s.phase == Phase.CHECKPOINTING && s.phaseStart + checkpoint <= now) {
                checkpointed(s, now); // a checkpoint that ends at the termination is saved
                if (s.phase == Phase.DONE) return;
            }
            switch (s.phase) {
                case WORKING -> lostS += now - s.phaseStart;
                case CHECKPOINTING -> {
                    checkpointS += now - s.phaseStart;
                    lostS += s.segmentWork;
                }
                case STARTING -> restartS += s.interruptions > 0 ? now - s.phaseStart : 0;
                default -> {}
            }
            if (s.node != null) { // the node goes with the instance
                nodeShard.remove(s.node);
                s.node = null;
            }
            stop(s, now);
            interruptions++;
            interruptionTimes.add(now);
            s.interruptions++;
            s.generation++;
            s.phase = Phase.WAITING;
            double launchAt = now + fleet.replacementDelayS();
            if (fallBack(s, launchAt)) fallBackNow(s);
            sim.scheduleAt(launchAt, this, LAUNCH, new Ev(s, s.generation));
        }

        /** Shard {@code s} goes on demand, and stays there. */
        private void fallBackNow(Shard s) {
            s.spot = false;
            s.fellBack = true;
            fallbacks++;
        }

        /** Whether shard {@code s}'s replacement goes on demand: after N interruptions, or when a spot one would miss the deadline. */
        private boolean fallBack(Shard s, double launchAt) {
            var f = fleet.fallback();
            if (f == null) return false;
            if (f.afterInterruptions() != null && s.interruptions >= f.afterInterruptions()) return true;
            double start = SpotPool.Period.availableAgain(fleet.unavailable(), launchAt + job.startS()) - job.startS();
            return deadlineAtRisk(s, start);
        }

        /** With {@code when_deadline_at_risk}: whether a spot instance starting at {@code start} would finish shard {@code s} after the deadline. */
        private boolean deadlineAtRisk(Shard s, double start) {
            var f = fleet.fallback();
            if (f == null || !f.whenDeadlineAtRisk()) return false;
            double left = s.work - s.committed;
            double finish = start + restart + left + Math.ceil(left / tau - 1e-9) * checkpoint;
            return finish > job.deadlineS();
        }

        /**
         * The latest launch of a spot instance that finishes shard {@code s} by the deadline without another interruption
         * (restart, the work left and its checkpoints); infinite without {@code when_deadline_at_risk}.
         */
        private double latestSpotStart(Shard s) {
            var f = fleet.fallback();
            if (f == null || !f.whenDeadlineAtRisk()) return Double.POSITIVE_INFINITY;
            double left = s.work - s.committed;
            return job.deadlineS() - (restart + left + Math.ceil(left / tau - 1e-9) * checkpoint);
        }

        private void stop(Shard s, double now) {
            double billed = now - s.launchedAt;
            if (s.spot) spotInstanceS += billed;
            else onDemandInstanceS += billed;
            spans.add(new Span(s.launchedAt, Math.min(now, s.launchedAt + restart), now, s.spot));
            if (s.node != null) {
                nodeShard.remove(s.node);
                freeNodes.add(s.node);
                s.node = null;
                launchWaiting(now);
            }
        }

        private void traceAdd(String node, double now) {
            if (nodeShard.containsKey(node) || freeNodes.contains(node)) return;
            freeNodes.add(node);
            launchWaiting(now);
        }

        private void launchWaiting(double now) {
            while (!freeNodes.isEmpty() && !waitingForNode.isEmpty()) {
                Shard s = waitingForNode.poll();
                if (s.phase == Phase.WAITING && s.spot) launch(s, now);
            }
        }

        /** A node of the trace goes away at the event's time: its instance gets the notice now. */
        private void traceNotice(SpotTrace.Event e, double now) {
            freeNodes.remove(e.node());
            Shard s = nodeShard.get(e.node());
            if (s == null) return;
            s.terminatesAt = Math.max(now, e.timeS() - job.startS());
            notice(s, now);
        }

        private RunResult result(double end, long events, double wallSeconds) {
            Map<String, Double> m = new LinkedHashMap<>();
            double spotPrice = fleet.spotPrice() == null ? 0 : fleet.spotPrice().usdPerSecond();
            double onDemandPrice = fleet.price().usdPerSecond();
            double spotCost = spotInstanceS * spotPrice;
            double onDemandCost = onDemandInstanceS * onDemandPrice;
            m.put(Metric.BATCH_COMPLETION.path(), end);
            if (job.deadlineS() != null)
                m.put(Metric.BATCH_DONE_BY_DEADLINE.path(), end <= job.deadlineS() ? 1.0 : 0.0);
            m.put(Metric.BATCH_ITEMS_PER_S.path(), end > 0 ? job.items() / end : Double.NaN);
            m.put(Metric.COST_TOTAL.path(), spotCost + onDemandCost);
            m.put(Metric.BATCH_COST_SPOT.path(), spotCost);
            m.put(Metric.BATCH_COST_ON_DEMAND.path(), onDemandCost);
            m.put(Metric.BATCH_COST_PER_1M_ITEMS.path(), (spotCost + onDemandCost) / job.items() * 1e6);
            m.put(Metric.BATCH_INSTANCE_HOURS_SPOT.path(), spotInstanceS / 3600);
            m.put(Metric.BATCH_INSTANCE_HOURS_ON_DEMAND.path(), onDemandInstanceS / 3600);
            m.put(Metric.BATCH_LOST_S.path(), lostS);
            m.put(Metric.BATCH_LOST_SHARE.path(), totalWork > 0 ? lostS / totalWork : 0);
            m.put(Metric.BATCH_CHECKPOINT_S.path(), checkpointS);
            m.put(Metric.BATCH_RESTART_S.path(), restartS);
            m.put(Metric.INTERRUPTIONS.path(), (double) interruptions);
            m.put(Metric.BATCH_FALLBACKS.path(), (double) fallbacks);
            if (engine != null) {
                m.put(Metric.BATCH_LLM_ITEMS_PER_S.path(), engine.itemsPerS());
                m.put(Metric.BATCH_LLM_OUTPUT_TOKENS_PER_S.path(), engine.outputTokensPerS());
                m.put(Metric.BATCH_LLM_BATCH_MEAN.path(), engine.meanBatch());
                m.put(Metric.BATCH_LLM_EDGE_S.path(), engine.edgeS());
            }
            return new RunResult(m, new LatencyHistogram(1, new long[0]), series(end), events, wallSeconds);
        }

        /** Instances over time, spot and on-demand apart, at {@value #POINTS} points. */
        private TimeSeries series(double end) {
            double step = end > 0 ? end / POINTS : 1;
            int n = POINTS + 1;
            double[] t = new double[n];
            for (int k = 0; k < n; k++) t[k] = k * step;
            Map<String, TimeSeries.PoolSeries> pools = new LinkedHashMap<>();
            for (boolean spot : new boolean[] {true, false}) {
                int[] instances = new int[n];
                int[] ready = new int[n];
                int[] launches = new int[n];
                int[] interrupted = new int[n];
                boolean any = false;
                for (Span sp : spans) {
                    if (sp.spot() != spot) continue;
                    any = true;
                    for (int k = 0; k < n; k++) {
                        if (t[k] >= sp.launch() && (t[k] < sp.stop() || k == n - 1 && sp.stop() >= end)) instances[k]++;
                        if (t[k] >= sp.ready() && t[k] < sp.stop()) ready[k]++;
                    }
                    launches[Math.min(n - 1, (int) (sp.launch() / step))]++;
                }
                if (spot) for (double x : interruptionTimes) interrupted[Math.min(n - 1, (int) (x / step))]++;
                if (any)
                    pools.put(
                            spot ? "spot" : "on_demand",
                            new TimeSeries.PoolSeries(instances, ready, ready.clone(), launches, interrupted));
            }
            return new TimeSeries(step, t, pools);
        }
    }
}
