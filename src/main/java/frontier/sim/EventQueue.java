package frontier.sim;

import java.util.Arrays;

/**
 * The future event list: a binary min-heap ordered by (time, insertion sequence), so that events at the
 * same instant run in the order they were scheduled and every run is reproducible.
 *
 * <p>Layout for speed: the heap itself holds only the time and a slot number, so sifting moves two
 * primitives; the handler, kind, payload and sequence number stay put in their slot (slots are
 * recycled through a free list). Scheduling allocates nothing once the arrays have grown to the peak
 * number of pending events.
 */
final class EventQueue {
    private double[] heapTime = new double[64];
    private int[] heapSlot = new int[64];
    private int size;

    private long[] seqs = new long[64];
    private EventHandler[] handlers = new EventHandler[64];
    private int[] kinds = new int[64];
    private Object[] payloads = new Object[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotsUsed;
    private long nextSeq;

    EventQueue() {
        // Every slot starts on the free list, so the first events of a run take the same path as all the others:
        // a path taken only at the start of each run is one the JIT compiles as a trap, and taking it throws the
        // compiled code away at the start of the next replication.
        for (int s = seqs.length - 1; s >= 0; s--) freeSlots[freeCount++] = s;
        slotsUsed = seqs.length;
    }

    // The most recently removed event, read by the simulation loop right after poll().
    double polledTime;
    EventHandler polledHandler;
    int polledKind;
    Object polledPayload;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(double time, EventHandler handler, int kind, Object payload) {
        if (size == heapTime.length) growHeap();
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        long seq = nextSeq++;
        seqs[slot] = seq;
        // Reference stores cost a GC write barrier; a recycled slot usually has the same handler already,
        // and a polled slot's payload is null, so most of them can be skipped.
        if (handlers[slot] != handler) handlers[slot] = handler;
        kinds[slot] = kind;
        if (payload != null) payloads[slot] = payload;

        double[] ht = heapTime;
        int[] hs = heapSlot;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            double pt = ht[parent];
            // A new event has the largest sequence number, so it never goes before an equal time.
            if (pt <= time) break;
            ht[i] = pt;
            hs[i] = hs[parent];
            i = parent;
        }
        ht[i] = time;
        hs[i] = slot;
    }

    /** Removes the earliest event into the {@code polled*} fields. The queue must not be empty. */
    void poll() {
        double[] ht = heapTime;
        int[] hs = heapSlot;
        int top = hs[0];
        polledTime = ht[0];
        polledHandler = handlers[top];
        polledKind = kinds[top];
        Object payload = payloads[top];
        polledPayload = payload;
        // The handler stays in its slot (handlers live as long as the run); the payload goes, so that a
        // finished request is not kept alive by the event list.
        if (payload != null) payloads[top] = null;
        if (freeCount == freeSlots.length) freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        freeSlots[freeCount++] = top;

        int last = --size;
        if (last == 0) return;
        double t = ht[last];
        int s = hs[last];
        long seq = seqs[s];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            double ct = ht[child];
            if (right < last) {
                double rt = ht[right];
                if (rt < ct || (rt == ct && seqs[hs[right]] < seqs[hs[child]])) {
                    child = right;
                    ct = rt;
                }
            }
            if (t < ct || (t == ct && seq < seqs[hs[child]])) break;
            ht[i] = ct;
            hs[i] = hs[child];
            i = child;
        }
        ht[i] = t;
        hs[i] = s;
    }

    double peekTime() {
        return heapTime[0];
    }

    private int newSlot() {
        if (slotsUsed == seqs.length) {
            int n = seqs.length * 2;
            seqs = Arrays.copyOf(seqs, n);
            handlers = Arrays.copyOf(handlers, n);
            kinds = Arrays.copyOf(kinds, n);
            payloads = Arrays.copyOf(payloads, n);
        }
        return slotsUsed++;
    }

    private void growHeap() {
        int n = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, n);
        heapSlot = Arrays.copyOf(heapSlot, n);
    }
}
