package frontier.ingest;

import frontier.sim.BadInputException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The format of one billing export: detected ({@link FormatDetection}) from its first part's columns, or insisted
 * on through {@link ReadOptions}; every later part of a manifest must be of the same format and cost basis. Makes
 * each part's mapper.
 */
final class ExportFormat {
    private final ReadOptions options;
    private final Path origin;
    private final Consumer<String> notes;
    private BillingFormat format;
    private String label;
    private CostBasis basis;

    ExportFormat(ReadOptions options, Path origin, Consumer<String> notes) {
        this.options = options;
        this.origin = origin;
        this.notes = notes;
    }

    /** Detects the format of part {@code name} from its columns and returns the mapper of its rows. */
    RowMapper mapperFor(RowSource rows, String name) {
        if (rows.jsonLines()) {
            return use(
                    FormatDetection.ofJsonLines(rows.detection(), options.format(), name), rows.columns(), true, name);
        }
        Columns c = rows.columns();
        BillingFormat found = FormatDetection.of(c, options.format(), name);
        c.clearAmbiguous();
        RowMapper mapper = use(found, c, false, name);
        c.requireUnambiguous(name);
        return mapper;
    }

    /** Reads a part as {@code f}: its mapper, and its label and basis, which every part of a manifest shares. */
    private RowMapper use(BillingFormat f, Columns c, boolean jsonLines, String name) {
        BillingFormat.Reader r = f.reader(c, new BillingFormat.Context(options, origin, notes, jsonLines));
        if (format == null) {
            format = f;
            label = r.label();
            basis = r.basis();
        } else if (format != f || basis != r.basis()) {
            throw new BadInputException(
                    name + ": is a " + r.label() + " file, but the earlier parts of " + origin + " are " + label);
        }
        return r.mapper();
    }

    BillingFormat format() {
        return format;
    }

    String label() {
        return label;
    }

    CostBasis basis() {
        return basis;
    }
}
