package frontier.model.llm;

import frontier.sim.EventHandler;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.Simulation;
import frontier.sim.Tally;
import frontier.sim.TimeWeighted;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A small driver of N identical LLM instances on the discrete-event engine, for validation and
 * benchmarks until pools drive {@link LlmEngine}s: open-loop arrivals from an {@link LlmWorkload},
 * routed round-robin or to the instance with the fewest sequences (running + waiting), one event per
 * iteration per instance. One call runs one replication.
 */
public final class LlmServing {
    /** How a request picks its instance. */
    public enum Routing {
        ROUND_ROBIN,
        LEAST_LOADED
    }

    /** Run settings: SLOs for goodput (seconds; infinite = none), the series step, and whether to keep per-request values. */
    public record Options(double ttftSlo, double tpotSlo, double seriesStepS, boolean keepRequests, long seed) {
        public static Options defaults(long seed) {
            return new Options(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, true, seed);
        }
    }

    private static final int ARRIVAL = 0;
    private static final int ITERATION_END = 1;

    private final EngineConfig config;
    private final IterationProfile profile;
    private final int instances;
    private final Routing routing;

    public LlmServing(EngineConfig config, IterationProfile profile, int instances, Routing routing) {
        if (instances < 1) throw new IllegalArgumentException("instances must be >= 1");
        this.config = config;
        this.profile = profile;
        this.instances = instances;
        this.routing = routing;
    }

    public LlmResult run(LlmWorkload workload, Options options) {
        return run(workload, options, RunControl.NONE);
    }

    public LlmResult run(LlmWorkload workload, Options options, RunControl control) {
        return new Run(workload, options).execute(control);
    }

    private final class Run implements IterationListener {
        final Simulation sim = new Simulation();
        final LlmWorkload w;
        final Options o;
        final LlmEngine[] engines = new LlmEngine[instances];
        final EventHandler[] handlers = new EventHandler[instances];
        final UniformRandomProvider arrivals;
        final UniformRandomProvider tokens;
        /** Draws each request's prefill share when the profile has one and the workload names no hits. */
        final UniformRandomProvider prefill;

        final Tally ttft = new Tally();
        final Tally tpot = new Tally();
        final Tally e2e = new Tally();
        final double[] rTtft;
        final double[] rTpot;
        final double[] rE2e;
        final TimeWeighted batch = new TimeWeighted(0);
        final TimeWeighted kv = new TimeWeighted(0);
        final int[] batchNow = new int[instances];
        final long[] blocksNow = new long[instances];
        long batchSum;
        long blocksSum;
        int maxBatch;
        double maxKv;
        long completed;
        long rejected;
        long good;
        long outTokens;
        long decodeTokens;
        double decodeTime;
        int next;
        int rr;
        double lastEnd;
        // series
        final double step;
        double nextSample;
        final double[] sT;
        final int[] sB;
        final double[] sK;
        final int[] sW;
        int sN;
        final long blocksTotal;

        Run(LlmWorkload w, Options o) {
            this.w = w;
            this.o = o;
            RandomStreams streams = new RandomStreams(o.seed(), 0);
            for (int i = 0; i < instances; i++) {
                engines[i] = new LlmEngine(
                        config, profile, profile.noiseCv() > 0 ? streams.stream("llm.iteration." + i) : null);
                int k = i;
                handlers[i] = (kind, payload) -> iterationEnd(k);
            }
            blocksTotal = engines[0].totalBlocks() * instances;
            arrivals = streams.stream("llm.arrivals");
            tokens = streams.stream("llm.tokens");
            prefill = profile.prefillShare() != null && w.cachedTokens() == null
                    ? streams.stream("llm.prefill-share")
                    : null;
            int n = w.requests();
            rTtft = o.keepRequests() ? filledNaN(n) : null;
            rTpot = o.keepRequests() ? filledNaN(n) : null;
            rE2e = o.keepRequests() ? filledNaN(n) : null;
            step = o.seriesStepS();
            int points = 0;
            if (step > 0) {
                double horizon = w.isReplay() ? w.sendTimes()[n - 1] : n / w.poissonRate();
                points = (int) Math.min(100_000, Math.ceil(horizon * 4 / step) + 16);
            }
            sT = new double[points];
            sB = new int[points];
            sK = new double[points];
            sW = new int[points];
        }

        LlmResult execute(RunControl control) {
            long t0 = System.nanoTime();
            EventHandler arrival = (kind, payload) -> arrive();
            sim.schedule(w.isReplay() ? w.sendTimes()[0] : exp(), arrival, ARRIVAL, null);
            this.arrivalHandler = arrival;
            sim.run(control, () -> (double) next / w.requests());
            double dur = lastEnd;
            double wall = (System.nanoTime() - t0) / 1e9;
            double itl = decodeTokens == 0 ? Double.NaN : decodeTime / decodeTokens;
            LlmResult.Series series = step > 0
                    ? new LlmResult.Series(
                            step,
                            Arrays.copyOf(sT, sN),
                            Arrays.copyOf(sB, sN),
                            Arrays.copyOf(sK, sN),
                            Arrays.copyOf(sW, sN))
                    : null;
            long pre = 0;
            long its = 0;
            for (LlmEngine e : engines) {
                pre += e.preemptions();
                its += e.iterations();
            }
            return new LlmResult(
                    ttft,
                    tpot,
                    e2e,
                    itl,
                    completed,
                    rejected,
                    outTokens,
                    dur,
                    dur > 0 ? outTokens / dur : 0,
                    dur > 0 ? completed / dur : 0,
                    dur > 0 ? good / dur : 0,
                    pre,
                    its,
                    batch.average(dur),
                    maxBatch,
                    kv.average(dur),
                    maxKv,
                    series,
                    rTtft,
                    rTpot,
                    rE2e,
                    wall);
        }

        EventHandler arrivalHandler;

        double exp() {
            return -Math.log(1 - arrivals.nextDouble()) / w.poissonRate();
        }

        void arrive() {
            int i = next++;
            int in;
            int out;
            if (w.isReplay()) {
                in = w.inputTokens()[i];
                out = w.outputTokens()[i];
            } else {
                int k = tokens.nextInt(w.inputTokens().length);
                in = w.inputTokens()[k];
                out = w.outputTokens()[k];
            }
            if (next < w.requests()) {
                double t = w.isReplay() ? w.sendTimes()[next] - sim.now() : exp();
                sim.schedule(Math.max(0, t), arrivalHandler, ARRIVAL, null);
            }
            int target = route();
            LlmEngine e = engines[target];
            int cached = e.cachedTokensFor(in);
            if (w.cachedTokens() != null) {
                cached = Math.max(cached, w.cachedTokens()[i]);
            } else if (prefill != null) {
                double share = profile.prefillShare().sample(prefill);
                cached = Math.max(cached, PrefillShare.cachedTokens(in, share, config.blockSize()));
            }
            LlmSequence s = new LlmSequence(i, sim.now(), in, out, cached);
            if (!e.canServe(s)) {
                rejected++;
                return;
            }
            e.admit(s);
            if (!e.inIteration()) startIteration(target);
        }

        int route() {
            if (instances == 1) return 0;
            if (routing == Routing.ROUND_ROBIN) {
                int k = rr;
                rr = (rr + 1) % instances;
                return k;
            }
            int best = 0;
            int bestLoad = Integer.MAX_VALUE;
            for (int k = 0; k < instances; k++) {
                int load = engines[k].runningCount() + engines[k].waitingCount();
                if (load < bestLoad) {
                    bestLoad = load;
                    best = k;
                }
            }
            return best;
        }

        void startIteration(int k) {
            LlmEngine e = engines[k];
            double d = e.beginIteration();
            observe(k, e.inIteration() ? e.batchSeqs() : 0, e.usedBlocks());
            if (e.inIteration()) {
                if (e.batchDecodeSeqs() > 0) {
                    decodeTokens += e.batchDecodeSeqs();
                    decodeTime += d * e.batchDecodeSeqs();
                }
                sim.schedule(d, handlers[k], ITERATION_END, null);
            }
        }

        void iterationEnd(int k) {
            LlmEngine e = engines[k];
            e.endIteration(sim.now(), this);
            if (e.hasWork()) {
                startIteration(k);
            } else {
                observe(k, 0, e.usedBlocks());
            }
        }

        void observe(int k, int seqs, long blocks) {
            double now = sim.now();
            batchSum += seqs - batchNow[k];
            batchNow[k] = seqs;
            blocksSum += blocks - blocksNow[k];
            blocksNow[k] = blocks;
            batch.update(now, (double) batchSum / instances);
            double use = (double) blocksSum / blocksTotal;
            kv.update(now, use);
            if (seqs > maxBatch) maxBatch = seqs;
            if (use > maxKv) maxKv = use;
            if (step > 0) {
                while (now >= nextSample && sN < sT.length) {
                    int waiting = 0;
                    for (LlmEngine e : engines) waiting += e.waitingCount();
                    sT[sN] = nextSample;
                    sB[sN] = (int) batchSum;
                    sK[sN] = use;
                    sW[sN] = waiting;
                    sN++;
                    nextSample += step;
                }
            }
        }

        @Override
        public void firstToken(LlmSequence s, double now) {
            // recorded at finish, with the rest
        }

        @Override
        public void finished(LlmSequence s, double now) {
            double over = profile.requestOverhead();
            double t1 = s.firstTokenTime - s.arrivalTime + over;
            double total = now - s.arrivalTime + over;
            ttft.add(t1);
            e2e.add(total);
            double perToken = Double.NaN;
            if (s.outputTokens > 1) {
                perToken = (now - s.firstTokenTime) / (s.outputTokens - 1);
                tpot.add(perToken);
            }
            completed++;
            outTokens += s.outputTokens;
            if (t1 <= o.ttftSlo() && (Double.isNaN(perToken) || perToken <= o.tpotSlo())) good++;
            if (rTtft != null) {
                rTtft[s.id] = t1;
                rTpot[s.id] = perToken;
                rE2e[s.id] = total;
            }
            if (now > lastEnd) lastEnd = now;
        }
    }

    private static double[] filledNaN(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
