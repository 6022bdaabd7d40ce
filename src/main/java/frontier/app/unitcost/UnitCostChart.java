package frontier.app.unitcost;

import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.app.CanvasPlot;
import frontier.app.ChartPen;
import frontier.app.ExportableChart;
import frontier.app.Palette;
import frontier.app.unitcost.UnitCostDashboard.Point;
import frontier.app.unitcost.UnitCostDashboard.Series;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The daily cost per 1,000 requests drawn on one {@link Canvas}: one line per series (broken where a day
 * has no requests), unusual days ringed in red, and for the forecast series a dashed point forecast with
 * its prediction interval shaded, continuing the series after a dotted "today" line. Days (UTC) run
 * along x with week or month ticks; y is the currency per 1,000 requests. A legend above the plot names
 * the lines; clicking an entry or a line asks for that series to be forecast. The nearest point within
 * {@link #PICK_RADIUS} pixels is described in a tooltip.
 */
public final class UnitCostChart implements ExportableChart {
    /** How near (in pixels) the pointer must be to a point to describe it. */
    public static final double PICK_RADIUS = 8;

    static final double LEFT = 78;
    static final double RIGHT = 18;
    static final double TOP = 14;
    static final double BOTTOM = 56;
    /** The band's opacity over white. */
    static final double BAND_OPACITY = 0.22;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private final CanvasPlot plot = new CanvasPlot(LEFT, RIGHT, TOP, BOTTOM, this::redraw);
    private final Canvas canvas = plot.canvas();
    private final Pane pane = plot.pane();
    private final FlowPane legend = new FlowPane(14, 4);
    private final VBox root = new VBox(4, legend, pane);
    private final List<Consumer<String>> selectListeners = new ArrayList<>();
    /** Redraws in the theme's colours when it changes (held here: the palette holds it weakly). */
    private final javafx.beans.InvalidationListener paletteListener = Palette.onChange(() -> {
        buildLegend();
        redraw();
    });

    private UnitCostDashboard data;
    private String selected;
    private Forecast.Result forecast;
    private String yLabel = "per 1,000 requests";
    private final List<Hit> hits = new ArrayList<>();
    private double d0, d1 = 1, y0, y1 = 1; // visible range: epoch days and value (log10 of the value on a log scale)
    private boolean logScale;
    private Hit hovered;
    private int rings;
    private boolean monthlyTicks;

    /** A point the pointer can hover: its position in data units, its description, and the series it belongs to. */
    private record Hit(double day, double value, String text, String key) {}

    public UnitCostChart() {
        root.setId("unitCostChart");
        canvas.setId("unitCostCanvas");
        legend.setId("unitCostLegend");
        legend.setPadding(new Insets(0, 0, 0, LEFT));
        legend.setAlignment(Pos.CENTER_LEFT);
        pane.setMinSize(300, 180);
        pane.setPrefSize(800, 360);
        VBox.setVgrow(pane, Priority.ALWAYS);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hideTooltip());
        canvas.setOnMouseClicked(e -> {
            Hit h = nearest(e.getX(), e.getY());
            if (h != null && h.key() != null) selectListeners.forEach(l -> l.accept(h.key()));
        });
    }

    /** The legend above the plot. */
    public VBox node() {
        return root;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Called with the key of a series the user clicked (a line or its legend entry). */
    public void onSelect(Consumer<String> listener) {
        selectListeners.add(listener);
    }

    /**
     * Shows {@code d} (null or empty: nothing) with the series {@code selected} emphasised and, when given,
     * its forecast.
     */
    public void setData(UnitCostDashboard d, String selected, Forecast.Result forecast) {
        this.data = d == null || d.isEmpty() ? null : d;
        this.selected = selected;
        this.forecast = data == null ? null : forecast;
        yLabel = (data == null || data.currency() == null ? "" : data.currency() + " ") + "per 1,000 requests";
        buildHits();
        fitView();
        buildLegend();
        redraw();
    }

    /** The y axis title. */
    public String yLabel() {
        return yLabel;
    }

    /** The lines drawn, in drawing order (the selected one last, so on top). */
    private List<Series> drawn() {
        if (data == null) return List.of();
        List<Series> out = new ArrayList<>();
        Series sel = data.find(selected);
        for (Series s : data.series()) if (s != sel) out.add(s);
        if (sel != null) out.add(sel);
        return out;
    }

    private Color colour(Series s) {
        if (UnitCostDashboard.TOTAL.equals(s.key())) return Palette.current().total();
        int i = data.series().indexOf(s);
        return Palette.current().series(Math.max(0, i));
    }

    // ---- geometry --------------------------------------------------------------------------------

    private void fitView() {
        if (data == null) {
            d0 = 0;
            d1 = 1;
            y0 = 0;
            y1 = 1;
            return;
        }
        List<Point> pts = data.total().points();
        d0 = pts.getFirst().date().toEpochDay() - 0.5;
        double last = (forecast != null && !forecast.points().isEmpty()
                        ? forecast.points().getLast().date()
                        : pts.getLast().date())
                .toEpochDay();
        d1 = last + 0.5;
        double lo = 0, hi = 0;
        for (Series s : drawn()) {
            for (Point p : s.points()) {
                if (Double.isNaN(p.per1k())) continue;
                lo = Math.min(lo, p.per1k());
                hi = Math.max(hi, p.per1k());
            }
        }
        double history = hi;
        if (forecast != null) {
            for (Forecast.Point p : forecast.points()) {
                hi = Math.max(hi, p.point());
                // A 90-day interval can grow far beyond the history: beyond twice its highest day, the band is cut.
                hi = Math.max(hi, Math.min(p.upper(), 2 * history));
                lo = Math.min(lo, p.lower());
            }
        }
        if (logScale) {
            // Lines of very different size each keep their shape: equal ratios, equal heights. Only positive values
            // have a place.
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (Series s : drawn()) {
                for (Point p : s.points()) {
                    if (p.per1k() > 0) {
                        min = Math.min(min, p.per1k());
                        max = Math.max(max, p.per1k());
                    }
                }
            }
            if (forecast != null) {
                for (Forecast.Point p : forecast.points()) {
                    if (p.point() > 0) max = Math.max(max, Math.min(p.upper(), 2 * history));
                    if (p.lower() > 0) min = Math.min(min, p.lower());
                }
            }
            if (!(max > 0)) {
                min = 0.1;
                max = 1;
            }
            if (min >= max) min = max / 10;
            y0 = Math.log10(min) - 0.08;
            y1 = Math.log10(max) + 0.08;
            return;
        }
        if (hi - lo <= 0) hi = lo + 1;
        y0 = lo;
        y1 = hi + (hi - lo) * 0.06;
    }

    /** Shows the values on a logarithmic scale (true) or a linear one from zero (false). */
    public void setLogScale(boolean log) {
        if (log == logScale) return;
        logScale = log;
        fitView();
        redraw();
    }

    public boolean logScale() {
        return logScale;
    }

    public double toPixelX(LocalDate day) {
        return toPixelX((double) day.toEpochDay());
    }

    private double toPixelX(double epochDay) {
        return LEFT + (epochDay - d0) / (d1 - d0) * plot.plotWidth();
    }

    public double toPixelY(double v) {
        // On a log scale a value of zero or less sits just below the plot's floor.
        double y = logScale ? (v > 0 ? Math.log10(v) : y0 - 0.02 * (y1 - y0)) : v;
        return TOP + (y1 - y) / (y1 - y0) * plot.plotHeight();
    }

    /** Ticks of a log scale between 10^lo and 10^hi: 1, 2 and 5 per decade, or only the decades when they are many. */
    static double[] logTicks(double lo, double hi) {
        List<Double> t = new ArrayList<>();
        boolean dense = hi - lo < 3;
        for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
            for (double m : dense ? new double[] {1, 2, 5} : new double[] {1}) {
                double v = m * Math.pow(10, e);
                double l = Math.log10(v);
                if (l >= lo && l <= hi) t.add(v);
            }
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ---- hovering --------------------------------------------------------------------------------

    private void buildHits() {
        hits.clear();
        if (data == null) return;
        String cur = data.currency() == null ? "" : " " + data.currency();
        for (Series s : drawn()) {
            List<Anomalies.Day> days = s.anomalies().days();
            for (int i = 0; i < s.points().size(); i++) {
                Point p = s.points().get(i);
                if (Double.isNaN(p.per1k())) continue;
                StringBuilder t = new StringBuilder();
                t.append(p.date())
                        .append(" (")
                        .append(p.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US))
                        .append(") — ")
                        .append(s.name())
                        .append('\n')
                        .append(money(p.per1k()))
                        .append(cur)
                        .append(" per 1,000 requests\n")
                        .append(String.format(Locale.US, "%,d requests, cost %s%s", p.requests(), cost(p.cost()), cur));
                Anomalies.Day a = days.get(i);
                if (a.flagged()) {
                    t.append(String.format(
                            Locale.US,
                            "\nUnusual day: expected %s, actual %s (%s%.1f σ)",
                            money(a.expected()),
                            money(a.value()),
                            a.score() > 0 ? "+" : "",
                            a.score()));
                }
                hits.add(new Hit(p.date().toEpochDay(), p.per1k(), t.toString(), s.key()));
            }
        }
        Series sel = data.find(selected);
        if (forecast != null && sel != null) {
            int pct = (int) Math.round(forecast.level() * 100);
            for (Forecast.Point p : forecast.points()) {
                hits.add(new Hit(
                        p.date().toEpochDay(),
                        p.point(),
                        String.format(
                                Locale.US,
                                "%s (%s) — forecast of %s%n%s%s per 1,000 requests%n"
                                        + "%d%% prediction interval %s – %s",
                                p.date(),
                                p.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US),
                                sel.name(),
                                money(p.point()),
                                cur,
                                pct,
                                money(p.lower()),
                                money(p.upper())),
                        sel.key()));
            }
        }
    }

    /** The description of the point nearest to the pixel within {@link #PICK_RADIUS}, or null. */
    public String describeAt(double px, double py) {
        Hit h = nearest(px, py);
        return h == null ? null : h.text();
    }

    private Hit nearest(double px, double py) {
        Hit best = null;
        double bestD = PICK_RADIUS * PICK_RADIUS;
        for (Hit h : hits) {
            double dx = toPixelX(h.day()) - px, dy = toPixelY(h.value()) - py;
            double d = dx * dx + dy * dy;
            // Later hits are drawn on top (the selected line, the forecast): they win ties.
            if (d <= bestD) {
                bestD = d;
                best = h;
            }
        }
        return best;
    }

    private void hover(MouseEvent e) {
        Hit h = nearest(e.getX(), e.getY());
        canvas.setCursor(h != null && h.key() != null ? Cursor.HAND : Cursor.DEFAULT);
        if (h == hovered) return;
        hovered = h;
        if (h == null) {
            plot.tooltip().hide();
            return;
        }
        plot.showTooltip(h.text(), toPixelX(h.day()), toPixelY(h.value()));
    }

    private void hideTooltip() {
        hovered = null;
        plot.tooltip().hide();
    }

    /** The tooltip shown on hover (for tests). */
    public Tooltip tooltip() {
        return plot.tooltip();
    }

    /** Unusual days ringed in the last drawing. */
    public int rings() {
        return rings;
    }

    /** Whether the last drawing shaded a prediction interval. */
    public boolean bandShown() {
        return data != null
                && forecast != null
                && data.find(selected) != null
                && !forecast.points().isEmpty()
                && canvas.getWidth() > 0;
    }

    // ---- drawing ---------------------------------------------------------------------------------

    /** Redraws everything (a few hundred points: cheap). */
    public void redraw() {
        rings = 0;
        ChartPen g = plot.clear();
        if (g == null) return;
        paint(g);
    }

    @Override
    public double chartWidth() {
        return plot.canvas().getWidth();
    }

    @Override
    public double chartHeight() {
        return plot.canvas().getHeight();
    }

    /** Draws everything at the canvas's current size on {@code g}: the screen's canvas or an export. */
    @Override
    public void paint(ChartPen g) {
        rings = 0;
        if (data == null) return;
        double pw = plot.plotWidth(), ph = plot.plotHeight();
        axes(g, pw, ph);
        plot.inPlotArea(g, () -> {
            Series sel = data.find(selected);
            if (forecast != null && sel != null) band(g, sel);
            for (Series s : drawn()) line(g, s, s == sel);
            if (forecast != null && sel != null) forecastLine(g, sel);
            for (Series s : drawn()) anomalies(g, s);
        });
        plot.frame(g);
    }

    private void line(ChartPen g, Series s, boolean emphasised) {
        Color c = colour(s);
        g.setStroke(emphasised || sel() == null ? c : c.deriveColor(0, 1, 1, 0.75));
        g.setLineWidth(emphasised ? 2.6 : 1.6);
        g.setLineDashes((double[]) null);
        boolean open = false;
        g.beginPath();
        for (Point p : s.points()) {
            if (Double.isNaN(p.per1k())) {
                open = false;
                continue;
            }
            double px = toPixelX(p.date()), py = toPixelY(p.per1k());
            if (open) g.lineTo(px, py);
            else g.moveTo(px, py);
            open = true;
        }
        g.stroke();
        // Dots only where days are far enough apart to tell them apart.
        double perDay = plot.plotWidth() / (d1 - d0);
        if (perDay < 7 && !emphasised) return;
        double r = perDay < 7 ? 1.8 : emphasised ? 3 : 2.3;
        g.setFill(c);
        for (Point p : s.points()) {
            if (Double.isNaN(p.per1k())) continue;
            g.fillOval(toPixelX(p.date()) - r, toPixelY(p.per1k()) - r, 2 * r, 2 * r);
        }
    }

    private Series sel() {
        return data == null ? null : data.find(selected);
    }

    private void band(ChartPen g, Series s) {
        List<Forecast.Point> f = forecast.points();
        Point last = lastKnown(s);
        Color c = colour(s);
        g.setFill(c.deriveColor(0, 1, 1, BAND_OPACITY));
        g.beginPath();
        // The band opens from the last known day so that it continues the line.
        if (last != null) g.moveTo(toPixelX(last.date()), toPixelY(last.per1k()));
        else g.moveTo(toPixelX(f.getFirst().date()), toPixelY(f.getFirst().upper()));
        for (Forecast.Point p : f) g.lineTo(toPixelX(p.date()), toPixelY(p.upper()));
        for (int i = f.size() - 1; i >= 0; i--)
            g.lineTo(toPixelX(f.get(i).date()), toPixelY(f.get(i).lower()));
        g.closePath();
        g.fill();
        // "Today": where the history ends.
        double px = toPixelX(s.points().getLast().date().toEpochDay() + 0.5);
        g.setStroke(Palette.current().axis());
        g.setLineWidth(1);
        g.setLineDashes(2, 4);
        g.strokeLine(px, TOP, px, TOP + plot.plotHeight());
        g.setLineDashes((double[]) null);
        g.setFill(Palette.current().mutedText());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(
                String.format(Locale.US, "forecast, %d%% interval →", Math.round(forecast.level() * 100)),
                px + 5,
                TOP + 4);
    }

    private void forecastLine(ChartPen g, Series s) {
        Point last = lastKnown(s);
        g.setStroke(colour(s).darker());
        g.setLineWidth(2);
        g.setLineDashes(7, 5);
        g.beginPath();
        List<Forecast.Point> f = forecast.points();
        if (last != null) g.moveTo(toPixelX(last.date()), toPixelY(last.per1k()));
        else g.moveTo(toPixelX(f.getFirst().date()), toPixelY(f.getFirst().point()));
        for (Forecast.Point p : f) g.lineTo(toPixelX(p.date()), toPixelY(p.point()));
        g.stroke();
        g.setLineDashes((double[]) null);
    }

    private static Point lastKnown(Series s) {
        Point p = s.points().getLast();
        return Double.isNaN(p.per1k()) ? null : p;
    }

    private void anomalies(ChartPen g, Series s) {
        g.setStroke(Palette.current().anomaly());
        g.setLineWidth(2.5);
        for (Anomalies.Day a : s.anomalies().flagged()) {
            double px = toPixelX(a.date()), py = toPixelY(a.value());
            g.strokeOval(px - 7, py - 7, 14, 14);
            rings++;
        }
    }

    private void axes(ChartPen g, double pw, double ph) {
        g.setFont(Font.font(11));
        g.setFill(Palette.current().text());
        if (logScale) {
            for (double v : logTicks(y0, y1)) plot.yTick(g, Math.round(toPixelY(v)) + 0.5, tick(v, v));
        } else {
            double[] yt = CanvasPlot.ticks(y0, y1, Math.max(2, (int) (ph / 45)));
            double yStep = yt.length > 1 ? yt[1] - yt[0] : 1;
            for (double v : yt) plot.yTick(g, Math.round(toPixelY(v)) + 0.5, tick(v, yStep));
        }
        int lastYear = Integer.MIN_VALUE;
        for (LocalDate d : dayTicks(pw)) {
            boolean monthly = monthlyTicks;
            String label = monthly ? d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) : DAY.format(d);
            if (d.getYear() != lastYear) label += "\n" + d.getYear();
            lastYear = d.getYear();
            plot.xTick(g, Math.round(toPixelX(d)) + 0.5, label);
        }
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("Day (UTC)", LEFT + pw / 2, TOP + ph + BOTTOM - 2);
        plot.yTitle(g, yLabel);
    }

    /** Tick days at least ~70 px apart: every 1 or 2 days, Mondays every 1 or 2 weeks, or firsts of every 1, 2, 3 or 6 months. */
    List<LocalDate> dayTicks(double pw) {
        double perDay = pw / (d1 - d0);
        LocalDate first = LocalDate.ofEpochDay((long) Math.ceil(d0));
        LocalDate last = LocalDate.ofEpochDay((long) Math.floor(d1));
        List<LocalDate> out = new ArrayList<>();
        monthlyTicks = false;
        for (int step : new int[] {1, 2, 7, 14}) {
            if (step * perDay < 70) continue;
            LocalDate d =
                    step >= 7 ? first.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)) : first;
            for (; !d.isAfter(last); d = d.plusDays(step)) out.add(d);
            return out;
        }
        monthlyTicks = true;
        for (int months : new int[] {1, 2, 3, 6, 12}) {
            if (months * 30.4 * perDay < 70 && months < 12) continue;
            LocalDate d = first.withDayOfMonth(1);
            if (d.isBefore(first)) d = d.plusMonths(1);
            while ((d.getMonthValue() - 1) % months != 0) d = d.plusMonths(1);
            for (; !d.isAfter(last); d = d.plusMonths(months)) out.add(d);
            return out;
        }
        return out;
    }

    /** A tick label with as many decimals as the step needs. */
    static String tick(double v, double step) {
        int decimals = Math.max(0, Math.min(6, (int) Math.ceil(-Math.log10(step) - 1e-9)));
        if (Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) decimals++;
        return String.format(Locale.US, "%,." + decimals + "f", v);
    }

    /** A unit cost for reading: about four significant digits, never fewer than two decimals. */
    static String money(double v) {
        if (Double.isNaN(v)) return "–";
        double a = Math.abs(v);
        int decimals = a >= 100 ? 2 : a >= 10 ? 3 : a >= 0.1 || a == 0 ? 4 : 6;
        return String.format(Locale.US, "%,." + decimals + "f", v);
    }

    /** A day's cost: to the cent, or with more decimals when it is below 1. */
    static String cost(java.math.BigDecimal c) {
        return c.abs().compareTo(java.math.BigDecimal.ONE) >= 0
                ? String.format(Locale.US, "%,.2f", c)
                : money(c.doubleValue());
    }

    // ---- legend ----------------------------------------------------------------------------------

    private void buildLegend() {
        legend.getChildren().clear();
        if (data == null) return;
        List<Series> entries = new ArrayList<>(data.series());
        entries.add(data.total());
        for (Series s : entries) {
            boolean isSel = s.key().equals(selected);
            Line swatch = new Line(0, 0, 18, 0);
            swatch.setStroke(colour(s));
            swatch.setStrokeWidth(isSel ? 3.5 : 2.5);
            int flagged = s.anomalies().flagged().size();
            Label l = new Label(s.name() + (flagged == 0 ? "" : " (" + flagged + " unusual)"), swatch);
            l.getStyleClass().add("unit-cost-legend");
            l.setUserData(s.key());
            if (isSel) l.getStyleClass().add("legend-selected");
            // The total is drawn only when it is the one forecast.
            else if (s == data.total()) swatch.setOpacity(0.4);
            l.setTooltip(new Tooltip(isSel ? "The forecast shown is of this line" : "Click to forecast this line"));
            l.setCursor(Cursor.HAND);
            l.setOnMouseClicked(e -> selectListeners.forEach(x -> x.accept(s.key())));
            legend.getChildren().add(l);
        }
        Line dashed = new Line(0, 0, 18, 0);
        dashed.getStrokeDashArray().setAll(5.0, 3.0);
        dashed.setStrokeWidth(2);
        dashed.setStroke(Palette.current().forecast());
        Rectangle band = new Rectangle(16, 10, Palette.current().forecast().deriveColor(0, 1, 1, BAND_OPACITY + 0.1));
        Label fc = new Label(
                String.format(Locale.US, "forecast and %d%% interval", Math.round(UnitCostDashboard.LEVEL * 100)),
                new javafx.scene.layout.HBox(2, dashed, band));
        Circle ring = new Circle(6, Color.TRANSPARENT);
        ring.setStroke(Palette.current().anomaly());
        ring.setStrokeWidth(2.5);
        Label unusual = new Label("unusual day", ring);
        legend.getChildren().addAll(fc, unusual);
    }
}
