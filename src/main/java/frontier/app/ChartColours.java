package frontier.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/**
 * Colours of the JavaFX charts without per-chart style sheets: a series gets style classes of
 * {@code frontier.css} ({@code colour-3}, {@code state-idle}, {@code pool-1}…) on its line, its data
 * nodes and its legend symbol, so it follows the theme's looked-up colours. Call after the chart has its
 * data (the nodes and the legend exist then); a series re-added later needs the call again.
 */
public final class ChartColours {
    private ChartColours() {}

    /** The categorical class for the {@code i}-th colour: {@code colour-0} … {@code colour-7}, repeating. */
    public static String colour(int i) {
        return "colour-" + Math.floorMod(i, Palette.SERIES);
    }

    /** Adds {@code classes} to the nodes of {@code chart}'s series number {@code index} and to its legend symbol. */
    public static void style(XYChart<?, ?> chart, int index, String... classes) {
        XYChart.Series<?, ?> series = chart.getData().get(index);
        List<String> add = List.of(classes);
        if (series.getNode() != null) addAll(series.getNode(), add);
        for (XYChart.Data<?, ?> d : series.getData()) {
            if (d.getNode() != null) addAll(d.getNode(), add);
        }
        for (Node n : chart.lookupAll(".chart-legend-item")) {
            if (n instanceof Label item
                    && item.getGraphic() != null
                    && item.getText() != null
                    && item.getText().equals(series.getName())) {
                addAll(item.getGraphic(), add);
            }
        }
    }

    private static void addAll(Node node, List<String> classes) {
        for (String c : classes) {
            if (!node.getStyleClass().contains(c)) node.getStyleClass().add(c);
        }
    }
}
