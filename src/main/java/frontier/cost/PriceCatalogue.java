package frontier.cost;

import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Dated prices: instance prices by (provider, region, instance type, pricing model), spot interruption
 * buckets by (provider, region, instance type) and serverless rates by (platform, region); keys compare
 * case-insensitively. Immutable. {@link #shipped()} is the catalogue in the jar ({@code pricing-data/});
 * {@link #load} reads a user's files in the same formats (docs/pricing.md); {@link #overriddenBy} lays a
 * user's rows over the shipped ones. A lookup with a null region uses the provider's default region:
 * us-east-1 (aws), us-central1 (gcp), eastus (azure).
 */
public final class PriceCatalogue {
    /** Largest catalogue file read (the whole AWS Spot Advisor feed as CSV is about 3 MB). */
    static final long MAX_FILE_BYTES = 64L << 20;

    private static final List<String> SHIPPED_FILES =
            List.of("instances.csv", "spot-interruptions.csv", "serverless.csv");
    private static final Map<String, String> DEFAULT_REGIONS =
            Map.of("aws", "us-east-1", "gcp", "us-central1", "azure", "eastus");

    private final Map<String, InstancePrice> instances;
    private final Map<String, SpotInterruption> interruptions;
    private final Map<String, ServerlessRate> serverless;

    private PriceCatalogue(
            Map<String, InstancePrice> instances,
            Map<String, SpotInterruption> interruptions,
            Map<String, ServerlessRate> serverless) {
        this.instances = instances;
        this.interruptions = interruptions;
        this.serverless = serverless;
    }

    private static final class Shipped {
        static final PriceCatalogue CATALOGUE = readShipped();
    }

    /** The catalogue shipped in the jar under {@code pricing-data/} (read once, then cached). */
    public static PriceCatalogue shipped() {
        return Shipped.CATALOGUE;
    }

    /** A catalogue with no rows. */
    public static PriceCatalogue empty() {
        return new PriceCatalogue(Map.of(), Map.of(), Map.of());
    }

    /**
     * A catalogue of the given rows (e.g. prices written inline in a scenario). Throws BadInputException if two
     * rows share a key.
     */
    public static PriceCatalogue of(
            Collection<InstancePrice> instances,
            Collection<SpotInterruption> interruptions,
            Collection<ServerlessRate> serverless) {
        Map<String, InstancePrice> i = new LinkedHashMap<>();
        for (InstancePrice p : instances) {
            if (i.put(instanceKey(p.provider(), p.region(), p.instanceType(), p.pricingModel()), p) != null) {
                throw new BadInputException("two prices for " + p.provider() + " " + p.region() + " " + p.instanceType()
                        + " " + p.pricingModel().catalogueCode());
            }
        }
        Map<String, SpotInterruption> s = new LinkedHashMap<>();
        for (SpotInterruption x : interruptions) {
            if (s.put(interruptionKey(x.provider(), x.region(), x.instanceType()), x) != null) {
                throw new BadInputException(
                        "two interruption rows for " + x.provider() + " " + x.region() + " " + x.instanceType());
            }
        }
        Map<String, ServerlessRate> r = new LinkedHashMap<>();
        for (ServerlessRate x : serverless) {
            if (r.put(serverlessKey(x.platform(), x.region()), x) != null) {
                throw new BadInputException("two serverless rates for " + x.platform() + " " + x.region());
            }
        }
        return new PriceCatalogue(i, s, r);
    }

    /**
     * A user's catalogue: one CSV file, or every {@code *.csv} file directly in a directory. Each file's kind is
     * told by its header (docs/pricing.md). Throws BadInputException naming file, line and column on any error,
     * including a key that appears twice (in one file or across the directory's files).
     */
    public static PriceCatalogue load(Path fileOrDirectory) {
        if (Files.isDirectory(fileOrDirectory)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(fileOrDirectory)) {
                files = s.filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".csv"))
                        .filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                throw new BadInputException(
                        fileOrDirectory + ": cannot list the catalogue directory (" + e.getMessage() + ")", e);
            }
            if (files.isEmpty())
                throw new BadInputException(fileOrDirectory + ": no .csv catalogue files in this directory");
            CatalogueReader.Rows rows = new CatalogueReader.Rows();
            for (Path f : files) CatalogueReader.read(readText(f), f.toString(), rows);
            return of(rows);
        }
        if (!Files.isRegularFile(fileOrDirectory)) {
            throw new BadInputException(fileOrDirectory + ": no such catalogue file or directory");
        }
        CatalogueReader.Rows rows = new CatalogueReader.Rows();
        CatalogueReader.read(readText(fileOrDirectory), fileOrDirectory.toString(), rows);
        return of(rows);
    }

    /** Reads catalogue CSV text (one file's content); {@code name} is used in error messages. */
    public static PriceCatalogue parse(String csvText, String name) {
        CatalogueReader.Rows rows = new CatalogueReader.Rows();
        CatalogueReader.read(csvText, name, rows);
        return of(rows);
    }

    /** This catalogue with the user's rows added; a user row replaces the row with the same key. */
    public PriceCatalogue overriddenBy(PriceCatalogue user) {
        Map<String, InstancePrice> i = new LinkedHashMap<>(instances);
        i.putAll(user.instances);
        Map<String, SpotInterruption> s = new LinkedHashMap<>(interruptions);
        s.putAll(user.interruptions);
        Map<String, ServerlessRate> r = new LinkedHashMap<>(serverless);
        r.putAll(user.serverless);
        return new PriceCatalogue(i, s, r);
    }

    /** The hourly price of an instance type; a null region means the provider's default region. */
    public Optional<InstancePrice> instance(String provider, String region, String instanceType, PricingModel model) {
        if (provider == null || instanceType == null || model == null) return Optional.empty();
        String r = region != null ? region : defaultRegion(provider).orElse(null);
        if (r == null) return Optional.empty();
        return Optional.ofNullable(instances.get(instanceKey(provider, r, instanceType, model)));
    }

    /** The spot interruption row of an instance type; a null region means the provider's default region. */
    public Optional<SpotInterruption> interruption(String provider, String region, String instanceType) {
        if (provider == null || instanceType == null) return Optional.empty();
        String r = region != null ? region : defaultRegion(provider).orElse(null);
        if (r == null) return Optional.empty();
        return Optional.ofNullable(interruptions.get(interruptionKey(provider, r, instanceType)));
    }

    /**
     * The rates of a serverless platform; a null region means the default region of the platform's provider
     * (see {@link ServerlessRate#provider()}), or the platform's only region when it is listed in one.
     */
    public Optional<ServerlessRate> serverless(String platform, String region) {
        if (platform == null) return Optional.empty();
        if (region != null) return Optional.ofNullable(serverless.get(serverlessKey(platform, region)));
        Optional<String> d = defaultRegion(ServerlessRate.providerOfPlatform(platform));
        if (d.isPresent()) {
            ServerlessRate hit = serverless.get(serverlessKey(platform, d.get()));
            if (hit != null) return Optional.of(hit);
        }
        List<ServerlessRate> all = serverless.values().stream()
                .filter(s -> s.platform().equalsIgnoreCase(platform))
                .toList();
        return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
    }

    /** Every instance price, in file order (user rows that replaced shipped ones keep the shipped row's place). */
    public List<InstancePrice> instances() {
        return List.copyOf(instances.values());
    }

    public List<SpotInterruption> interruptions() {
        return List.copyOf(interruptions.values());
    }

    public List<ServerlessRate> serverlessRates() {
        return List.copyOf(serverless.values());
    }

    /** The region a null region stands for: us-east-1 (aws), us-central1 (gcp), eastus (azure). */
    public static Optional<String> defaultRegion(String provider) {
        return provider == null
                ? Optional.empty()
                : Optional.ofNullable(DEFAULT_REGIONS.get(provider.toLowerCase(Locale.ROOT)));
    }

    static String instanceKey(String provider, String region, String type, PricingModel model) {
        return key(provider, region, type, model.name());
    }

    static String interruptionKey(String provider, String region, String type) {
        return key(provider, region, type);
    }

    static String serverlessKey(String platform, String region) {
        return key(platform, region);
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts).toLowerCase(Locale.ROOT);
    }

    private static PriceCatalogue of(CatalogueReader.Rows rows) {
        Map<String, InstancePrice> i = new LinkedHashMap<>();
        rows.instances.forEach((k, v) -> i.put(k, v.row()));
        Map<String, SpotInterruption> s = new LinkedHashMap<>();
        rows.interruptions.forEach((k, v) -> s.put(k, v.row()));
        Map<String, ServerlessRate> r = new LinkedHashMap<>();
        rows.serverless.forEach((k, v) -> r.put(k, v.row()));
        return new PriceCatalogue(i, s, r);
    }

    private static String readText(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file + ": " + size + " bytes is too large for a price catalogue (at most "
                        + MAX_FILE_BYTES + ")");
            }
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the catalogue file (" + e.getMessage() + ")", e);
        }
    }

    private static String decode(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name + ": not UTF-8 text; save the catalogue as UTF-8 CSV", e);
        }
    }

    private static PriceCatalogue readShipped() {
        CatalogueReader.Rows rows = new CatalogueReader.Rows();
        for (String f : SHIPPED_FILES) {
            String resource = "pricing-data/" + f;
            try (InputStream in = PriceCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null)
                    throw new IllegalStateException(
                            "the shipped price catalogue is missing " + resource + " on the classpath");
                CatalogueReader.read(decode(in.readAllBytes(), resource), resource, rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return of(rows);
    }

    @Override
    public String toString() {
        return "PriceCatalogue[" + instances.size() + " instance prices, " + interruptions.size()
                + " interruption rows, " + serverless.size() + " serverless rates]";
    }
}
