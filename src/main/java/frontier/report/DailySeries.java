package frontier.report;

import frontier.store.UnitCostReport;
import frontier.store.UnitCostRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One daily series of unit cost: consecutive UTC days from the first to the last with cost or requests,
 * each with its attributed cost, requests, tokens and cost per 1,000 requests (NaN on a day without
 * requests). Built from a {@link UnitCostReport} grouped by day (and optionally one more key).
 *
 * @param name the value of the other key (an endpoint, a model…), or "total"
 */
public record DailySeries(String name, List<LocalDate> days, double[] cost, long[] requests, long[] tokens) {
    /** Cost per 1,000 requests per day; NaN where there were no requests. */
    public double[] per1k() {
        double[] v = new double[cost.length];
        for (int i = 0; i < v.length; i++) v[i] = requests[i] == 0 ? Double.NaN : 1000 * cost[i] / requests[i];
        return v;
    }

    public LocalDate[] dayArray() {
        return days.toArray(LocalDate[]::new);
    }

    /**
     * The series of a report grouped by {@code day} alone (one series, "total") or by day and one other
     * key (one series per value of that key). Days missing inside a series are filled with zero cost and
     * zero requests.
     */
    public static List<DailySeries> of(UnitCostReport r, String otherKey) {
        Map<String, TreeMap<LocalDate, double[]>> by = new TreeMap<>();
        for (UnitCostRow g : r.groups()) {
            String day = g.keys().get("day");
            if (day == null) throw new IllegalArgumentException("the report is not grouped by day");
            String name = otherKey == null ? "total" : String.valueOf(g.keys().get(otherKey));
            double[] v = by.computeIfAbsent(name, k -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.parse(day), d -> new double[3]);
            v[0] += g.cost().doubleValue();
            v[1] += g.requests();
            v[2] += g.inputTokens() + g.outputTokens();
        }
        List<DailySeries> out = new ArrayList<>();
        for (var e : by.entrySet()) {
            TreeMap<LocalDate, double[]> m = e.getValue();
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = m.firstKey(); !d.isAfter(m.lastKey()); d = d.plusDays(1)) days.add(d);
            double[] cost = new double[days.size()];
            long[] req = new long[days.size()];
            long[] tok = new long[days.size()];
            for (int i = 0; i < days.size(); i++) {
                double[] v = m.get(days.get(i));
                if (v == null) continue;
                cost[i] = v[0];
                req[i] = (long) v[1];
                tok[i] = (long) v[2];
            }
            out.add(new DailySeries(e.getKey(), days, cost, req, tok));
        }
        return out;
    }
}
