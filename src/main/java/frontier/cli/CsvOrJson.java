package frontier.cli;

import frontier.sim.BadInputException;

/** The output choice of the commands that print a table, {@code --json} or {@code --csv} (cells: {@link frontier.text.Csv}). */
final class CsvOrJson {
    private CsvOrJson() {}

    /** Asking for both {@code --json} and {@code --csv} is bad input. */
    static void requireNotBoth(boolean csv, boolean json) {
        if (json && csv) throw new BadInputException("--json and --csv: choose one");
    }
}
