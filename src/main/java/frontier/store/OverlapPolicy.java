package frontier.store;

/** What an import does when it covers an account and period that an earlier import already holds. */
public enum OverlapPolicy {
    /** Refuse: roll the import back and report the overlap (the default). */
    REFUSE,
    /** Delete the earlier rows of the same account whose charge period starts in the new import's period. */
    REPLACE,
    /** Keep both; totals then count the overlapping period twice. */
    KEEP_BOTH
}
