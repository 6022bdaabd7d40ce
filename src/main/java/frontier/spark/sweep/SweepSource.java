package frontier.spark.sweep;

import frontier.scenario.ScenarioLoader;
import frontier.scenario.sweep.Sweep;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an executor needs to rebuild a sweep exactly as the driver loaded it: the scenario text, the name it
 * is reported under and the folder its relative paths resolve against. {@code Sweep.load(file)} is
 * {@code Sweep.parse(text, file, folder)}, so both sides make the same points with the same seeds. Files the
 * scenario refers to (a replayed trace) must be readable at the same path on the executors (a shared file system).
 */
public record SweepSource(String json, String source, String baseDir) implements Serializable {
    /** Sweeps rebuilt in this JVM, the last few (an executor runs the tasks of one sweep after another). */
    private static final Map<SweepSource, Sweep> CACHE = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SweepSource, Sweep> eldest) {
            return size() > 4;
        }
    };

    /** The source of a scenario file, read as {@link Sweep#load} reads it. */
    public static SweepSource of(Path file) {
        return new SweepSource(
                ScenarioLoader.readText(file),
                file.toString(),
                file.toAbsolutePath().getParent().toString());
    }

    /** The sweep, parsed once per JVM (and per source) and kept for the next tasks. */
    public Sweep sweep() {
        synchronized (CACHE) {
            Sweep s = CACHE.get(this);
            if (s != null) return s;
        }
        Sweep made = Sweep.parse(json, source, Path.of(baseDir));
        synchronized (CACHE) {
            CACHE.putIfAbsent(this, made);
            return CACHE.get(this);
        }
    }

    /** Lets the driver hand the sweep it already loaded to the tasks that run in its own JVM (local mode). */
    void remember(Sweep sweep) {
        synchronized (CACHE) {
            CACHE.putIfAbsent(this, sweep);
        }
    }
}
