package frontier.scenario.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.Scenario;

/**
 * One configuration of a sweep: its index (its place in the design), the swept values by canonical path
 * ({@code config}), the scenario it makes (validated like a file) and the seed its replications use.
 */
public record SweepPoint(int index, ObjectNode config, Scenario scenario, long seed) {}
