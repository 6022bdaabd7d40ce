package frontier.store;

import frontier.sim.BadInputException;
import java.util.List;

/** The import covers account periods that earlier imports hold; it was rolled back. Carries the overlaps. */
public final class OverlapException extends BadInputException {
    private final transient List<Overlap> overlaps;

    public OverlapException(String message, List<Overlap> overlaps) {
        super(message);
        this.overlaps = List.copyOf(overlaps);
    }

    public List<Overlap> overlaps() {
        return overlaps;
    }
}
