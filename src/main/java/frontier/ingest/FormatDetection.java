package frontier.ingest;

import java.util.List;

/**
 * Which {@link BillingFormat} a header is: the one insisted on (then its missing columns are an error), else the
 * first whose required columns are all there (else an {@link UnknownFormatException} listing, per format, what is
 * missing). Reads only column names, never rows.
 */
final class FormatDetection {
    private FormatDetection() {}

    /** The format of a CSV or Parquet header {@code c} of file {@code name}, {@code wanted} if not null. */
    static BillingFormat of(Columns c, BillingFormat wanted, String name) {
        if (wanted != null) {
            List<String> missing = wanted.missing(c);
            if (!missing.isEmpty()) {
                throw new frontier.sim.BadInputException(name + ": line 1: not a " + wanted.label()
                        + " export: missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                        + " (header: " + preview(c.names()) + ")");
            }
            return wanted;
        }
        StringBuilder why = new StringBuilder();
        for (BillingFormat f : BillingFormat.values()) {
            List<String> missing = f.missing(c);
            if (missing.isEmpty()) return f;
            why.append("\n  ").append(f.label()).append(": missing ").append(String.join(", ", missing));
        }
        throw new UnknownFormatException(
                name + ": line 1: unknown billing export format. Formats tried:" + why + "\n  (the header has "
                        + c.size() + " column" + (c.size() == 1 ? "" : "s") + ": " + preview(c.names()) + ")");
    }

    /**
     * The format of JSON Lines whose first line has the keys {@code detect}: only the GCP export is read from JSON,
     * so anything else wanted is an error, as is a first line without GCP's required keys.
     */
    static BillingFormat ofJsonLines(Columns detect, BillingFormat wanted, String name) {
        if (wanted != null && wanted != BillingFormat.GCP) {
            throw new frontier.sim.BadInputException(name + ": is JSON Lines; only the " + BillingFormat.GCP.label()
                    + " is read from JSON, not " + wanted.label());
        }
        List<String> missing = BillingFormat.GCP.missing(detect);
        if (!missing.isEmpty()) {
            throw new UnknownFormatException(name + ": line 1: JSON Lines that are not a " + BillingFormat.GCP.label()
                    + ": missing " + String.join(", ", missing) + " (keys found: " + preview(detect.names()) + ")");
        }
        return BillingFormat.GCP;
    }

    /** The first 12 column names, each cut at 40 characters, for messages. */
    static String preview(List<String> names) {
        List<String> shown = names.size() > 12 ? names.subList(0, 12) : names;
        String s = String.join(
                ", ",
                shown.stream()
                        .map(n -> n.length() > 40 ? n.substring(0, 40) + "…" : n)
                        .toList());
        return names.size() > 12 ? s + ", … " + (names.size() - 12) + " more" : s;
    }
}
