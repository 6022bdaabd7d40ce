package frontier.model.traffic;

import frontier.sim.BadInputException;
import frontier.sim.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replays request timestamps from a CSV or JSONL file (optionally .gz): arrival i happens
 * (t_i − t_0) / speed seconds into the run. The file is streamed; a small reorder window
 * ({@code reorder_window} records, default 10,000) absorbs the slight disorder of real logs, and a
 * timestamp that is out of order by more than that is reported with its line. With {@code key_column},
 * each request also carries a key (e.g. a prompt or document hash) that an LRU cache looks up; with
 * {@code input_tokens_column} and {@code output_tokens_column}, its token counts from the trace. A looped trace of
 * at most {@link #LOOP_MEMORY_RECORDS} records is read once: its first pass is kept in memory (the replayed order,
 * 20 bytes a record) and the later passes come from there; a longer one is read again on every pass.
 */
public record ReplayTraffic(
        String file,
        String column,
        TimeUnit unit,
        Double speed,
        Integer reorderWindow,
        Boolean loop,
        String keyColumn,
        String inputTokensColumn,
        String outputTokensColumn)
        implements Traffic {
    public ReplayTraffic(String file, String column, TimeUnit unit, Double speed, Integer reorderWindow, Boolean loop) {
        this(file, column, unit, speed, reorderWindow, loop, null, null, null);
    }

    public ReplayTraffic {
        if (file == null || file.isBlank())
            throw new InvalidSpecException("file", "expected the path of a CSV or JSONL trace");
        if (column == null || column.isBlank())
            throw new InvalidSpecException("column", "expected the name of the timestamp column");
        InvalidSpecException.required("unit", unit);
        if (speed == null) speed = 1.0;
        InvalidSpecException.positive("speed", speed);
        if (reorderWindow == null) reorderWindow = 10_000;
        if (reorderWindow < 1)
            throw new InvalidSpecException("reorder_window", "expected an integer >= 1, got " + reorderWindow);
        if (loop == null) loop = false;
        if (keyColumn != null && keyColumn.isBlank())
            throw new InvalidSpecException("key_column", "expected the name of a request-key column");
        if (inputTokensColumn != null && inputTokensColumn.isBlank())
            throw new InvalidSpecException("input_tokens_column", "expected the name of an input-token-count column");
        if (outputTokensColumn != null && outputTokensColumn.isBlank())
            throw new InvalidSpecException("output_tokens_column", "expected the name of an output-token-count column");
    }

    /** Records of a looped trace kept in memory after its first pass (20 MB); a longer trace is read on every pass. */
    public static final int LOOP_MEMORY_RECORDS = 1_000_000;

    public Path resolve(Path baseDir) {
        Path p = Path.of(file);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    @Override
    public double meanRate() {
        return Double.NaN;
    }

    @Override
    public ArrivalProcess open(UniformRandomProvider rng, Path baseDir) {
        Path path = resolve(baseDir);
        if (!Files.isReadable(path)) throw new BadInputException("traffic.file: cannot read trace file " + path);
        return new Replay(path, LOOP_MEMORY_RECORDS);
    }

    /** As {@link #open}, keeping at most {@code loopMemoryRecords} records of a looped trace in memory (for tests). */
    ArrivalProcess open(Path baseDir, int loopMemoryRecords) {
        Path path = resolve(baseDir);
        if (!Files.isReadable(path)) throw new BadInputException("traffic.file: cannot read trace file " + path);
        return new Replay(path, loopMemoryRecords);
    }

    private final class Replay implements ArrivalProcess {
        private final Path path;
        /** Pending (time, key, order read, input tokens, output tokens) entries; ties keep file order. */
        private final PriorityQueue<double[]> window =
                new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[2], b[2]));

        private long read;
        private int key;
        private int inputTokens = -1;
        private int outputTokens = -1;
        private TimestampReader reader;
        private double emitted = Double.NEGATIVE_INFINITY;
        private double offset;
        private double lastInFile;
        private long count;
        /**
         * The first pass of a looped trace as replayed (time, key, token counts), while it fits in {@link #memoryLimit}
         * records; null when the trace is not looped or did not fit. Once the first pass ended, the later ones come
         * from here ({@link #fromMemory}) instead of reading the file again.
         */
        private double[] memTime;

        private int[] memKey;
        private int[] memIn;
        private int[] memOut;
        private int memSize;
        private final int memoryLimit;
        private boolean fromMemory;
        private int memNext;

        Replay(Path path, int memoryLimit) {
            this.path = path;
            this.memoryLimit = memoryLimit;
            if (loop && memoryLimit > 0) {
                int n = Math.min(memoryLimit, 1024);
                memTime = new double[n];
                memKey = new int[n];
                memIn = new int[n];
                memOut = new int[n];
            }
            reader = open();
        }

        private TimestampReader open() {
            return new TimestampReader(path, column, keyColumn, inputTokensColumn, outputTokensColumn, unit);
        }

        @Override
        public double next(double now) {
            if (fromMemory) return nextFromMemory(now);
            while (reader != null && window.size() < reorderWindow) {
                double t = reader.next();
                if (Double.isNaN(t)) {
                    reader.close();
                    reader = null;
                    break;
                }
                if (t < emitted) {
                    throw new BadInputException(path + ": line " + reader.line() + ", column '" + column
                            + "': timestamp is " + (emitted - t) + " s earlier than one already replayed; sort the file"
                            + " or raise traffic.reorder_window (now " + reorderWindow + ")");
                }
                window.add(
                        new double[] {t, reader.lastKey(), read++, reader.lastInputTokens(), reader.lastOutputTokens()
                        });
            }
            if (window.isEmpty()) {
                if (!loop || count == 0) return Double.POSITIVE_INFINITY;
                // Start the file again right after its last timestamp, keeping the mean gap.
                offset += lastInFile + lastInFile / Math.max(1, count - 1);
                emitted = Double.NEGATIVE_INFINITY;
                count = 0;
                if (memTime != null) {
                    fromMemory = true; // the whole first pass is in memory: the file is not read again
                    return nextFromMemory(now);
                }
                reader = open();
                return next(now);
            }
            double[] e = window.poll();
            double t = e[0];
            key = (int) e[1];
            inputTokens = (int) e[3];
            outputTokens = (int) e[4];
            if (memTime != null) remember(t);
            emitted = t;
            lastInFile = t;
            count++;
            return Math.max(now, (offset + t) / speed);
        }

        /** Keeps a record of the first pass, or gives up keeping them once there are more than the limit. */
        private void remember(double t) {
            if (memSize == memTime.length) {
                if (memSize == memoryLimit) {
                    memTime = null;
                    memKey = memIn = memOut = null;
                    return;
                }
                int n = (int) Math.min(memoryLimit, 2L * memSize);
                memTime = java.util.Arrays.copyOf(memTime, n);
                memKey = java.util.Arrays.copyOf(memKey, n);
                memIn = java.util.Arrays.copyOf(memIn, n);
                memOut = java.util.Arrays.copyOf(memOut, n);
            }
            memTime[memSize] = t;
            memKey[memSize] = key;
            memIn[memSize] = inputTokens;
            memOut[memSize] = outputTokens;
            memSize++;
        }

        /** The next record of a later pass of a looped trace, from memory: the same records as reading the file again. */
        private double nextFromMemory(double now) {
            if (memNext == memSize) {
                offset += lastInFile + lastInFile / Math.max(1, count - 1);
                count = 0;
                memNext = 0;
            }
            int i = memNext++;
            double t = memTime[i];
            key = memKey[i];
            inputTokens = memIn[i];
            outputTokens = memOut[i];
            emitted = t;
            lastInFile = t;
            count++;
            return Math.max(now, (offset + t) / speed);
        }

        @Override
        public int key() {
            return key;
        }

        @Override
        public int inputTokens() {
            return inputTokens;
        }

        @Override
        public int outputTokens() {
            return outputTokens;
        }

        @Override
        public double meanRate() {
            return Double.NaN;
        }

        @Override
        public void close() {
            if (reader != null) reader.close();
        }
    }
}
