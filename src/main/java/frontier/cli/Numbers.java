package frontier.cli;

import frontier.sim.BadInputException;

/** Whole-number options of the commands: range checks whose message names the option. */
final class Numbers {
    private Numbers() {}

    /** Bad input "OPTION: expected an integer >= MIN, got VALUE" unless {@code value >= min}. */
    static void atLeast(String option, long value, long min) {
        if (value < min) throw new BadInputException(option + ": expected an integer >= " + min + ", got " + value);
    }
}
