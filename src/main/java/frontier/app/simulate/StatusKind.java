package frontier.app.simulate;

/** How the status line should look. */
public enum StatusKind {
    INFO,
    RUNNING,
    DONE,
    ERROR
}
