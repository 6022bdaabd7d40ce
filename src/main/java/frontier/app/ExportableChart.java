package frontier.app;

/** A code-drawn chart that can draw itself, at its size on screen, on any {@link ChartPen}: what {@link ChartExport} exports. */
public interface ExportableChart {
    /** Width in pixels at which the chart is laid out (its canvas's width). */
    double chartWidth();

    /** Height in pixels at which the chart is laid out. */
    double chartHeight();

    /** Draws the whole chart (axes, data, legend) at {@link #chartWidth()} × {@link #chartHeight()} on {@code pen}. */
    void paint(ChartPen pen);
}
