package frontier.store;

/** The period [start, end) (epoch s) that an import covers for one provider billing account. */
public record AccountPeriod(String provider, String billingAccount, long start, long end, long rows) {
    public boolean overlaps(long otherStart, long otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
