package frontier.app.explore;

/** One line of the details table: a field and its value for the selected point and the compared one. */
public record DetailRow(String field, String selected, String compared) {}
