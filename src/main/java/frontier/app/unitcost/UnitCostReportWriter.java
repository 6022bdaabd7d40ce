package frontier.app.unitcost;

import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.app.ChartCaption;
import frontier.app.ExportableChart;
import frontier.app.ReportFiles;
import frontier.present.Report;
import frontier.store.UnitCostRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one-click report of a unit-cost analysis, from what the Unit cost view shows: the question (what 1,000
 * requests cost, by endpoint, model or pricing model, over the chosen period), the finding (the dearest series
 * against the average, and the idle capacity as the most a right-sized fleet could save, an estimate), the chart,
 * the key numbers (exact sums from the bill and the logs; the forecast with its prediction interval), the unusual
 * days, the assumptions (the bill's own prices, the attribution rules, the period and what lies outside it) and what
 * was not modelled.
 */
public final class UnitCostReportWriter {
    private UnitCostReportWriter() {}

    /**
     * @param forecast     the forecast shown (null when none), of the series {@code forecastOf}
     * @param forecastNote the forecast caption in plain words, as the view shows it
     */
    public static Report build(
            UnitCostDashboard d,
            String summary,
            Forecast.Result forecast,
            String forecastOf,
            String forecastNote,
            ExportableChart chart,
            ChartCaption caption)
            throws IOException {
        if (d == null || d.isEmpty() || d.totals() == null)
            throw new IOException("nothing to report: " + (d == null || d.empty() == null ? "no data" : d.empty()));
        UnitCostRow t = d.totals();
        String cur = t.currency() == null ? "" : " " + t.currency();
        String period = d.period() == UnitCostDashboard.Period.LOGS
                ? d.total().points().getFirst().date() + " to "
                        + d.total().points().getLast().date() + " (the days of the request logs)"
                : "every billed day";
        String question = "What do 1,000 requests cost, by " + d.by().toString().toLowerCase(Locale.ROOT) + ", over "
                + period + ", and where is the unit cost heading?";

        // The dearest charted series per request, against the average of all attributed cost.
        BigDecimal avg = t.per1kRequests();
        UnitCostDashboard.Series dearest = d.series().stream()
                .filter(s -> s.requests() > 0)
                .max(Comparator.comparingDouble(UnitCostReportWriter::per1k))
                .orElse(null);
        StringBuilder rec = new StringBuilder();
        if (avg != null)
            rec.append("On average 1,000 requests cost ")
                    .append(UnitCostChart.money(avg.doubleValue()))
                    .append(cur)
                    .append(". ");
        if (dearest != null && avg != null && avg.signum() > 0 && d.series().size() > 1) {
            rec.append(String.format(
                    Locale.US,
                    "The dearest %s is %s at %s%s per 1,000 requests (%.1f\u00d7 the average): look there first.",
                    d.by().toString().toLowerCase(Locale.ROOT),
                    dearest.name(),
                    UnitCostChart.money(per1k(dearest)),
                    cur,
                    per1k(dearest) / avg.doubleValue()));
        }
        double idle = d.idleShare();
        String saving = Double.isNaN(idle)
                ? ""
                : String.format(
                        Locale.US,
                        "Idle capacity: about %s%s (%.0f%% of the attributed cost) paid for instance-hours that served no request, the most a right-sized fleet could save (an estimate).",
                        UnitCostView.money(t.idleCost()),
                        cur,
                        100 * idle);

        List<Report.Section> sections = new ArrayList<>();
        sections.add(ReportFiles.figure("Cost per 1,000 requests per day", chart, caption));
        List<Report.Number> numbers = new ArrayList<>();
        numbers.add(new Report.Number("Attributed cost", UnitCostView.money(t.cost()) + cur, "exact, from the bill"));
        numbers.add(new Report.Number(
                "Requests",
                String.format(Locale.US, "%,d", t.requests()),
                String.format(Locale.US, "%,d errors included", t.errors())));
        if (avg != null)
            numbers.add(new Report.Number("Cost per 1,000 requests", UnitCostChart.money(avg.doubleValue()) + cur, ""));
        if (t.per1mTokens() != null)
            numbers.add(new Report.Number(
                    "Cost per 1M tokens (input + output)",
                    UnitCostChart.money(t.per1mTokens().doubleValue()) + cur,
                    ""));
        if (!Double.isNaN(idle))
            numbers.add(new Report.Number(
                    "Idle share (estimate)",
                    String.format(Locale.US, "%.0f%%", 100 * idle),
                    "assumes one request at a time per instance"));
        for (UnitCostRow u : d.unattributed()) {
            numbers.add(new Report.Number(
                    "Unattributed cost (no rule claims it)",
                    UnitCostView.money(u.cost()) + " " + u.currency(),
                    String.format(Locale.US, "%,d lines", u.lines())));
        }
        if (d.outside() != null && d.outside().signum() != 0) {
            numbers.add(new Report.Number(
                    "Attributed cost on billed days outside the logs",
                    UnitCostView.money(d.outside()) + cur,
                    d.period() == UnitCostDashboard.Period.LOGS
                            ? "reported apart, not in the figures above"
                            : "included above"));
        }
        for (UnitCostDashboard.Series s : d.series()) {
            if (s.requests() == 0) continue;
            numbers.add(new Report.Number(
                    d.by() + " " + s.name() + ": per 1,000 requests",
                    UnitCostChart.money(per1k(s)) + cur,
                    String.format(
                            Locale.US, "%s%s over %,d requests", UnitCostView.money(s.cost()), cur, s.requests())));
        }
        if (forecast != null && !forecast.points().isEmpty()) {
            Forecast.Point last = forecast.points().getLast();
            numbers.add(new Report.Number(
                    "Forecast for " + forecastOf + " on " + last.date(),
                    UnitCostChart.money(last.point()) + cur + " per 1,000",
                    String.format(
                            Locale.US,
                            "%s to %s (%.0f%% prediction interval)",
                            UnitCostChart.money(last.lower()),
                            UnitCostChart.money(last.upper()),
                            100 * forecast.level())));
        }
        sections.add(new Report.KeyNumbers("Key numbers", numbers));
        if (forecastNote != null && !forecastNote.isBlank()) sections.add(new Report.Text("Forecast", forecastNote));
        List<String> unusual = new ArrayList<>();
        for (UnitCostDashboard.Series s : concat(d.total(), d.series())) {
            for (Anomalies.Day day : s.anomalies().flagged()) {
                unusual.add(String.format(
                        Locale.US,
                        "%s, %s: %s%s per 1,000 requests where about %s was expected",
                        day.date(),
                        s.name(),
                        UnitCostChart.money(day.value()),
                        cur,
                        UnitCostChart.money(day.expected())));
            }
        }
        if (!unusual.isEmpty())
            sections.add(new Report.Bullets("Unusual days", unusual.size() > 12 ? unusual.subList(0, 12) : unusual));
        sections.add(new Report.Bullets(
                "Assumptions",
                List.of(
                        "Prices: the bill's own effective (amortized) cost lines, commitment purchases spread over their use; no catalogue prices. "
                                + caption.source() + ".",
                        "Traffic: the requests in the imported logs, errors included; a day without requests has no unit cost and is not charted.",
                        "Period: " + period + "; cost and requests are divided over the same days.",
                        "Attribution: " + (d.defaultRules() ? "the default rules" : "the workspace's rules")
                                + ", first match wins: " + UnitCostDashboard.rulesText(d.rules()) + ".",
                        "SLOs: not part of a unit-cost analysis; latency is not judged here.")));
        sections.add(
                new Report.Bullets(
                        "Not modelled",
                        List.of(
                                "Cost no rule claims is reported apart, not spread over endpoints or models.",
                                "The forecast extends the past (level, trend and weekly pattern); it knows nothing of planned changes, launches or price changes.",
                                "The idle share assumes one request at a time per instance; batching servers look more idle than they are.")));
        String title = "Unit cost: " + Objects.requireNonNullElse(t.currency(), "") + " per 1,000 requests by "
                + d.by().toString().toLowerCase(Locale.ROOT);
        return ReportFiles.plain(
                new Report(title, summary, question, rec.toString().strip(), saving, sections, caption.source()));
    }

    public static void write(
            UnitCostDashboard d,
            String summary,
            Forecast.Result forecast,
            String forecastOf,
            String forecastNote,
            ExportableChart chart,
            ChartCaption caption,
            Path html)
            throws IOException {
        ReportFiles.write(build(d, summary, forecast, forecastOf, forecastNote, chart, caption), html);
    }

    private static double per1k(UnitCostDashboard.Series s) {
        return s.requests() == 0 ? Double.NaN : s.cost().doubleValue() * 1000 / s.requests();
    }

    private static List<UnitCostDashboard.Series> concat(
            UnitCostDashboard.Series first, List<UnitCostDashboard.Series> rest) {
        List<UnitCostDashboard.Series> out = new ArrayList<>();
        if (first != null) out.add(first);
        out.addAll(rest);
        return out;
    }
}
