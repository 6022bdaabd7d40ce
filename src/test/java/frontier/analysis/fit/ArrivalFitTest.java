package frontier.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.fit.ArrivalFit.Result;
import frontier.model.traffic.ArrivalProcess;
import frontier.model.traffic.MmppTraffic;
import frontier.model.traffic.PoissonTraffic;
import frontier.model.traffic.ProfileTraffic;
import frontier.model.traffic.RenewalTraffic;
import frontier.model.traffic.Traffic;
import frontier.sim.BadInputException;
import frontier.sim.RandomStreams;
import frontier.sim.dist.GammaDist;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalFitTest {
    /** 2024-01-01T00:00Z, a Monday. */
    private static final double MONDAY = 1_704_067_200;

    private static final double DAY = 86_400;

    /** Arrivals of {@code traffic} over {@code seconds}, as epoch seconds from {@code start}. */
    static double[] generate(Traffic traffic, double start, double seconds, long seed) {
        List<Double> t = new ArrayList<>();
        try (ArrivalProcess p = traffic.open(new RandomStreams(seed, 0).stream("arrivals"), null)) {
            for (double now = p.next(0); now < seconds; now = p.next(now)) t.add(start + now);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Double> dailyShape() {
        List<Double> rates = new ArrayList<>();
        for (int h = 0; h < 24; h++) rates.add(0.2 + 0.15 * (1 + Math.sin(2 * Math.PI * h / 24)));
        return rates;
    }

    @Test
    void aKnownHourProfileIsRecoveredFromAnNhppAndLooksPoissonWithinHours() {
        List<Double> truth = dailyShape();
        double days = 4;
        Result r = ArrivalFit.fit(generate(new ProfileTraffic(truth, 3600, true), MONDAY, days * DAY, 1));
        for (int h = 0; h < 24; h++) {
            // Poisson count over `days` hours: se of the rate = √(λ·T) / T.
            double exposure = days * 3600;
            double se = Math.sqrt(truth.get(h) * exposure) / exposure;
            assertEquals(truth.get(h), r.hourOfDayRatesPerS().get(h), 4 * se, "hour " + h);
        }
        assertFalse(r.overDispersed(), r.notes().toString());
        // ~96 hours × 59 degrees of freedom each: the dispersion's se is √(2/dof) ≈ 0.02.
        assertEquals(1.0, r.withinHourDispersion(), 0.08);
        assertTrue(
                r.indexOfDispersion() > 1.5,
                "the daily swing does over-disperse counts overall: " + r.indexOfDispersion());
        ProfileTraffic p = assertInstanceOf(ProfileTraffic.class, r.recommended());
        assertEquals(r.hourOfDayRatesPerS(), p.ratesPerS());
        assertEquals(3600, p.intervalS());
        assertTrue(r.weekdayFactors().isEmpty() && r.weekdayHourRatesPerS().isEmpty(), "4 days are not two weeks");
        assertTrue(
                r.notes().getFirst().contains("less than two weeks"), r.notes().toString());
        assertEquals(60, r.windowS());
    }

    @Test
    void anMmppIsFlaggedAsOverDispersedAndStillGetsTheProfileWithANote() {
        MmppTraffic bursty = new MmppTraffic(new MmppTraffic.State(0.5, 120), new MmppTraffic.State(10, 10));
        Result r = ArrivalFit.fit(generate(bursty, MONDAY, 2 * DAY, 2));
        assertTrue(r.overDispersed(), r.toString());
        assertTrue(
                r.withinHourDispersion() > 5, "bursts of ~100 arrivals in a few minutes: " + r.withinHourDispersion());
        assertTrue(r.interArrivalCv() > 1.5, "cv " + r.interArrivalCv());
        assertInstanceOf(ProfileTraffic.class, r.recommended());
        assertTrue(r.notes().get(1).contains("bursty"), r.notes().toString());
    }

    @Test
    void twoWeeksWithQuietWeekendsGiveWeekdayFactorsAndAWeeklyProfile() {
        List<Double> week = new ArrayList<>();
        for (int d = 0; d < 7; d++) for (int h = 0; h < 24; h++) week.add(d < 5 ? 0.2 : 0.1);
        Result r = ArrivalFit.fit(generate(new ProfileTraffic(week, 3600, true), MONDAY, 21 * DAY, 3));
        double mean = (5 * 0.2 + 2 * 0.1) / 7;
        for (int d = 0; d < 7; d++) {
            // ≥ 3 × 86,400 × 0.1 arrivals per weekday: se below 0.6% of the factor.
            double expected = (d < 5 ? 0.2 : 0.1) / mean;
            assertEquals(expected, r.weekdayFactors().get(d), 0.025 * expected, "weekday " + d);
        }
        ProfileTraffic p = assertInstanceOf(ProfileTraffic.class, r.recommended());
        assertEquals(168, p.ratesPerS().size());
        assertEquals(0.1, p.ratesPerS().get(5 * 24 + 12), 0.1 * 0.1, "Saturday noon");
        assertTrue(r.notes().getFirst().contains("Monday 00:00 UTC"), r.notes().toString());
    }

    @Test
    void twoFlatWeeksKeepTheDailyProfile() {
        Result r = ArrivalFit.fit(generate(new PoissonTraffic(0.2), MONDAY, 15 * DAY, 4));
        assertEquals(7, r.weekdayFactors().size());
        assertEquals(
                24,
                assertInstanceOf(ProfileTraffic.class, r.recommended())
                        .ratesPerS()
                        .size());
        assertTrue(r.notes().getFirst().contains("within 10%"), r.notes().toString());
    }

    @Test
    void aShortPoissonTraceGetsPoissonAtTheObservedRate() {
        Result r = ArrivalFit.fit(generate(new PoissonTraffic(5), MONDAY + 3600.5, 600, 5));
        PoissonTraffic p = assertInstanceOf(PoissonTraffic.class, r.recommended());
        assertEquals(5, p.ratePerS(), 4 * 5 / Math.sqrt(3000), "se of a Poisson rate: rate / √count");
        assertEquals(1, r.interArrivalCv(), 4 / Math.sqrt(3000.0));
        assertFalse(r.overDispersed());
        assertEquals(20, r.windowS(), 0.1, "a thirtieth of a ten-minute trace");
        assertTrue(r.notes().getFirst().contains("less than a day"), r.notes().toString());
    }

    @Test
    void aShortBurstyRenewalTraceGetsARenewalWithTheObservedCv() {
        GammaDist gaps = new GammaDist(0.05, 3.0, null, null);
        double[] t = generate(new RenewalTraffic(gaps), MONDAY, 1_000, 6);
        Result r = ArrivalFit.fit(t);
        RenewalTraffic rt = assertInstanceOf(RenewalTraffic.class, r.recommended());
        // The cv of 20,000 gamma(shape 1/9) gaps has se ≈ cv·√((kurtosis − 1)/(4n)) ≈ 0.08.
        assertEquals(3.0, rt.interarrival().cv(), 0.32);
        assertEquals(r.interArrivalCv(), rt.interarrival().cv(), 1e-12);
        assertEquals(r.meanRatePerS(), rt.meanRate(), 1e-9);
        assertTrue(
                r.overDispersed(), "a renewal process's counts have dispersion ≈ cv² = 9: " + r.withinHourDispersion());
    }

    @Test
    void partlyCoveredHoursAreDividedByTheTimeActuallyObserved() {
        // One arrival per second from 00:30 to 02:30: every covered hour has rate 1, uncovered hours none.
        double[] t = new double[7201];
        for (int i = 0; i < t.length; i++) t[i] = MONDAY + 1800 + i;
        Result r = ArrivalFit.fit(t);
        assertEquals(1.0, r.hourOfDayRatesPerS().get(0), 1e-12);
        assertEquals(1.0, r.hourOfDayRatesPerS().get(1), 1e-12);
        assertEquals(1801 / 1800.0, r.hourOfDayRatesPerS().get(2), 1e-12, "both ends of the last half hour");
        assertTrue(Double.isNaN(r.hourOfDayRatesPerS().get(3)));
        assertEquals(0.0, r.interArrivalCv(), 1e-12);
        assertEquals(0.0, r.withinHourDispersion(), 1e-12, "perfectly regular: no variance at all");
        // In UTC+02:00 the same arrivals fall in hours 2 to 4.
        Result shifted = ArrivalFit.fit(t, ZoneOffset.ofHours(2));
        assertEquals(r.hourOfDayRatesPerS().get(1), shifted.hourOfDayRatesPerS().get(3));
        assertTrue(Double.isNaN(shifted.hourOfDayRatesPerS().get(1)));
    }

    @Test
    void badTracesAreRejectedWithTheOffendingIndex() {
        double[] ok = new double[30];
        for (int i = 0; i < ok.length; i++) ok[i] = MONDAY + i;
        assertBad(new double[5], "at least 20 arrivals, got 5");
        assertBad(null, "got 0");
        double[] unsorted = ok.clone();
        unsorted[10] = MONDAY;
        assertBad(unsorted, "value [10] = " + MONDAY + " is earlier than value [9]");
        double[] nan = ok.clone();
        nan[3] = Double.NaN;
        assertBad(nan, "value [3] is NaN");
        assertBad(new double[30], "all 30 arrivals are at 0.0");
        double[] millis = ok.clone();
        for (int i = 0; i < millis.length; i++) millis[i] *= 1000;
        assertBad(millis, "value [0] is 1.7040672E12; expected epoch seconds");
        double[] decades = new double[30];
        for (int i = 0; i < decades.length; i++) decades[i] = 2e7 * i;
        assertBad(decades, "spans 6713 days, more than 10 years; check the unit");
        double[] huge = ok.clone();
        huge[29] = 1e300;
        assertBad(huge, "value [29] is 1.0E300");
    }

    @Test
    void randomTimestampsGiveAProfileOrBadInputNeverAnythingElse() {
        SplittableRandom rnd = new SplittableRandom(8);
        int fitted = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] t = new double[rnd.nextInt(100)];
            double now = MONDAY + rnd.nextDouble(-1e9, 1e9);
            double scale = Math.exp(rnd.nextDouble(-8, 17)); // up to 2.4e7 s between arrivals: some traces span decades
            for (int i = 0; i < t.length; i++) {
                now += rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * scale;
                t[i] = rnd.nextInt(200) == 0 ? now - 1 : now;
            }
            try {
                Result r = ArrivalFit.fit(t, ZoneOffset.ofHours(rnd.nextInt(-12, 15)));
                fitted++;
                assertTrue(r.recommended().meanRate() > 0, r.toString());
            } catch (BadInputException expected) {
                assertTrue(expected.getMessage().startsWith("arrival times:"), expected.getMessage());
            }
        }
        assertTrue(fitted > 100, "most random traces are usable: " + fitted);
    }

    private static void assertBad(double[] t, String fragment) {
        BadInputException e = assertThrows(BadInputException.class, () -> ArrivalFit.fit(t));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
