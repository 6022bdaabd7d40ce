package frontier.sim;

/**
 * The user's input (a scenario, a trace, a parameter) is wrong. The message names where (file, line,
 * column or JSON path) and what was expected; front ends show it as is and exit with code 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
