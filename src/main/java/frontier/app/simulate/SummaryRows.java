package frontier.app.simulate;

import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link Summary} into the rows of the two result tables. */
final class SummaryRows {
    /** Statistic labels and their metric-path suffixes, in display order. */
    static final String[][] STATISTICS = {
        {"mean", "mean"}, {"p50", "p50"}, {"p90", "p90"}, {"p95", "p95"}, {"p99", "p99"}, {"p99.9", "p999"}, {"max", "max"},
    };

    private SummaryRows() {
    }

    static List<SummaryRow> keyFigures(Summary s) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row(s, "Requests", "requests", "", 1, 0));
        rows.add(row(s, "Completed", "completed", "", 1, 0));
        rows.add(row(s, "Dropped", "dropped", "", 1, 0));
        rows.add(row(s, "Throughput", "throughput_per_s", "req/s", 1, 3));
        rows.add(row(s, "Utilization", "utilization", "%", 100, 2));
        rows.add(row(s, "Queue length (time avg)", "queue_length.mean", "requests", 1, 3));
        rows.add(row(s, "Queue length (max)", "queue_length.max", "requests", 1, 0));
        rows.add(row(s, "Requests that waited", "p_wait", "%", 100, 2));
        return rows;
    }

    static List<PercentileRow> percentiles(Summary s) {
        List<PercentileRow> rows = new ArrayList<>();
        for (String[] stat : STATISTICS) {
            rows.add(new PercentileRow(stat[0], ms(s, "latency_ms." + stat[1]), ms(s, "wait_ms." + stat[1]),
                    ms(s, "service_ms." + stat[1])));
        }
        return rows;
    }

    private static SummaryRow row(Summary s, String label, String path, String unit, double scale, int decimals) {
        double mean = s.metric(path) * scale;
        double hw = s.halfWidth(path) * scale;
        return new SummaryRow(label, Formats.withHalfWidth(mean, hw, decimals), unit, mean, hw);
    }

    private static String ms(Summary s, String path) {
        double v = s.metric(path);
        return Formats.withHalfWidth(v, s.halfWidth(path), Formats.msDecimals(v));
    }
}
