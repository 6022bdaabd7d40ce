package frontier.sim;

/**
 * Receives the events it scheduled. {@code kind} and {@code payload} are whatever the scheduler passed,
 * so one handler can serve several event types without allocating an event object per event.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(int kind, Object payload);
}
