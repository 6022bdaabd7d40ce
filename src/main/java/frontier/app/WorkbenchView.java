package frontier.app;

import javafx.scene.Node;

/**
 * One screen of the workbench (Simulate, later Data, Costs, Sweeps…), listed in the navigation of the
 * {@link MainWindow}. The node is built once and kept while the user switches between views.
 */
public interface WorkbenchView {
    /** Short name shown in the navigation. */
    String title();

    /** The view's content; the same node on every call. */
    Node node();
}
