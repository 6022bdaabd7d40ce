package frontier.app;

import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What Help → About says: the versions of Frontier, Java and JavaFX and the date of the price catalogue
 * shipped with this build; and where the documentation is.
 *
 * @param frontier      Frontier's version (from the jar's manifest, else the Maven build's properties)
 * @param java          e.g. "25.0.1 (Eclipse Adoptium)"
 * @param javafx        the JavaFX runtime's version
 * @param pricesOldest  the oldest {@code as_of} date of the shipped instance prices
 * @param pricesNewest  the newest one
 */
public record About(String frontier, String java, String javafx, LocalDate pricesOldest, LocalDate pricesNewest) {
    /** The figures of the running program. */
    public static About current() {
        List<LocalDate> dates = PriceCatalogue.shipped().instances().stream()
                .map(InstancePrice::asOf)
                .sorted(Comparator.naturalOrder())
                .toList();
        return new About(
                frontierVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("javafx.runtime.version", "unknown"),
                dates.isEmpty() ? null : dates.getFirst(),
                dates.isEmpty() ? null : dates.getLast());
    }

    /** The lines of the About dialog. */
    public String text() {
        String prices = pricesNewest == null
                ? "none shipped"
                : pricesOldest.equals(pricesNewest)
                        ? "as of " + pricesNewest
                        : "as of " + pricesOldest + " to " + pricesNewest;
        return "Frontier " + frontier + "\n"
                + "Java " + java + "\n"
                + "JavaFX " + javafx + "\n"
                + "Price catalogue: " + prices + "\n\n"
                + "Inference cost workbench: simulate serving fleets, import bills and request logs, compare costs.";
    }

    /** Frontier's version: the jar manifest's Implementation-Version, else the build's pom.properties, else "(development build)". */
    public static String frontierVersion() {
        String v = About.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) return v;
        try (InputStream in = About.class.getResourceAsStream("/META-INF/maven/dev.frontier/frontier/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String pv = p.getProperty("version");
                if (pv != null && !pv.isBlank()) return pv;
            }
        } catch (IOException e) {
            // fall through
        }
        return "(development build)";
    }

    /**
     * The documentation folder: {@code docs} in the working directory, else beside the jar's folder (the
     * repository's {@code target/frontier.jar} → {@code docs}), else none.
     */
    public static Optional<Path> docsDir() {
        Path here = Path.of("docs").toAbsolutePath().normalize();
        if (Files.isRegularFile(here.resolve("cli.md"))) return Optional.of(here);
        try {
            Path jar = Path.of(About.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                Path d = p.resolve("docs");
                if (Files.isRegularFile(d.resolve("cli.md"))) return Optional.of(d);
            }
        } catch (Exception e) {
            // no code source (unusual class loader): no documentation found
        }
        return Optional.empty();
    }
}
