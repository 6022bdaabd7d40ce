package frontier.report;

import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.sim.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Trend analysis of one {@link DailySeries}: anomalies of the daily cost per 1,000 requests, and
 * forecasts of daily cost, requests and cost per 1,000 requests {@code horizon} days ahead, each with a
 * prediction interval (docs/unit-cost.md, "Anomalies" and "Forecast").
 *
 * @param anomalies  per-day scores of cost per 1,000 requests, or null with fewer than
 *                   {@value Anomalies#MIN_SCORED_DAYS} days that have requests
 * @param cost       daily cost forecast, or null when the series is too short ({@link #notes} says why)
 * @param requests   daily requests forecast, or null
 * @param per1k      daily cost per 1,000 requests forecast, or null
 */
public record UnitCostTrend(
        DailySeries series,
        Anomalies.Report anomalies,
        Forecast.Result cost,
        Forecast.Result requests,
        Forecast.Result per1k,
        List<String> notes) {
    public static UnitCostTrend of(DailySeries s, int horizon, double level) {
        List<String> notes = new ArrayList<>();
        LocalDate[] days = s.dayArray();
        double[] per1k = s.per1k();
        Anomalies.Report anomalies = null;
        long known =
                java.util.Arrays.stream(per1k).filter(v -> !Double.isNaN(v)).count();
        double[] req = new double[days.length];
        for (int i = 0; i < req.length; i++) req[i] = s.requests()[i];
        // Cost per 1,000 is a ratio of the day's request count: its counting noise is judged per day.
        if (known >= Anomalies.MIN_SCORED_DAYS) anomalies = Anomalies.flag(days, per1k, req);
        else
            notes.add("anomalies need " + Anomalies.MIN_SCORED_DAYS + " days with requests; " + s.name() + " has "
                    + known);

        // The cost per 1,000 forecast is fitted with the unusual days at their expected value, so that one incident
        // does
        // not become part of the weekly pattern or the trend. (Cost and requests are left as they are: an unusual unit
        // cost may come from either, and the rule does not say which.)
        double[] unitCost = per1k;
        if (anomalies != null && !anomalies.flagged().isEmpty()) {
            unitCost = anomalies.withFlaggedAsExpected();
            notes.add(anomalies.flagged().size()
                    + " unusual day(s) enter the cost per 1,000 forecast at their expected value");
        }
        Forecast.Result costForecast = forecast("cost", days, s.cost(), horizon, level, notes);
        Forecast.Result requests = known == 0 ? null : forecast("requests", days, req, horizon, level, notes);
        Forecast.Result unit =
                known == 0 ? null : forecast("cost per 1,000 requests", days, unitCost, horizon, level, notes);
        return new UnitCostTrend(s, anomalies, costForecast, requests, unit, List.copyOf(notes));
    }

    private static Forecast.Result forecast(
            String what, LocalDate[] days, double[] v, int horizon, double level, List<String> notes) {
        try {
            return Forecast.of(days, v, horizon, level);
        } catch (BadInputException e) {
            if (horizon < 1 || horizon > Forecast.MAX_HORIZON || !(level > 0 && level < 1)) throw e;
            notes.add(what + ": " + e.getMessage());
            return null;
        }
    }

    /** Sum of a forecast's points, with the sums of the lower and upper bounds (a conservative interval for the total). */
    public static double[] total(Forecast.Result f) {
        double p = 0, lo = 0, hi = 0;
        for (Forecast.Point x : f.points()) {
            p += x.point();
            lo += x.lower();
            hi += x.upper();
        }
        return new double[] {p, lo, hi};
    }
}
