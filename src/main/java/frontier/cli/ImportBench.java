package frontier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the import benchmarks ({@code bench import}, {@code bench logs}) share: the generated input, the database files, peak heap. */
final class ImportBench {
    /** Writes {@code rows} generated rows to {@code file}; the same seed gives the same bytes. */
    interface Generator {
        void write(Path file, long rows, long seed) throws IOException;
    }

    private ImportBench() {}

    /** Generates {@code csv} unless it exists, and then prints its size and how long that took. */
    static void generateIfAbsent(PrintWriter out, Path csv, long rows, long seed, Generator generator)
            throws IOException {
        if (Files.exists(csv)) return;
        long g0 = System.nanoTime();
        generator.write(csv, rows, seed);
        out.println(String.format(
                Locale.ROOT,
                "generated %s (%,d bytes) in %.1f s",
                csv,
                Files.size(csv),
                (System.nanoTime() - g0) / 1e9));
        out.flush();
    }

    /** Resets the peak usage of every memory pool, so that {@link #peakHeapBytes()} measures from now. */
    static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    /** The sum of the heap pools' peak usage since {@link #resetPeakHeap()}. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    /** Deletes an SQLite database and its -wal, -shm and -journal files, where they exist. */
    static void deleteDb(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(db + suffix));
    }
}
