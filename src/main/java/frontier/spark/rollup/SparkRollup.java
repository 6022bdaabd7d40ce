package frontier.spark.rollup;

import frontier.ingest.BillingFormat;
import frontier.ingest.BillingSource;
import frontier.ingest.Charge;
import frontier.ingest.DailyRollup;
import frontier.ingest.ReadOptions;
import frontier.sim.BadInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The daily roll-up of billing exports too big for a workspace, on Spark. The export's data files (local folders or
 * any file system the cluster's Hadoop has: s3a://, abfss://, gs://) are listed on the driver and read one file per
 * task by the local import's own reader ({@link BillingSource}: format detection, normalisation, the same located
 * errors), a file on a remote file system first copied to the executor's local disk; each task rolls its charges up
 * by {@link DailyRollup}, the groups are added exactly across tasks ({@code reduceByKey} on exact decimals) and the
 * driver writes them, sorted, as one {@code frontier-rollup} file that {@code frontier import} loads.
 *
 * <p>Parallelism is one task per data file: AWS CUR 2.0 and FOCUS exports are delivered as many part files.
 */
public final class SparkRollup {
    /** The file the roll-up is written to, inside the output folder. */
    public static final String FILE_NAME = "frontier-rollup.csv.gz";

    /** What a run did: the file written, the billing lines read, the groups written, the data files read. */
    public record Result(String file, long lines, long groups, int files) {}

    private SparkRollup() {}

    /**
     * Rolls {@code inputs} (files, folders read recursively, or glob patterns) up into {@code outDir}/{@value #FILE_NAME}
     * keeping the tags {@code tagKeys}; {@code format} insists on a format (null detects it per file as the import does).
     */
    public static Result run(
            SparkSession spark, List<String> inputs, String outDir, List<String> tagKeys, BillingFormat format) {
        new DailyRollup(tagKeys); // checks the tag keys before any work
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> files = dataFiles(conf, inputs);
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, String> e : conf) settings.put(e.getKey(), e.getValue());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path target = new Path(outDir, FILE_NAME);
        Path temp = new Path(outDir, "." + FILE_NAME + ".tmp");
        long lines = 0;
        long groups = 0;
        JavaRDD<Partial> partials = null;
        try {
            // One pass over the files: each task's groups, or the first bad input it met, kept for the two steps below.
            partials = jsc.parallelize(files, files.size())
                    .mapPartitions(new ReadFiles(settings, tagKeys, format))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            List<Partial> failed = partials.filter(new Failed()).collect();
            if (!failed.isEmpty()) {
                // The first failing file in input order, whichever task finished first.
                Partial first = failed.stream()
                        .min(Comparator.comparingInt(p -> files.indexOf(p.file())))
                        .orElseThrow();
                throw new BadInputException(first.failure());
            }
            JavaPairRDD<DailyRollup.Key, DailyRollup.Sums> rolled = partials.mapToPair(new Group())
                    .reduceByKey(new Merge(), Math.max(1, Math.min(jsc.defaultParallelism(), files.size())))
                    .sortByKey(new KeyOrder(), true, 1);
            FileSystem fs = target.getFileSystem(conf);
            fs.mkdirs(target.getParent());
            try (Writer w = new BufferedWriter(
                    new OutputStreamWriter(
                            new GZIPOutputStream(fs.create(temp, true), 1 << 16), StandardCharsets.UTF_8),
                    1 << 16)) {
                w.write(DailyRollup.header(tagKeys));
                w.write('\n');
                Iterator<Tuple2<DailyRollup.Key, DailyRollup.Sums>> it = rolled.toLocalIterator();
                while (it.hasNext()) {
                    Tuple2<DailyRollup.Key, DailyRollup.Sums> g = it.next();
                    DailyRollup.write(w, tagKeys, g._1(), g._2());
                    lines += g._2().lines();
                    groups++;
                }
            }
            if (fs.exists(target)) fs.delete(target, false);
            if (!fs.rename(temp, target)) throw new IOException("cannot rename " + temp + " to " + target);
        } catch (Exception e) {
            deleteQuietly(conf, temp);
            BadInputException bad = badInput(e);
            if (bad != null) throw bad;
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        } finally {
            if (partials != null) partials.unpersist(false);
        }
        return new Result(target.toString(), lines, groups, files.size());
    }

    /**
     * The data files of the inputs, sorted and without repeats: a folder is read recursively, skipping hidden files
     * ({@code .x}, {@code _SUCCESS}) and AWS manifests ({@code *Manifest.json}); a pattern is expanded by the file system.
     */
    static List<String> dataFiles(Configuration conf, List<String> inputs) {
        if (inputs.isEmpty()) throw new BadInputException("expected at least one input file or folder");
        Set<String> out = new LinkedHashSet<>();
        for (String in : inputs) {
            Path p = new Path(in);
            try {
                FileSystem fs = p.getFileSystem(conf);
                FileStatus[] matched = fs.globStatus(p);
                if (matched == null || matched.length == 0)
                    throw new BadInputException(in + ": no such file or folder");
                for (FileStatus st : matched) {
                    if (!st.isDirectory()) {
                        if (isManifest(st.getPath())) {
                            throw new BadInputException(
                                    in
                                            + ": is an AWS manifest; give the export's folder (its data files are read from there)");
                        }
                        out.add(st.getPath().toString());
                        continue;
                    }
                    List<String> found = new ArrayList<>();
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
                    while (it.hasNext()) {
                        Path f = it.next().getPath();
                        if (!hidden(st.getPath(), f) && !isManifest(f)) found.add(f.toString());
                    }
                    if (found.isEmpty()) throw new BadInputException(in + ": the folder holds no data files");
                    found.sort(Comparator.naturalOrder());
                    out.addAll(found);
                }
            } catch (IOException e) {
                throw new BadInputException(in + ": cannot list (" + e.getMessage() + ")", e);
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean isManifest(Path p) {
        return p.getName().toLowerCase(Locale.ROOT).endsWith("manifest.json");
    }

    /** A file, or a folder on its way below {@code root}, whose name starts with '.' or '_' (Spark's and Hadoop's markers). */
    private static boolean hidden(Path root, Path f) {
        for (Path p = f; p != null && !p.equals(root) && p.depth() > root.depth(); p = p.getParent()) {
            if (p.getName().startsWith(".") || p.getName().startsWith("_")) return true;
        }
        return false;
    }

    /** The bad-input error a failed job carries (Spark wraps a task's exception in its own), or null. */
    static BadInputException badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadInputException b) return b;
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static void deleteQuietly(Configuration conf, Path p) {
        try {
            p.getFileSystem(conf).delete(p, false);
        } catch (IOException | RuntimeException ignored) {
            // The temporary file may not exist; nothing else to do.
        }
    }

    /** One task: reads its files through the local import's reader and rolls their charges up. */
    static final class ReadFiles implements FlatMapFunction<Iterator<String>, Partial> {
        private final Map<String, String> settings;
        private final List<String> tagKeys;
        private final BillingFormat format;

        ReadFiles(Map<String, String> settings, List<String> tagKeys, BillingFormat format) {
            this.settings = settings;
            this.tagKeys = List.copyOf(tagKeys);
            this.format = format;
        }

        @Override
        public Iterator<Partial> call(Iterator<String> files) throws IOException {
            Configuration conf = new Configuration(false);
            settings.forEach(conf::set);
            DailyRollup rollup = new DailyRollup(tagKeys);
            while (files.hasNext()) {
                String file = files.next();
                try {
                    read(conf, file, rollup);
                } catch (BadInputException e) {
                    // Returned, not thrown: bad input is not a task failure for Spark to retry on another executor.
                    return List.of(new Partial(file, null, null, e.getMessage()))
                            .iterator();
                }
            }
            List<Partial> out = new ArrayList<>(rollup.groups().size());
            rollup.groups().forEach((k, s) -> out.add(new Partial(null, k, s, null)));
            return out.iterator();
        }

        private void read(Configuration conf, String file, DailyRollup rollup) throws IOException {
            Path p = new Path(file);
            String scheme = p.toUri().getScheme();
            if (scheme == null || scheme.equals("file")) {
                readLocal(java.nio.file.Path.of(p.toUri().getPath()), rollup);
                return;
            }
            // A remote file is copied to local disk first: the import's reader (CSV, gzip, zip, Parquet) reads local
            // files.
            java.nio.file.Path dir = Files.createTempDirectory("frontier-rollup");
            java.nio.file.Path local = dir.resolve(p.getName());
            try {
                p.getFileSystem(conf).copyToLocalFile(false, p, new Path(local.toUri()), true);
                readLocal(local, rollup);
            } catch (BadInputException e) {
                throw new BadInputException(e.getMessage().replace(local.toString(), file), e);
            } finally {
                Files.deleteIfExists(local);
                Files.deleteIfExists(dir);
            }
        }

        private void readLocal(java.nio.file.Path file, DailyRollup rollup) {
            try (BillingSource source = BillingSource.open(file, new ReadOptions(format, null))) {
                for (Charge c = source.next(); c != null; c = source.next()) rollup.add(c);
            } catch (UncheckedIOException e) {
                throw new BadInputException(
                        file + ": cannot read the file (" + e.getCause().getMessage() + ")", e);
            }
        }
    }

    /** What a task gives: one group of its files, or the bad-input message of the file it could not read. */
    record Partial(String file, DailyRollup.Key key, DailyRollup.Sums sums, String failure) implements Serializable {}

    static final class Failed implements Function<Partial, Boolean> {
        @Override
        public Boolean call(Partial p) {
            return p.failure() != null;
        }
    }

    static final class Group implements PairFunction<Partial, DailyRollup.Key, DailyRollup.Sums> {
        @Override
        public Tuple2<DailyRollup.Key, DailyRollup.Sums> call(Partial p) {
            return new Tuple2<>(p.key(), p.sums());
        }
    }

    /** Exact sums of two partial groups. */
    static final class Merge implements Function2<DailyRollup.Sums, DailyRollup.Sums, DailyRollup.Sums> {
        @Override
        public DailyRollup.Sums call(DailyRollup.Sums a, DailyRollup.Sums b) {
            return a.merge(b);
        }
    }

    /** The file's row order ({@link DailyRollup#ORDER}), serialisable for Spark's sort. */
    static final class KeyOrder implements Comparator<DailyRollup.Key>, Serializable {
        @Override
        public int compare(DailyRollup.Key a, DailyRollup.Key b) {
            return DailyRollup.ORDER.compare(a, b);
        }
    }
}
