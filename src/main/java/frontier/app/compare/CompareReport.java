package frontier.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.app.ChartCaption;
import frontier.app.ExportableChart;
import frontier.app.ReportFiles;
import frontier.model.RequestClass;
import frontier.model.RunSpec;
import frontier.present.Report;
import frontier.scenario.Scenario;
import frontier.scenario.alternatives.Baseline;
import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.alternatives.Comparison;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-click report of a comparison: the question (which alternative serves the baseline's traffic for less),
 * the recommendation and its saving per month with its interval, the chart, key numbers of every entry with their
 * 95% intervals (cost per month and per 1,000 requests, p50/p99, requests not served: never hidden), what each
 * alternative changes, the assumptions (prices and their date, traffic, SLOs, run settings) and what was not
 * modelled.
 *
 * <p>The recommendation is the entry cheapest per month among those whose saving is significant (the upper end of
 * its paired 95% interval below zero) and that do not leave more requests unserved than the baseline; when none
 * qualifies, the baseline is kept and the cheaper alternatives that drop requests are named.
 */
public final class CompareReport {
    private CompareReport() {}

    /** The entry recommended (0: keep the baseline), by the rule in the class comment. */
    public static int recommended(Comparison c) {
        CompareLens lens = CompareLens.of(c);
        int best = 0;
        double bestCost = c.value(0, lens.cost()).mean();
        for (int i = 1; i < c.entries().size(); i++) {
            Comparison.Estimate d = c.delta(i, lens.cost());
            double hw = Double.isFinite(d.halfWidth()) ? d.halfWidth() : 0;
            boolean cheaper = d.mean() + hw < 0;
            double cost = c.value(i, lens.cost()).mean();
            if (cheaper && lens.keepsUp(c, i) && cost < bestCost) {
                best = i;
                bestCost = cost;
            }
        }
        return best;
    }

    public static Report build(Comparison c, Baseline base, ExportableChart chart, ChartCaption caption)
            throws IOException {
        Scenario s = base.scenario();
        int n = c.entries().size();
        int rec = recommended(c);
        CompareLens lens = CompareLens.of(c);
        String question = "Which of " + (n - 1 == 1 ? "this alternative" : "these " + (n - 1) + " alternatives")
                + (lens.batch()
                        ? " finishes the job \u201c" + s.name() + "\u201d for less than the baseline, and how soon?"
                        : " serves the traffic of \u201c" + s.name()
                                + "\u201d for less than the baseline, and at what latency?");
        String recommendation;
        String saving = "";
        if (rec == 0) {
            List<String> dropping = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                if (c.delta(i, lens.cost()).mean() < 0 && !lens.warning(c, i).isEmpty()) {
                    dropping.add("\u201c" + name(c, i) + "\u201d " + lens.warning(c, i));
                }
            }
            recommendation = (lens.batch()
                            ? "Keep the baseline: no alternative finishes the job significantly cheaper while done by the deadline as often as the baseline."
                            : "Keep the baseline: no alternative is significantly cheaper per month while serving every request the baseline serves.")
                    + (dropping.isEmpty()
                            ? ""
                            : (lens.batch() ? " Cheaper but later: " : " Cheaper but not serving: ")
                                    + String.join("; ", dropping) + ".");
        } else {
            CompareMetric time = lens.time();
            Comparison.Estimate p99 = c.delta(rec, time);
            String changes = String.join(", ", c.entries().get(rec).changes());
            recommendation = "Switch to \u201c" + name(c, rec) + "\u201d"
                    + (changes.isEmpty() || changes.equals(name(c, rec)) ? "" : " (" + changes + ")")
                    + (lens.batch() ? ": completion time " : ": p99 latency ")
                    + time.format(c.value(rec, time).mean()) + " against "
                    + time.format(c.value(0, time).mean())
                    + " (" + time.formatDelta(p99.mean()) + "), "
                    + (lens.batch() ? doneByDeadline(c, rec) : notServed(c, rec)) + ".";
            Comparison.Estimate d = c.delta(rec, lens.cost());
            saving = "Saves " + lens.cost().format(-d.mean()) + lens.savingUnit()
                    + (Double.isFinite(d.halfWidth())
                            ? " \u00b1 " + lens.cost().formatHalfWidth(d.mean(), d.halfWidth()) + " (95%)"
                            : "")
                    + " (" + RelativeChange.of(c.deltaPercent(rec, lens.cost()))
                    + " against the baseline).";
        }

        List<Report.Section> sections = new ArrayList<>();
        sections.add(ReportFiles.figure(lens.costTitle() + " of each entry", chart, caption));
        List<Report.Number> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String who = i == 0 ? "Baseline" : i + ". " + name(c, i);
            for (CompareMetric m : lens.keyNumbers()) {
                Comparison.Estimate v = c.value(i, m);
                if (!Double.isFinite(v.mean())) continue;
                String interval =
                        Double.isFinite(v.halfWidth()) ? "\u00b1 " + m.formatHalfWidth(v.mean(), v.halfWidth()) : "";
                if (i > 0 && m != CompareMetric.NOT_SERVED_SHARE && m != CompareMetric.DONE_BY_DEADLINE) {
                    String pct = RelativeChange.of(c.deltaPercent(i, m));
                    if (!pct.isEmpty()) interval = (interval.isEmpty() ? "" : interval + "; ") + pct + " vs baseline";
                }
                numbers.add(new Report.Number(who + ": " + m.label, m.format(v.mean()), interval));
            }
        }
        sections.add(new Report.KeyNumbers(
                "Key numbers (mean of " + c.replications() + " replication" + (c.replications() == 1 ? "" : "s")
                        + ", 95% confidence half-width)",
                numbers));
        List<String> changes = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            Comparison.Entry e = c.entries().get(i);
            String line = i + ". " + e.name() + ": " + String.join(", ", e.changes());
            if (!e.notes().isEmpty()) line += " (assumed: " + String.join("; ", e.notes()) + ")";
            if (!lens.warning(c, i).isEmpty()) line += " \u2014 " + lens.warning(c, i);
            changes.add(line);
        }
        sections.add(new Report.Bullets("What each alternative changes", changes));
        sections.add(new Report.Bullets("Assumptions", assumptions(s, base, caption, c)));
        sections.add(
                new Report.Bullets(
                        "Not modelled",
                        lens.batch()
                                ? List.of(
                                        "Anything the scenario does not describe: how fast another instance type works (a"
                                                + " type changes prices, the work per item is kept), failures other than spot"
                                                + " interruptions, price changes after the catalogue date, discounts not in the"
                                                + " catalogue.",
                                        "Items are short against the checkpoint interval: a checkpoint saves exactly the work"
                                                + " done before it.")
                                : List.of(
                                        "Anything the scenario does not describe: network latency between regions and clients, failures other than spot interruptions, "
                                                + "price changes after the catalogue date, discounts not in the catalogue.",
                                        "Traffic other than the scenario's: the alternatives are compared on the same arrivals, not on growth or seasonality.",
                                        "Requests not served (dropped, rejected, lost to spot terminations) are counted and shown above; they are not retried by clients.")));
        return ReportFiles.plain(new Report(
                "Comparison: " + s.name(),
                caption.subtitle(),
                question,
                recommendation,
                saving,
                sections,
                caption.source()));
    }

    /** Writes the report as HTML to {@code html} and as PDF beside it. */
    public static void write(
            Comparison c, Baseline base, ExportableChart chart, ChartCaption caption, java.nio.file.Path html)
            throws IOException {
        ReportFiles.write(build(c, base, chart, caption), html);
    }

    private static List<String> assumptions(Scenario s, Baseline base, ChartCaption caption, Comparison c) {
        if (s.isBatch()) return batchAssumptions(s, base, caption, c);
        List<String> out = new ArrayList<>();
        out.add("Prices: "
                + (s.priceCatalogue() == null
                        ? "the shipped price catalogue"
                        : "the catalogue " + s.priceCatalogue() + " over the shipped one")
                + "; " + caption.source() + ". Cost per month = cost per hour of the simulated span \u00d7 730 hours.");
        out.add("Traffic: " + traffic(base.tree().get("traffic")) + ".");
        List<String> slos = new ArrayList<>();
        if (s.classes() != null) {
            for (RequestClass rc : s.classes()) {
                if (rc.sloMs() != null) slos.add(String.format(Locale.US, "%s: %,.0f ms", rc.name(), rc.sloMs()));
            }
        }
        out.add("SLOs: "
                + (slos.isEmpty()
                        ? "none given in the scenario; latency is reported, not judged"
                        : String.join(", ", slos))
                + ".");
        RunSpec r = s.run();
        String each = r.durationS() != null
                ? String.format(Locale.US, "%,.0f simulated seconds", r.durationS())
                : String.format(Locale.US, "%,d requests", r.requests());
        out.add(String.format(
                Locale.US,
                "Run: %d replication%s of %s each%s, every entry on the same random numbers (differences paired replication by replication).",
                c.replications(),
                c.replications() == 1 ? "" : "s",
                each,
                r.warmupS() == null ? "" : String.format(Locale.US, " after a %,.0f s warm-up", r.warmupS())));
        out.add("Baseline: " + base.source() + ".");
        return out;
    }

    /** A batch job's assumptions: its prices, the job as the baseline runs it, the replications. */
    private static List<String> batchAssumptions(Scenario s, Baseline base, ChartCaption caption, Comparison c) {
        frontier.model.batch.BatchJob j = s.batch();
        List<String> out = new ArrayList<>();
        out.add("Prices: "
                + (s.priceCatalogue() == null
                        ? "the shipped price catalogue"
                        : "the catalogue " + s.priceCatalogue() + " over the shipped one")
                + "; " + caption.source() + ". Cost of the job = its spot and on-demand instances, each billed from"
                + " launch to stop.");
        out.add(String.format(
                Locale.US,
                "Job: %,d items on %d instance%s, %d on spot; a checkpoint every %,.0f s of work taking %,.0f s; %s; %s.",
                j.items(),
                j.fleet().instances(),
                j.fleet().instances() == 1 ? "" : "s",
                j.fleet().spotInstances(),
                j.checkpoint().intervalS(),
                j.checkpoint().durationS(),
                j.deadlineS() == null
                        ? "no deadline"
                        : String.format(Locale.US, "deadline %,.0f s after the start", j.deadlineS()),
                fallback(j.fleet().fallback())));
        out.add(String.format(
                Locale.US,
                "Run: %d replication%s of the whole job, every entry on the same random numbers (differences paired"
                        + " replication by replication).",
                c.replications(),
                c.replications() == 1 ? "" : "s"));
        out.add("Baseline: " + base.source() + ".");
        return out;
    }

    private static String fallback(frontier.model.batch.Fallback f) {
        if (f == null || (f.afterInterruptions() == null && !f.whenDeadlineAtRisk())) return "no fallback to on demand";
        return "a shard moves to on demand "
                + (f.afterInterruptions() != null ? "after " + f.afterInterruptions() + " interruptions" : "")
                + (f.afterInterruptions() != null && f.whenDeadlineAtRisk() ? " or " : "")
                + (f.whenDeadlineAtRisk() ? "when the deadline is at risk" : "");
    }

    /** The traffic node's fields as words: "poisson, rate_per_s 6"; nested values are summarised. */
    static String traffic(JsonNode t) {
        if (t == null || !t.isObject()) return "as in the scenario";
        List<String> parts = new ArrayList<>();
        if (t.has("type")) parts.add(t.get("type").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("type")) continue;
            JsonNode v = f.getValue();
            String shown = v.isValueNode() ? v.asText() : v.isArray() ? v.size() + " values" : "{\u2026}";
            parts.add(f.getKey() + " " + shown);
        }
        return String.join(", ", parts);
    }

    private static String doneByDeadline(Comparison c, int i) {
        double p = c.value(i, CompareMetric.DONE_BY_DEADLINE).mean();
        return Double.isFinite(p)
                ? "done by the deadline in " + CompareMetric.DONE_BY_DEADLINE.format(p) + " of runs"
                : "no deadline";
    }

    private static String notServed(Comparison c, int i) {
        String w = c.dropWarning(i);
        return w.isEmpty() ? "every request served" : w;
    }

    private static String name(Comparison c, int i) {
        return c.entries().get(i).name();
    }
}
