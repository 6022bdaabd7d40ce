package frontier.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.fit.ServiceTimeFit.Family;
import frontier.analysis.fit.ServiceTimeFit.Report;
import frontier.model.traffic.ProfileTraffic;
import frontier.model.traffic.RenewalTraffic;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The fits on the real traces of ../shared/samples/traces (skipped when absent). The expected outcomes are
 * what these fixed files give; the messages carry the numbers reported to the lead.
 */
class RealTracesFitTest {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private static Path trace(String name) {
        return frontier.ingest.Samples.trace(name);
    }

    private static List<CSVRecord> rows(Path csv, Predicate<CSVRecord> keep) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().get().parse(r).stream()
                    .filter(keep)
                    .toList();
        }
    }

    private static String summary(Report r) {
        StringBuilder b = new StringBuilder("n=" + r.n() + " sample " + r.sample());
        r.candidates()
                .forEach(c -> b.append(String.format(
                        java.util.Locale.ROOT,
                        "%n  %s AIC %.1f KS %.3f p50 %+.1f%% p95 %+.1f%%",
                        c.family(),
                        c.aic(),
                        c.ksDistance(),
                        100 * c.relativeError().p50(),
                        100 * c.relativeError().p95())));
        return b.append("\n  ").append(r.notes()).toString();
    }

    @Test
    void alibabaModelPredictLatenciesAreBestWeibullButOnlyTheEmpiricalTableMatchesP95() throws IOException {
        double[] seconds = rows(trace("alibaba_genai2026_model_predict_latency_anon.csv"), r -> true).stream()
                .mapToDouble(r -> Double.parseDouble(r.get("value")) / 1000)
                .toArray();
        Report r = ServiceTimeFit.fit(seconds);
        assertEquals(6254, r.n());
        assertEquals(Family.WEIBULL, r.best().family(), summary(r));
        assertTrue(Math.abs(r.best().relativeError().p50()) < 0.02, summary(r));
        assertTrue(r.best().relativeError().p95() > 0.05, "Weibull's p95 is too high by ~9%: " + summary(r));
        assertTrue(r.empiricalRecommended(), summary(r));
    }

    @Test
    void alibabaStableDiffusionExecTimesAreBestLognormalButOnlyTheEmpiricalTableMatches() throws IOException {
        double[] seconds = rows(trace("alibaba_genai2026_sd_lora_request_trace.csv"), r -> r.get("predict_status")
                        .equals("SUCCEED"))
                .stream()
                .mapToDouble(r -> Double.parseDouble(r.get("exec_time_seconds")))
                .toArray();
        Report r = ServiceTimeFit.fit(seconds);
        assertEquals(26392, r.n(), "successful requests");
        assertEquals(Family.LOGNORMAL, r.best().family(), summary(r));
        assertTrue(r.best().relativeError().p95() < -0.05, "the lognormal's p95 is too low by ~14%: " + summary(r));
        assertTrue(r.empiricalRecommended(), summary(r));
    }

    @Test
    void azureCodeTraceIsAnHourOfVeryBurstyArrivals() throws IOException {
        double[] t = epochSeconds(rows(trace("azure_llm_inference_2023_code.csv"), r -> true), "TIMESTAMP");
        ArrivalFit.Result r = ArrivalFit.fit(t);
        assertEquals(8819, r.n());
        assertEquals(2.57, r.meanRatePerS(), 0.01, "SOURCES.md: 2.57 req/s");
        assertEquals(13.2, r.interArrivalCv(), 0.1, "SOURCES.md: inter-arrival CV 13.2");
        assertTrue(r.overDispersed(), r.toString());
        RenewalTraffic rt = assertInstanceOf(RenewalTraffic.class, r.recommended());
        assertEquals(r.interArrivalCv(), rt.interarrival().cv(), 1e-9);
    }

    @Test
    void stableDiffusionTraceCoversThreeWeeksWithAStrongWeekdayEffect() throws IOException {
        double[] t = epochSeconds(rows(trace("alibaba_genai2026_sd_lora_request_trace.csv"), r -> true), "gmt_create");
        ArrivalFit.Result r = ArrivalFit.fit(t);
        assertTrue(r.spanS() > 21 * 86_400, "2024-11-15 to 12-08");
        assertEquals(7, r.weekdayFactors().size());
        assertTrue(r.weekdayFactors().get(5) < 0.5, "Saturdays are quiet: " + r.weekdayFactors());
        ProfileTraffic p = assertInstanceOf(ProfileTraffic.class, r.recommended());
        assertEquals(168, p.ratesPerS().size(), r.notes().toString());
        // The profile is a typical week; the trace's 23 days over-represent two weekdays, so the overall rate
        // differs from the week's mean by a few percent.
        assertEquals(r.meanRatePerS(), p.meanRate(), 0.1 * r.meanRatePerS(), "the weekly profile keeps the volume");
    }

    /** Sorted epoch seconds of a "yyyy-MM-dd HH:mm:ss[.fraction]" column read as UTC (the lead's reader sorts likewise). */
    private static double[] epochSeconds(List<CSVRecord> rows, String column) {
        List<Double> t = new ArrayList<>();
        for (CSVRecord row : rows) {
            LocalDateTime d = LocalDateTime.parse(row.get(column), TIMESTAMP);
            t.add(d.toEpochSecond(ZoneOffset.UTC) + d.getNano() / 1e9);
        }
        return t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
