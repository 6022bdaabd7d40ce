package frontier.model;

/**
 * One request while it is in the system. Lives only from arrival to departure; statistics keep
 * aggregates, never requests, so memory does not grow with the run length.
 */
public final class Request {
    final double arrival;
    double serviceStart;

    Request(double arrival) {
        this.arrival = arrival;
    }

    public double arrival() {
        return arrival;
    }
}
