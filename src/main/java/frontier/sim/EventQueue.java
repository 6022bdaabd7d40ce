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
 *
 * <p>Fewer sifts: the event being handled stays at the root while its handler runs ({@link #take}). The first event
 * the handler schedules takes its place there and sifts down ({@link #add}) — one pass instead of removing the root
 * (a sift down) and inserting the new event (a sift up) — and {@link #finish} removes it if the handler scheduled
 * nothing. Most handlers schedule a follow-up (the next arrival, the end of the next service), so most events cost one
 * sift instead of two. The order of events is the same: it is fixed by (time, sequence number) alone.
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

    /** True while the root is the event being handled (taken, not yet removed or replaced). */
    private boolean rootTaken;

    /** Pending events (the one being handled is no longer pending). */
    int size() {
        return rootTaken ? size - 1 : size;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    void add(double time, EventHandler handler, int kind, Object payload) {
        long seq = nextSeq++;
        int slot = slot(seq, handler, kind, payload);

        if (rootTaken) {
            // The event being handled is at the root, and this one is not earlier (time >= now): it takes the root.
            rootTaken = false;
            siftDown(time, slot, seq, size);
            return;
        }
        if (size == heapTime.length) growHeap();
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

    /** A free slot (recycled, else new) holding the event's sequence number, handler, kind and payload. */
    private int slot(long seq, EventHandler handler, int kind, Object payload) {
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        seqs[slot] = seq;
        // Reference stores cost a GC write barrier; a recycled slot usually has the same handler already,
        // and a polled slot's payload is null, so most of them can be skipped.
        if (handlers[slot] != handler) handlers[slot] = handler;
        kinds[slot] = kind;
        if (payload != null) payloads[slot] = payload;
        return slot;
    }

    /**
     * The sequence number the next added event would get, consumed now: an event {@link #addReserved added later with
     * it} runs where it would have run had it been added at the reservation, among events at the same time.
     */
    long reserveSequence() {
        return nextSeq++;
    }

    /** As {@link #add}, with a sequence number taken earlier from {@link #reserveSequence}. */
    void addReserved(double time, long seq, EventHandler handler, int kind, Object payload) {
        int slot = slot(seq, handler, kind, payload);
        if (rootTaken) {
            rootTaken = false;
            siftDown(time, slot, seq, size);
            return;
        }
        if (size == heapTime.length) growHeap();
        double[] ht = heapTime;
        int[] hs = heapSlot;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            double pt = ht[parent];
            // Unlike a new event, a reserved one may go before events of the same time added after its reservation.
            if (pt < time || (pt == time && seqs[hs[parent]] < seq)) break;
            ht[i] = pt;
            hs[i] = hs[parent];
            i = parent;
        }
        ht[i] = time;
        hs[i] = slot;
    }

    /**
     * Takes the earliest event for handling and answers its slot, whose {@link #handler}, {@link #kind} and
     * {@link #takePayload payload} are read before the handler runs; the time is {@link #peekTime}, read first. The
     * event stays at the root until the handler's first {@link #add} replaces it or {@link #finish} removes it. The
     * queue must not be empty.
     */
    int take() {
        int top = heapSlot[0];
        // The slot is free again (its contents are read before anything is scheduled); freeSlots is as long as the slot
        // arrays, never full here.
        freeSlots[freeCount++] = top;
        rootTaken = true;
        return top;
    }

    /** After the handler of the taken event: removes that event if the handler scheduled nothing to take its place. */
    void finish() {
        if (!rootTaken) return;
        rootTaken = false;
        int last = --size;
        if (last == 0) return;
        int s = heapSlot[last];
        siftDown(heapTime[last], s, seqs[s], last);
    }

    /** Puts the event (t, slot s, sequence seq) at the root of the first {@code n} heap entries and sifts it down. */
    private void siftDown(double t, int s, long seq, int n) {
        double[] ht = heapTime;
        int[] hs = heapSlot;
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            double ct = ht[child];
            if (right < n) {
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

    EventHandler handler(int slot) {
        return handlers[slot];
    }

    int kind(int slot) {
        return kinds[slot];
    }

    /**
     * The payload of a taken slot, cleared from the slot (so that a finished request is not kept alive by the event
     * list); the handler stays in its slot, handlers live as long as the run.
     */
    Object takePayload(int slot) {
        Object[] p = payloads;
        Object payload = p[slot];
        if (payload != null) p[slot] = null;
        return payload;
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
            freeSlots = Arrays.copyOf(freeSlots, n);
        }
        return slotsUsed++;
    }

    private void growHeap() {
        int n = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, n);
        heapSlot = Arrays.copyOf(heapSlot, n);
    }
}
