package frontier.app.data;

import frontier.ingest.logs.LogMapping;
import frontier.store.ImportRecord;
import frontier.store.LogImportRecord;
import frontier.store.Periods;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the Data view's import history: a billing import or a request-log import (exactly one of
 * the two records is set), with what the table shows of either.
 */
public record ImportEntry(ImportRecord billing, LogImportRecord log) {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** The kind shown for request-log imports. */
    public static final String REQUESTS = "requests";
    /** The kind shown for billing imports. */
    public static final String BILLING = "billing";

    public ImportEntry {
        if ((billing == null) == (log == null))
            throw new IllegalArgumentException("exactly one of billing and log must be given");
    }

    public static ImportEntry of(ImportRecord r) {
        return new ImportEntry(r, null);
    }

    public static ImportEntry of(LogImportRecord r) {
        return new ImportEntry(null, r);
    }

    public boolean isLog() {
        return log != null;
    }

    /** {@value #BILLING} or {@value #REQUESTS}. */
    public String kind() {
        return isLog() ? REQUESTS : BILLING;
    }

    /** The import's id among imports of its kind (billing and log imports are numbered apart). */
    public long id() {
        return isLog() ? log.id() : billing.id();
    }

    public String source() {
        return isLog() ? log.source() : billing.source();
    }

    public String fileName() {
        return Path.of(source()).getFileName().toString();
    }

    /** The billing format, or for a log the preset ("preset burstgpt") or "detected mapping". */
    public String format() {
        if (!isLog()) return billing.format();
        return log.preset() == null ? "detected mapping" : "preset " + log.preset();
    }

    /** The cost basis of a billing import; empty for a log. */
    public String basis() {
        return isLog() ? "" : billing.basis().code();
    }

    public long rows() {
        return isLog() ? log.rows() : billing.rows();
    }

    /**
     * The charge period of a billing import, or the first and last request start of a log to the minute
     * ("2023-11-16 18:17 – 19:14"), in UTC; empty when there are no rows.
     */
    public String period() {
        if (isLog()) {
            if (log.firstTs() == null) return "";
            Instant first = Instant.ofEpochSecond((long) Math.floor(log.firstTs())),
                    last = Instant.ofEpochSecond((long) Math.floor(log.lastTs()));
            // Logs often cover hours, not days: the end's date only when it differs.
            boolean sameDay = DAY.format(first).equals(DAY.format(last));
            return MINUTE.format(first) + " – " + (sameDay ? TIME : MINUTE).format(last);
        }
        return billing.periodStart() == null ? "" : Periods.range(billing.periodStart(), billing.periodEnd());
    }

    /** The accounts of a billing import; empty for a log. */
    public String accounts() {
        return isLog() ? "" : billing.accounts();
    }

    public Instant importedAt() {
        return isLog() ? log.importedAt() : billing.importedAt();
    }

    /** Where the rows came from and how: file, hash, size, time and, for a log, the mapping used. */
    public String details() {
        String sha = isLog() ? log.sha256() : billing.sha256();
        long bytes = isLog() ? log.bytes() : billing.bytes();
        double seconds = isLog() ? log.seconds() : billing.seconds();
        String s = source() + "\nSHA-256 " + sha
                + String.format(Locale.US, "\n%,d bytes, imported in %.2f s", bytes, seconds);
        return isLog() ? s + "\nMapping: " + LogMapping.fromJson(log.mapping()).describe() : s;
    }

    /** "billing import #3 (focus.csv)" or "request-log import #1 (trace.csv)". */
    public String describe() {
        return (isLog() ? "request-log import #" : "billing import #") + id() + " (" + fileName() + ")";
    }
}
