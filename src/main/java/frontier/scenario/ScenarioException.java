package frontier.scenario;

import frontier.sim.BadInputException;

/** A scenario file cannot be used; the message names the file, the JSON path and what was expected. */
public final class ScenarioException extends BadInputException {
    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
