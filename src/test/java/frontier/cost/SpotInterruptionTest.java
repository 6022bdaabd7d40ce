package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpotInterruptionTest {
    @Test
    void hazardGivesTheBucketsMonthlyProbabilityOverSevenHundredThirtyHours() {
        for (String b : SpotInterruption.BUCKETS) {
            double f = SpotInterruption.monthlyFrequencyForBucket(b);
            double h = SpotInterruption.hazardPerHourForBucket(b);
            assertEquals(f, 1 - Math.exp(-h * 730), 1e-12, b);
            assertEquals(-Math.log(1 - f) / 730, h, 1e-15, b);
        }
        assertEquals(-Math.log(0.975) / 730, SpotInterruption.hazardPerHourForBucket("<5%"), 1e-15);
        assertEquals(-Math.log(0.75) / 730, SpotInterruption.hazardPerHourForBucket(">20%"), 1e-15);
        assertEquals(0.0, SpotInterruption.hazardPerHour(0.0));
        assertThrows(IllegalArgumentException.class, () -> SpotInterruption.hazardPerHour(1.0));
    }

    @Test
    void representativeFrequenciesAreMidpointsAndTwentyFivePercentForTheOpenBucket() {
        assertEquals(0.025, SpotInterruption.monthlyFrequencyForBucket("<5%"));
        assertEquals(0.075, SpotInterruption.monthlyFrequencyForBucket("5-10%"));
        assertEquals(0.125, SpotInterruption.monthlyFrequencyForBucket("10-15%"));
        assertEquals(0.175, SpotInterruption.monthlyFrequencyForBucket("15-20%"));
        assertEquals(0.25, SpotInterruption.monthlyFrequencyForBucket(">20%"));
        double previous = 0;
        for (String b : SpotInterruption.BUCKETS) {
            assertTrue(SpotInterruption.hazardPerHourForBucket(b) > previous, "increasing: " + b);
            previous = SpotInterruption.hazardPerHourForBucket(b);
        }
    }

    @Test
    void bucketsAreParsedInAwsAndAzureSpellings() {
        assertEquals("<5%", SpotInterruption.canonicalBucket(" < 5% "));
        assertEquals("<5%", SpotInterruption.canonicalBucket("0-5%"));
        assertEquals("5-10%", SpotInterruption.canonicalBucket("5\u201310%"));
        assertEquals(">20%", SpotInterruption.canonicalBucket("20+%"));
        assertEquals(">20%", SpotInterruption.canonicalBucket(">20%"));
        for (String bad : new String[] {"", "5-10", "7%", "high", ">25%", null}) {
            BadInputException e = assertThrows(
                    BadInputException.class, () -> SpotInterruption.hazardPerHourForBucket(bad), String.valueOf(bad));
            assertTrue(e.getMessage().contains("<5%, 5-10%, 10-15%, 15-20%, >20%"), e.getMessage());
        }
    }

    @Test
    void aMeasuredFrequencyOverridesTheBucket() {
        SpotInterruption s = SpotInterruption.ofFrequency(
                "aws", "us-east-1", "g5.xlarge", "5-10%", 0.09, "measured", LocalDate.of(2025, 7, 1));
        assertEquals(0.09, s.monthlyFrequency());
        assertEquals(-Math.log(0.91) / 730, s.hazardPerHour(), 1e-15);
    }
}
