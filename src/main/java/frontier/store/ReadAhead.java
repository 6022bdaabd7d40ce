package frontier.store;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Parsing on a second thread while the importing thread writes: a producer fills batches and hands them
 * over through a small bounded queue, so reading and SQLite overlap on two cores and memory holds at
 * most a few batches. The importing thread takes them with {@link #next}, which rethrows what stopped
 * the producer and gives up when the import is cancelled; {@link #close} stops and joins the reader
 * however the import ends. Shared by the billing and the request-log imports, which start it through
 * {@link ImportTransaction#startReader}.
 *
 * @param <B> the batch type
 */
final class ReadAhead<B> implements AutoCloseable {
    /** Fills batches and hands each to {@code sink}; stops early when it returns false. */
    interface Producer<B> {
        void produce(Sink<B> sink);
    }

    /** Takes one batch; false when the import no longer wants any (stopped or cancelled). */
    interface Sink<B> {
        boolean accept(B batch);
    }

    /** A batch filled on the reader thread: {@code size} items, handed over when it reaches its capacity. */
    abstract static class Batch {
        final int capacity;
        int size;

        Batch(int capacity) {
            this.capacity = capacity;
        }
    }

    /**
     * The producer both imports use: adds each item {@code items} gives (until null) to the current batch
     * with {@code add}, hands the batch over when it is full and starts a {@code newBatch}, and at the end
     * hands over the last partial one.
     */
    static <T, B extends Batch> Producer<B> filling(Supplier<T> items, Supplier<B> newBatch, BiConsumer<B, T> add) {
        return sink -> {
            B b = newBatch.get();
            T item;
            while ((item = items.get()) != null) {
                add.accept(b, item);
                if (b.size == b.capacity) {
                    if (!sink.accept(b)) return;
                    b = newBatch.get();
                }
            }
            if (b.size > 0) sink.accept(b);
        };
    }

    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final BooleanSupplier cancelled;
    private final Supplier<RuntimeException> onCancel;
    private final Thread reader;

    /**
     * Starts {@code producer} on a daemon thread named {@code name}; {@code cancelled} is polled between
     * batches, and {@code onCancel} makes what {@link #next} throws once it turns true.
     */
    ReadAhead(String name, Producer<B> producer, BooleanSupplier cancelled, Supplier<RuntimeException> onCancel) {
        this.cancelled = cancelled;
        this.onCancel = onCancel;
        reader = Thread.ofPlatform().name(name).daemon().start(() -> {
            Object last = END;
            try {
                producer.produce(b -> put(b) && !cancelled.getAsBoolean());
            } catch (RuntimeException | Error e) {
                last = e;
            }
            put(last);
        });
    }

    /**
     * The next batch, or null when the producer finished (everything it made has been taken; what it
     * wrote is then visible to the caller). Rethrows the producer's exception; throws {@code onCancel}'s
     * exception when {@code cancelled} turns true while waiting.
     */
    @SuppressWarnings("unchecked")
    B next() throws InterruptedException {
        while (true) {
            Object item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (cancelled.getAsBoolean()) throw onCancel.get();
            if (item == null) continue;
            if (item == END) {
                reader.join();
                return null;
            }
            if (item instanceof RuntimeException e) throw e;
            if (item instanceof Error e) throw e;
            return (B) item;
        }
    }

    private boolean put(Object item) {
        try {
            while (!stop.get()) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Stops the reader (if it still runs) and waits up to 10 s for it. */
    @Override
    public void close() {
        stop.set(true);
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
