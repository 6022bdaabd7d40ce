package frontier.twin;

import frontier.sim.BadInputException;
import frontier.store.RequestCursor;
import frontier.store.RequestFilter;
import frontier.store.Workspace;
import java.util.Arrays;

/**
 * The requests of one endpoint as arrays, read once from the workspace in start order: arrival times,
 * and for successful requests with a latency, latency (s) and token counts. Memory is about 40 bytes
 * per request (tens of millions fit in a default heap).
 */
final class Observations {
    final double[] arrivals;
    /** Arrival times of the successful requests with a latency, aligned with {@link #latencyS}. */
    final double[] servedArrivals;

    final double[] latencyS;
    final long[] inputTokens;
    final long[] outputTokens;
    /** Time each served request waited in a queue (s), from a queue-time column of the log; NaN where there was none. */
    final double[] queueS;
    /** Served requests with a queue time. */
    final int withQueue;
    /** Successful requests that carried both token counts. */
    final int withTokens;
    /** Time to first token of each served request (s), NaN where the log had none. */
    final double[] ttftS;
    /** Served requests with both token counts and a time to first token. */
    final int withTokensAndTtft;
    /**
     * Where each served request ran, from unmapped columns kept in its attrs: the pricing of its machine
     * ({@link #PRICING}: "spot", "on_demand"…) or the instance that served it ({@link #INSTANCE}, matched later
     * against the bill's resource ids); null where the log says neither.
     */
    final String[] pricingOrInstance;

    final long errors;

    /**
     * Unmapped columns that hold a request's queue time in milliseconds (they are kept in the request's attrs):
     * queue_ms, queue_time_ms, queued_ms, wait_ms, time_in_queue_ms (any case).
     */
    static final java.util.regex.Pattern QUEUE = java.util.regex.Pattern.compile(
            "(?i)\"(?:queue_ms|queue_time_ms|queued_ms|wait_ms|time_in_queue_ms)\"\\s*:\\s*\"?([-+0-9.eE]+)\"?");

    /** Unmapped columns that name the pricing of the machine that served a request (any case). */
    static final java.util.regex.Pattern PRICING = java.util.regex.Pattern.compile(
            "(?i)\"(?:pricing|pricing_model|pricing_category|capacity_type|lifecycle|instance_lifecycle|purchase_option)\"\\s*:\\s*\"([^\"]*)\"");
    /** Unmapped columns that name the instance that served a request (any case). */
    static final java.util.regex.Pattern INSTANCE =
            java.util.regex.Pattern.compile("(?i)\"(?:instance|instance_id|resource_id)\"\\s*:\\s*\"([^\"]*)\"");

    private Observations(
            double[] arrivals,
            double[] served,
            double[] latencyS,
            long[] in,
            long[] out,
            int withTokens,
            long errors,
            double[] queueS,
            int withQueue,
            double[] ttftS,
            int withTokensAndTtft,
            String[] pricingOrInstance) {
        this.pricingOrInstance = pricingOrInstance;
        this.ttftS = ttftS;
        this.withTokensAndTtft = withTokensAndTtft;
        this.queueS = queueS;
        this.withQueue = withQueue;
        this.arrivals = arrivals;
        this.servedArrivals = served;
        this.latencyS = latencyS;
        this.inputTokens = in;
        this.outputTokens = out;
        this.withTokens = withTokens;
        this.errors = errors;
    }

    /** Distinct attribute texts remembered by one {@link #read}. */
    private static final int MAX_REMEMBERED_ATTRS = 4096;

    /** What one request's attributes say: where it ran (or null) and its logged queue time in ms (NaN: none). */
    private record AttrFacts(String where, double queueMs) {
        static AttrFacts of(String attrs) {
            String where = null;
            var w = PRICING.matcher(attrs);
            if (w.find() && !w.group(1).isBlank()) where = "pricing:" + w.group(1);
            else {
                w = INSTANCE.matcher(attrs);
                if (w.find() && !w.group(1).isBlank()) where = "instance:" + w.group(1);
            }
            double queueMs = Double.NaN;
            var q = QUEUE.matcher(attrs);
            if (q.find()) {
                try {
                    queueMs = Double.parseDouble(q.group(1));
                } catch (NumberFormatException ignored) {
                    // not a number: no queue time for this request
                }
            }
            return new AttrFacts(where, queueMs);
        }
    }

    static Observations read(Workspace ws, String endpoint) {
        double[] t = new double[1024];
        double[] lat = new double[1024];
        double[] st = new double[1024];
        long[] in = new long[1024];
        long[] out = new long[1024];
        double[] queue = new double[1024];
        double[] ttft = new double[1024];
        String[] where = new String[1024];
        int n = 0, m = 0, tokens = 0, queued = 0, tokensAndTtft = 0;
        long errors = 0;
        // A log's attribute objects repeat (the demo's 535,000 requests carry a handful of distinct ones): what the
        // three patterns find in each is worked out once per distinct text (the patterns took about a third of a
        // calibration's CPU on the demo workspace). Bounded: a log whose every row differs gains nothing and keeps
        // no more than this many.
        java.util.HashMap<String, AttrFacts> facts = new java.util.HashMap<>();
        try (RequestCursor c =
                ws.requestLogs().requests(RequestFilter.of(Calibrator.ALL.equals(endpoint) ? null : endpoint, null))) {
            while (c.next()) {
                if (n == t.length) t = Arrays.copyOf(t, n * 2);
                t[n++] = c.ts();
                if (!c.ok()) {
                    errors++;
                    continue;
                }
                double l = c.latencyMs();
                if (Double.isNaN(l) || l <= 0) continue;
                if (m == lat.length) {
                    lat = Arrays.copyOf(lat, m * 2);
                    st = Arrays.copyOf(st, m * 2);
                    in = Arrays.copyOf(in, m * 2);
                    out = Arrays.copyOf(out, m * 2);
                    queue = Arrays.copyOf(queue, m * 2);
                    ttft = Arrays.copyOf(ttft, m * 2);
                    where = Arrays.copyOf(where, m * 2);
                }
                queue[m] = Double.NaN;
                where[m] = null;
                String attrs = c.attrs();
                if (attrs != null) {
                    AttrFacts a = facts.get(attrs);
                    if (a == null) {
                        a = AttrFacts.of(attrs);
                        if (facts.size() < MAX_REMEMBERED_ATTRS) facts.put(attrs, a);
                    }
                    where[m] = a.where();
                    double ms = a.queueMs();
                    if (ms >= 0 && ms <= l) {
                        queue[m] = ms / 1000;
                        queued++;
                    }
                }
                lat[m] = l / 1000;
                st[m] = c.ts();
                in[m] = c.inputTokens();
                out[m] = c.outputTokens();
                double f = c.ttftMs();
                ttft[m] = f >= 0 && f <= l ? f / 1000 : Double.NaN;
                if (c.inputTokens() >= 0 && c.outputTokens() >= 0) {
                    tokens++;
                    if (!Double.isNaN(ttft[m])) tokensAndTtft++;
                }
                m++;
            }
        }
        if (n == 0) throw new BadInputException("endpoint '" + endpoint + "': no requests in the workspace");
        return new Observations(
                Arrays.copyOf(t, n),
                Arrays.copyOf(st, m),
                Arrays.copyOf(lat, m),
                Arrays.copyOf(in, m),
                Arrays.copyOf(out, m),
                tokens,
                errors,
                Arrays.copyOf(queue, m),
                queued,
                Arrays.copyOf(ttft, m),
                tokensAndTtft,
                Arrays.copyOf(where, m));
    }

    double first() {
        return arrivals[0];
    }

    double last() {
        return arrivals[arrivals.length - 1];
    }

    /** The q-quantile (0..1) of the latencies in milliseconds (nearest rank), NaN without latencies. */
    static double latencyQuantileMs(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return 1000 * sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Mean busy slots in each hour of [from, to) (the last may be partial): the services of the requests that arrived in it, per second. */
    double[] busySlotsPerHour(double[] serviceS, long from, long to) {
        int n = (int) Math.max(1, Math.ceil((to - from) / 3600.0));
        double[] busy = new double[n];
        for (int i = 0; i < servedArrivals.length; i++) {
            int h = (int) Math.floor((servedArrivals[i] - from) / 3600);
            if (h >= 0 && h < n) busy[h] += serviceS[i];
        }
        for (int h = 0; h < n; h++) busy[h] /= Math.min(3600, to - (from + 3600L * h));
        return busy;
    }

    /** Overlap in service below which two requests are taken to have used one slot in turn: logs round times to the millisecond. */
    static final double SERVICE_OVERLAP_S = 0.001;

    /**
     * The most requests in service at once, each occupying [arrival + its wait, arrival + latency); a request that
     * starts within {@value #SERVICE_OVERLAP_S} s of another's end takes its slot.
     */
    int peakInService(double[] waitS) {
        int n = servedArrivals.length;
        double[] starts = new double[n], ends = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = servedArrivals[i] + waitS[i];
            ends[i] = servedArrivals[i] + latencyS[i];
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int peak = 0, j = 0;
        for (int i = 0; i < n; i++) {
            while (j < n && ends[j] <= starts[i] + SERVICE_OVERLAP_S) j++;
            peak = Math.max(peak, i + 1 - j);
        }
        return peak;
    }

    /**
     * The most KV-cache tokens the requests held at once, as a vLLM-like engine holds them: a request holds its prompt
     * from its first token (arrival + time to first token; without a TTFT, from the start of its service: arrival +
     * queue time when the log has it, else arrival) to its end, and its output tokens as it makes them (growing
     * evenly from the first token to the end). Prefill time and prefix sharing are not known, so the prompt is held a
     * little late and each request's shared prefix counted again. -1 when fewer than {@code minShare} of the successful
     * requests carry token counts.
     */
    long peakKvTokens(double minShare) {
        int n = servedArrivals.length;
        int k = 0;
        for (int i = 0; i < n; i++) if (inputTokens[i] >= 0 && outputTokens[i] >= 0) k++;
        if (k == 0 || k < minShare * n) return -1;
        // Events: 0 = prompt held, 1 = output starts growing, 2 = request ends (value taken before it is released).
        double[] time = new double[3 * k];
        int[] kind = new int[3 * k], who = new int[3 * k];
        Integer[] order = new Integer[3 * k];
        int m = 0;
        double[] first = new double[n], end = new double[n];
        // Times from the first arrival, so that t·rates − ratesByFirst does not cancel on epoch seconds.
        double origin = Double.POSITIVE_INFINITY;
        for (double a : servedArrivals) origin = Math.min(origin, a);
        for (int i = 0; i < n; i++) {
            if (inputTokens[i] < 0 || outputTokens[i] < 0) continue;
            double arrival = servedArrivals[i] - origin;
            end[i] = arrival + latencyS[i];
            double startOfService = !Double.isNaN(ttftS[i])
                    ? arrival + Math.min(Math.max(0, ttftS[i]), latencyS[i])
                    : arrival
                            + (queueS != null && !Double.isNaN(queueS[i])
                                    ? Math.min(Math.max(0, queueS[i]), latencyS[i])
                                    : 0);
            first[i] = startOfService;
            for (int e = 0; e < 3; e++) {
                time[m] = e == 2 ? end[i] : startOfService;
                kind[m] = e;
                who[m] = i;
                order[m] = m;
                m++;
            }
        }
        // In time order; at one instant, ends first (a request that ends as another starts does not overlap it).
        Arrays.sort(
                order,
                (a, b) -> time[a] != time[b]
                        ? Double.compare(time[a], time[b])
                        : Integer.compare(kind[a] == 2 ? 0 : 1, kind[b] == 2 ? 0 : 1));
        // Held at t: prompts + Σ rate·(t − first) over the decoding requests = prompts + t·rates − ratesByFirst.
        double prompts = 0, rates = 0, ratesByFirst = 0, steps = 0, peak = 0;
        for (int o : order) {
            int i = who[o];
            double t = time[o];
            double span = end[i] - first[i];
            switch (kind[o]) {
                case 0 -> prompts += inputTokens[i];
                case 1 -> {
                    if (span > 0) {
                        double r = outputTokens[i] / span;
                        rates += r;
                        ratesByFirst += r * first[i];
                    } else {
                        steps += outputTokens[i];
                    }
                }
                default -> {
                    peak = Math.max(peak, prompts + steps + t * rates - ratesByFirst);
                    prompts -= inputTokens[i];
                    if (span > 0) {
                        double r = outputTokens[i] / span;
                        rates -= r;
                        ratesByFirst -= r * first[i];
                    } else {
                        steps -= outputTokens[i];
                    }
                }
            }
            if (kind[o] != 2) peak = Math.max(peak, prompts + steps + t * rates - ratesByFirst);
        }
        return Math.round(peak);
    }

    /** The most requests in flight at once, each successful one occupying [arrival, arrival + latency). */
    int peakInFlight() {
        int n = servedArrivals.length;
        double[] ends = new double[n];
        for (int i = 0; i < n; i++) ends[i] = servedArrivals[i] + latencyS[i];
        Arrays.sort(ends);
        int peak = 0, j = 0;
        for (int i = 0; i < n; i++) {
            while (j < n && ends[j] <= servedArrivals[i]) j++;
            peak = Math.max(peak, i + 1 - j);
        }
        return peak;
    }
}
