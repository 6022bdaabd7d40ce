package frontier.store;

import frontier.ingest.ReadOptions;
import frontier.ingest.UnknownFormatException;
import frontier.ingest.logs.LogReadOptions;
import frontier.ingest.logs.LogSource;
import frontier.sim.BadInputException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The one import of a file whose kind the user did not say: a billing export when its format is recognised, else
 * a request log when its mapping can be recognised from its columns, else an error giving both reasons. The
 * CLI's {@code frontier import} and the app's Data view both import through it.
 */
public final class FileImport {
    private FileImport() {}

    /** What was stored: exactly one of a billing import and a request-log import. */
    public record Outcome(ImportResult billing, LogImportResult log) {
        public Outcome {
            if ((billing == null) == (log == null))
                throw new IllegalArgumentException("exactly one of billing and log");
        }

        /** True when the file was stored as a request log. */
        public boolean isLog() {
            return log != null;
        }
    }

    /**
     * Imports {@code file} into {@code ws} as a billing export, or — when {@code read} names no format and the file is
     * no billing export Frontier knows — as a request log with a detected mapping (never replacing earlier requests).
     *
     * @param policy  what to do when the bill overlaps earlier imports
     * @param billing watches the billing import
     * @param asLog   called once the file turned out to be no billing export but a request log: the monitor of that import
     * @param logHint said after "…nor a request log with recognisable columns" when it is neither, e.g. how to import a
     *                log with a preset in this front end (may be empty)
     * @throws BadInputException naming both reasons when the file is neither
     */
    public static Outcome billingElseLog(
            Workspace ws,
            Path file,
            ReadOptions read,
            OverlapPolicy policy,
            ImportMonitor billing,
            Supplier<ImportMonitor> asLog,
            String logHint) {
        try {
            return new Outcome(ws.billing().importFile(file, read, policy, billing), null);
        } catch (UnknownFormatException notBilling) {
            if (read.format() != null) throw notBilling;
            recogniseLog(file, notBilling, logHint);
            return new Outcome(null, ws.requestLogs().importFile(file, LogReadOptions.DETECT, false, asLog.get()));
        }
    }

    /** Fails with both reasons when {@code file} is no request log whose mapping can be recognised either. */
    private static void recogniseLog(Path file, UnknownFormatException notBilling, String hint) {
        try (LogSource ignored = LogSource.open(file, LogReadOptions.DETECT)) {
            // recognised: the import reads it again from the start
        } catch (BadInputException notLog) {
            throw new BadInputException(
                    file.getFileName()
                            + " is neither a known billing export nor a request log with recognisable columns" + hint
                            + ".\nAs a billing export: " + notBilling.getMessage() + "\nAs a request log: "
                            + notLog.getMessage(),
                    notLog);
        }
    }
}
