package frontier.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The app's short relative change: it stays whole in a narrow column of the Compare table. */
class RelativeChangeTest {
    @Test
    void underTenPercentKeepsOneDecimalAndTheTrueMinusSign() {
        assertEquals("+0.6%", RelativeChange.of(0.6));
        assertEquals("−4.0%", RelativeChange.of(-4.04));
        assertEquals("+9.9%", RelativeChange.of(9.94));
        assertEquals("+0.0%", RelativeChange.of(0.01));
    }

    @Test
    void fromTenPercentToNineHundredNinetyNineItIsWholePercent() {
        assertEquals("+10%", RelativeChange.of(9.95));
        assertEquals("+33%", RelativeChange.of(33.3));
        assertEquals("−47%", RelativeChange.of(-47.4));
        assertEquals("−100%", RelativeChange.of(-100));
        assertEquals("+999%", RelativeChange.of(999.4));
    }

    @Test
    void pastNineHundredNinetyNinePercentItIsTheFactor() {
        // +1018.8% is 11.188 times the baseline; +290,811% is 2,909 times.
        assertEquals("×11", RelativeChange.of(1018.8));
        assertEquals("×11", RelativeChange.of(999.5));
        assertEquals("×2,909", RelativeChange.of(290811.1));
    }

    @Test
    void aChangeThatIsNotANumberIsNotShown() {
        assertEquals("", RelativeChange.of(Double.NaN));
        assertEquals("", RelativeChange.of(Double.POSITIVE_INFINITY));
    }
}
