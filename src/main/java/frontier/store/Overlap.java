package frontier.store;

/** An earlier import that already covers part of an account period of the import being made. */
public record Overlap(ImportRecord earlier, AccountPeriod theirs, AccountPeriod ours) {}
