package frontier.store;

import frontier.sim.BadInputException;

/**
 * Another connection (an import in another Frontier, the app, a second thread) held the workspace's write
 * lock for longer than this one would wait, or SQLite reported the file busy or locked. Nothing was
 * written; the user can try again once the other writer has finished. A {@link BadInputException}, so
 * the CLI exits with code 2 and a one-line message, never a stack trace.
 */
public final class WorkspaceBusyException extends BadInputException {
    public WorkspaceBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
