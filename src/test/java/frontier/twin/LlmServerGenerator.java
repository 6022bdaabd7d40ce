package frontier.twin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An independent generator of LLM serving logs for the twin tests, written from scratch for them (it shares no code
 * with Frontier's engine, its LLM model or the demo): N instances of a continuous-batching server fed by Poisson
 * arrivals with random token counts. Each instance runs an iteration loop: at the start of an iteration it admits
 * waiting requests in arrival order while it holds fewer than {@code maxNumSeqs}; the iteration takes
 * {@code a + b × prompt tokens of the admitted + c × decoding sequences} seconds times a lognormal noise of mean 1; at
 * its end every admitted request has its first token (its whole prompt is prefilled in the iteration that admits it)
 * and every decoding one its next token; a request ends with its last output token. A new request goes to the
 * instance holding the fewest requests (running or waiting; the lowest index on a tie).
 */
final class LlmServerGenerator {
    /** The server: instances, iteration-time coefficients (s, s per token, s per sequence), noise cv, batch cap. */
    record Server(int instances, double a, double b, double c, double noiseCv, int maxNumSeqs) {}

    /** Token counts: lognormal input and output lengths (mean, cv), at least 1 token each, at most the caps. */
    record Tokens(double inMean, double inCv, int inMax, double outMean, double outCv, int outMax) {}

    /** Requests in arrival order: arrival (s from 0), tokens, TTFT and end-to-end latency (s). */
    record Log(double[] arrival, int[] in, int[] out, double[] ttft, double[] latency) {
        int size() {
            return arrival.length;
        }

        /** The q-quantile (nearest rank) of latency, ms, over requests from index {@code from}. */
        double latencyQuantileMs(double q, int from) {
            return quantileMs(latency, q, from);
        }

        double ttftQuantileMs(double q, int from) {
            return quantileMs(ttft, q, from);
        }

        private static double quantileMs(double[] v, double q, int from) {
            double[] s = Arrays.copyOfRange(v, from, v.length);
            Arrays.sort(s);
            return 1000 * s[Math.max(0, (int) Math.ceil(q * s.length) - 1)];
        }
    }

    private static final class Seq {
        final int id;
        final int in;
        int left;
        boolean admitted;

        Seq(int id, int in, int out) {
            this.id = id;
            this.in = in;
            this.left = out;
        }
    }

    private static final class Instance {
        final ArrayDeque<Seq> waiting = new ArrayDeque<>();
        final List<Seq> running = new ArrayList<>();
        double iterationEnd = Double.POSITIVE_INFINITY;

        int held() {
            return waiting.size() + running.size();
        }
    }

    private LlmServerGenerator() {}

    /** {@code n} requests at {@code ratePerS} into the server. */
    static Log run(long seed, double ratePerS, int n, Server s, Tokens t) {
        SplittableRandom arrivals = new SplittableRandom(seed);
        SplittableRandom lengths = new SplittableRandom(seed * 31 + 7);
        SplittableRandom noise = new SplittableRandom(seed * 131 + 11);
        double[] arrival = new double[n], ttft = new double[n], latency = new double[n];
        int[] in = new int[n], out = new int[n];
        double time = 0;
        for (int i = 0; i < n; i++) {
            time += -Math.log(1 - arrivals.nextDouble()) / ratePerS;
            arrival[i] = time;
            in[i] = (int) Math.min(t.inMax(), Math.max(1, Math.round(lognormal(lengths, t.inMean(), t.inCv()))));
            out[i] = (int) Math.min(t.outMax(), Math.max(1, Math.round(lognormal(lengths, t.outMean(), t.outCv()))));
        }
        Instance[] inst = new Instance[s.instances()];
        for (int k = 0; k < inst.length; k++) inst[k] = new Instance();
        int next = 0, done = 0;
        while (done < n) {
            int k = 0;
            for (int j = 1; j < inst.length; j++) if (inst[j].iterationEnd < inst[k].iterationEnd) k = j;
            if (next < n && arrival[next] <= inst[k].iterationEnd) {
                int to = 0;
                for (int j = 1; j < inst.length; j++) if (inst[j].held() < inst[to].held()) to = j;
                Instance target = inst[to];
                target.waiting.add(new Seq(next, in[next], out[next]));
                if (target.iterationEnd == Double.POSITIVE_INFINITY) start(target, arrival[next], s, noise);
                next++;
                continue;
            }
            Instance i = inst[k];
            double now = i.iterationEnd;
            for (var it = i.running.iterator(); it.hasNext(); ) {
                Seq q = it.next();
                if (!q.admitted) {
                    q.admitted = true;
                    ttft[q.id] = now - arrival[q.id];
                }
                q.left--;
                if (q.left == 0) {
                    latency[q.id] = now - arrival[q.id];
                    done++;
                    it.remove();
                }
            }
            i.iterationEnd = Double.POSITIVE_INFINITY;
            if (i.held() > 0) start(i, now, s, noise);
        }
        return new Log(arrival, in, out, ttft, latency);
    }

    /** Admits waiting requests (FIFO, up to the cap) and schedules the iteration's end. */
    private static void start(Instance i, double now, Server s, SplittableRandom noise) {
        int decoding = i.running.size();
        long prefill = 0;
        while (!i.waiting.isEmpty() && i.running.size() < s.maxNumSeqs()) {
            Seq q = i.waiting.poll();
            prefill += q.in;
            i.running.add(q);
        }
        double step = s.a() + s.b() * prefill + s.c() * decoding;
        i.iterationEnd = now + step * (s.noiseCv() > 0 ? lognormal(noise, 1, s.noiseCv()) : 1);
    }

    private static double lognormal(SplittableRandom r, double mean, double cv) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.exp(mu + sigma * gaussian(r));
    }

    /** A standard normal by Box–Muller (one of the pair). */
    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
