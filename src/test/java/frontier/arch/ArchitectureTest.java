package frontier.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md, enforced. */
class ArchitectureTest {
    /**
     * Frontier's own classes, read from the directory (or jar) the main classes were loaded from. Not
     * {@code importPackages("frontier")}: that looks for the package in every entry of the test classpath, Spark's
     * two hundred jars included, which was most of this test's CPU.
     */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(Location.of(frontier.Launcher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation())));

    @Test
    void engineAndDomainKnowNothingOfUiStorageOrCli() {
        noClasses()
                .that()
                .resideInAnyPackage("frontier.sim..", "frontier.model..", "frontier.scenario..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "java.sql..",
                        "org.sqlite..",
                        "picocli..",
                        "org.controlsfx..",
                        "frontier.cli..",
                        "frontier.app..",
                        "java.awt..",
                        "javax.swing..")
                .check(CLASSES);
    }

    @Test
    void engineDoesNotKnowTheServingModel() {
        noClasses()
                .that()
                .resideInAPackage("frontier.sim..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("frontier.model..", "frontier.scenario..", "com.fasterxml.jackson.databind..")
                .check(CLASSES);
    }

    @Test
    void modelDoesNotKnowScenarios() {
        noClasses()
                .that()
                .resideInAPackage("frontier.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("frontier.scenario..")
                .check(CLASSES);
    }

    @Test
    void sharedVocabularyDependsOnNothingButTheBoundaryException() {
        // frontier.domain sits below every package that shares its words (cost, ingest, store, model.pool, twin,
        // shells);
        // like sim.dist it may carry Jackson annotations, never Jackson code.
        classes()
                .that()
                .resideInAPackage("frontier.domain..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "frontier.domain..", "com.fasterxml.jackson.annotation..")
                                .or(type(frontier.sim.BadInputException.class)))
                .check(CLASSES);
    }

    @Test
    void priceCatalogueDependsOnlyOnTheEngineAndTheVocabulary() {
        noClasses()
                .that()
                .resideInAPackage("frontier.cost..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "java.sql..",
                        "org.sqlite..",
                        "picocli..",
                        "frontier.app..",
                        "frontier.cli..",
                        "frontier.model..",
                        "frontier.scenario..",
                        "frontier.ingest..",
                        "frontier.store..")
                .check(CLASSES);
    }

    @Test
    void analysisIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("frontier.analysis..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "java.sql..",
                        "org.sqlite..",
                        "picocli..",
                        "frontier.app..",
                        "frontier.cli..",
                        "frontier.store..",
                        "frontier.ingest..")
                .check(CLASSES);
    }

    @Test
    void fitsAndSeriesArePureStatisticsOverTheEngineAndTrafficSpecs() {
        classes()
                .that()
                .resideInAPackage("frontier.analysis.fit..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "frontier.analysis.fit..",
                        "frontier.sim..",
                        "frontier.model.traffic..",
                        "org.apache.commons.math3..",
                        "org.apache.commons.statistics..",
                        "org.apache.commons.rng..")
                .check(CLASSES);
        classes()
                .that()
                .resideInAPackage("frontier.analysis.series..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "frontier.analysis.series..",
                        "frontier.sim",
                        "org.apache.commons.math3..",
                        "org.apache.commons.statistics..")
                .check(CLASSES);
    }

    @Test
    void reportsAndTwinsAreServicesBelowTheShells() {
        // frontier.report and frontier.twin join the workspace with the statistics and the scenarios; the
        // shells use them, never the other way round, and they know nothing of JavaFX or picocli.
        noClasses()
                .that()
                .resideInAnyPackage("frontier.report..", "frontier.twin..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "picocli..", "frontier.app..", "frontier.cli..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "frontier.store..",
                        "frontier.analysis..",
                        "frontier.scenario..",
                        "frontier.model..",
                        "frontier.ingest..",
                        "frontier.sim..",
                        "frontier.cost..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("frontier.report..", "frontier.twin..")
                .check(CLASSES);
    }

    @Test
    void reportWritersArePlainJavaAndPdfBoxStaysInThem() {
        // frontier.present writes reports (HTML, PDF) from data the shells give it: no JavaFX, no shell, and
        // PDFBox is used nowhere else.
        noClasses()
                .that()
                .resideInAPackage("frontier.present..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "picocli..", "frontier.app..", "frontier.cli..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("frontier.present..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.pdfbox..")
                .check(CLASSES);
    }

    @Test
    void cliAndAppAreSeparateShells() {
        noClasses()
                .that()
                .resideInAPackage("frontier.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("frontier.app..", "javafx..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("frontier.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("frontier.cli..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void textOutputIsALeafEveryLayerMayUse() {
        // frontier.text (CSV cells, printable messages) is shared by the shells and by the writers below them
        // (sweep tables, request logs, price catalogues), so it depends on nothing of the project.
        classes()
                .that()
                .resideInAPackage("frontier.text..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "frontier.text..")
                .check(CLASSES);
    }

    @Test
    void billingIngestDoesNotKnowRequestLogs() {
        noClasses()
                .that()
                .resideInAPackage("frontier.ingest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("frontier.ingest.logs..")
                .check(CLASSES);
    }

    @Test
    void parquetLibraryStaysInsideIngest() {
        noClasses()
                .that()
                .resideOutsideOfPackage("frontier.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.hardwood..", "org.xerial.snappy..")
                .check(CLASSES);
    }

    @Test
    void demoIsBuiltFromTheDomainAndUsedOnlyByTheShells() {
        noClasses()
                .that()
                .resideInAPackage("frontier.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "picocli..",
                        "frontier.app..",
                        "frontier.cli..",
                        "java.sql..",
                        "org.sqlite..",
                        "frontier.analysis..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "frontier.sim..",
                        "frontier.model..",
                        "frontier.scenario..",
                        "frontier.cost..",
                        "frontier.ingest..",
                        "frontier.store..",
                        "frontier.analysis..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("frontier.demo..")
                .check(CLASSES);
    }

    @Test
    void billingIngestIsPlainJavaAndStoreHasNoUi() {
        noClasses()
                .that()
                .resideInAPackage("frontier.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "picocli..",
                        "frontier.app..",
                        "frontier.cli..",
                        "frontier.store..",
                        "java.sql..",
                        "org.sqlite..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("frontier.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "picocli..", "frontier.app..", "frontier.cli..")
                .check(CLASSES);
    }

    @Test
    void layersDependOnEachOtherWithoutCycles() {
        // Top-level packages with their sub-packages (scenario with scenario.sweep, analysis with its fits).
        slices().matching("frontier.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void packagesBelowTheShellsDependOnEachOtherWithoutCycles() {
        // Every package a slice (frontier.scenario and frontier.scenario.sweep are two; the app's root package,
        // what its views share, is one and frontier.app.shell, the window that assembles the views, another).
        slices().matching("frontier.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void paretoIsPlainMathsOverMetricPaths() {
        // One Pareto package below both the sweep (NSGA-II's ranks) and the analysis (fronts, uncertainty).
        classes()
                .that()
                .resideInAPackage("frontier.pareto..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "frontier.pareto..", "frontier.model", "frontier.sim")
                .check(CLASSES);
    }

    @Test
    void sparkStaysInTheSparkPackage() {
        // Spark is provided by the cluster (absent from the desktop jar and installers): only frontier.spark may load
        // it.
        // The CLI and the app build spark-submit commands (frontier.scenario.sweep.SparkSubmit) and never load a class
        // of frontier.spark either.
        noClasses()
                .that()
                .resideOutsideOfPackage("frontier.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("frontier.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("frontier.spark..")
                .check(CLASSES);
    }

    @Test
    void theAppStylesThroughItsStylesheetNotInlineStyles() {
        // frontier.css holds every colour and font weight with looked-up colours for both themes (issue 15): an inline
        // style cannot follow the theme, and a literal colour in one is a second palette.
        noClasses()
                .that()
                .resideInAPackage("frontier.app..")
                .should()
                .callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("setStyle")))
                .check(CLASSES);
    }
}
