package frontier.model;

/** Dollars of one pool in the observation window, by instance state, then per-request charges. */
record PoolCost(double busy, double idle, double starting, double draining, double requests) {
    double total() {
        return busy + idle + starting + draining + requests;
    }
}
