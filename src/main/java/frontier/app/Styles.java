package frontier.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The workbench style sheet, kept in code and served as a data URI so the app needs no resource files. */
final class Styles {
    private static final String CSS = """
            .root { -fx-font-size: 13px; }
            .navigation { -fx-background-color: #2b3440; -fx-control-inner-background: #2b3440; -fx-padding: 6 0 0 0; }
            .navigation .list-cell { -fx-text-fill: #e6e9ee; -fx-padding: 10 14 10 14; -fx-font-size: 14px; -fx-background-color: transparent; }
            .navigation .list-cell:filled:selected { -fx-background-color: #3d7bd9; -fx-text-fill: white; }
            .navigation .list-cell:filled:hover { -fx-background-color: #3a4656; }
            .section-title { -fx-font-weight: bold; -fx-text-fill: #4a5462; -fx-padding: 0 0 2 0; }
            .scenario-name { -fx-font-size: 18px; -fx-font-weight: bold; }
            .scenario-file { -fx-text-fill: #6b7480; -fx-font-size: 11px; }
            .status.error { -fx-text-fill: #b3261e; -fx-font-weight: bold; }
            .status.done { -fx-text-fill: #1e6b34; }
            .summary-table .column-header .label { -fx-font-weight: bold; }
            .chart-title { -fx-font-size: 14px; }
            .chart-bar { -fx-bar-fill: #3d7bd9; }
            .chart-bar:hover { -fx-bar-fill: #f08c2e; }
            """;

    private Styles() {
    }

    static String dataUri() {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));
    }
}
