package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Billing input that is valid in form but absurd or hostile in content (issue 13, items 1, 2, 7, 8, 9) is refused
 * with a message naming the file, the line and, where there is one, the column; nothing of it is read as data.
 */
class HostileBillingInputTest {
    static final String FOCUS_HEADER =
            "BilledCost,EffectiveCost,ListCost,BillingCurrency,BillingAccountId,ChargeCategory,"
                    + "ChargePeriodStart,ChargePeriodEnd,ServiceName,ProviderName\n";
    static final String FOCUS_ROW = "1.50,1.20,2.00,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n";
    static final InputLimits SMALL = new InputLimits(64 * 1024, 256 * 1024);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static long drain(Path f, ReadOptions o) {
        try (BillingSource s = BillingSource.open(f, o)) {
            long n = 0;
            while (s.next() != null) n++;
            return n;
        }
    }

    private static BadInputException refused(Path f, ReadOptions o) {
        BadInputException e = assertThrows(BadInputException.class, () -> drain(f, o));
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        return e;
    }

    /** A .csv.gz of a few kilobytes whose one field expands to {@code chars} characters, written as it is compressed. */
    private Path gzipWithHugeField(String name, String header, String before, long chars, String after)
            throws IOException {
        Path f = dir.resolve(name);
        try (Writer w = new java.io.OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(f), 1 << 16), StandardCharsets.UTF_8)) {
            w.write(header);
            w.write(before);
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, '7');
            for (long done = 0; done < chars; done += block.length)
                w.write(block, 0, (int) Math.min(block.length, chars - done));
            w.write(after);
        }
        return f;
    }

    @Test
    void aGzippedFieldThatExpandsBeyondTheLimitIsRefusedWithFileLineColumnAndLimit() throws IOException {
        // 64 MiB of one digit: about 65 KB compressed. The old reader grew its buffer for the whole field.
        Path f = gzipWithHugeField(
                "huge-field.csv.gz",
                FOCUS_HEADER,
                FOCUS_ROW + "1.",
                64L << 20,
                ",1,2,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertTrue(Files.size(f) < 200_000, "a small file: " + Files.size(f));
        BadInputException e = refused(f, ReadOptions.DETECT.withLimits(SMALL));
        assertEquals(
                f + ": line 3, column 1: a field longer than the limit of 65,536 characters (64 Ki); raise it with -D"
                        + InputLimits.FIELD_PROPERTY + "=… or " + InputLimits.FIELD_ENV + "=… if the file is genuine",
                e.getMessage());
        // The default limit (1 Mi characters) refuses it too.
        assertTrue(refused(f, ReadOptions.DETECT)
                .getMessage()
                .contains("a field longer than the limit of 1,048,576 characters (1 Mi)"));
    }

    @Test
    void aRecordOfManyShortFieldsIsBoundedByTheLineLimit() throws IOException {
        Path f = write("wide.csv", FOCUS_HEADER + FOCUS_ROW + ",".repeat(300_000) + "\n");
        assertEquals(
                f + ": line 3: a line longer than the limit of 262,144 characters (256 Ki); raise it with -D"
                        + InputLimits.LINE_PROPERTY + "=… or " + InputLimits.LINE_ENV + "=… if the file is genuine",
                refused(f, ReadOptions.DETECT.withLimits(SMALL)).getMessage());
    }

    @Test
    void aQuotedFieldSpanningManyLinesCountsAsOneField() throws IOException {
        Path f = write(
                "multiline.csv",
                FOCUS_HEADER + FOCUS_ROW + "\"" + "x\n".repeat(40_000)
                        + "\",1,2,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertTrue(refused(f, ReadOptions.DETECT.withLimits(SMALL))
                .getMessage()
                .startsWith(f + ": line 3, column 1: a field longer than the limit"));
    }

    @Test
    void aJsonLinesLineBeyondTheLimitIsRefusedBeforeItIsBuffered() throws IOException {
        String line =
                "{\"billing_account_id\":\"01\",\"usage_start_time\":\"2025-03-01T00:00:00Z\",\"usage_end_time\":\"2025-03-01T01:00:00Z\","
                        + "\"cost\":1,\"currency\":\"USD\"}\n";
        Path f = gzipWithHugeField(
                "huge-line.jsonl.gz", line, "{\"billing_account_id\":\"01\",\"x\":[", 8L << 20, "]}\n");
        assertEquals(
                f + ": line 2: a line longer than the limit of 262,144 characters (256 Ki); raise it with -D"
                        + InputLimits.LINE_PROPERTY + "=… or " + InputLimits.LINE_ENV + "=… if the file is genuine",
                refused(f, ReadOptions.DETECT.withLimits(SMALL)).getMessage());
        assertTrue(refused(f, ReadOptions.DETECT)
                .getMessage()
                .contains("line 2: a line longer than the limit of 4,194,304 characters (4 Mi)"));
    }

    @Test
    void jacksonLimitsInGcpJsonLinesAreLocatedBadInputNotANullPointer() throws IOException {
        String ok =
                "{\"billing_account_id\":\"01\",\"usage_start_time\":\"2025-03-01T00:00:00Z\",\"usage_end_time\":\"2025-03-01T01:00:00Z\","
                        + "\"cost\":1,\"currency\":\"USD\"}\n";
        Path deep = write("deep.jsonl", ok + "{\"labels\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n");
        BadInputException e = refused(deep, ReadOptions.DETECT);
        assertTrue(e.getMessage().startsWith(deep + ": line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("nesting at most 200 levels"), e.getMessage());

        Path longString = write("long-string.jsonl", ok + "{\"billing_account_id\":\"" + "9".repeat(100_000) + "\"}\n");
        e = refused(longString, ReadOptions.DETECT.withLimits(SMALL));
        assertTrue(e.getMessage().startsWith(longString + ": line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("strings at most 65,536 characters"), e.getMessage());

        Path longNumber = write("long-number.jsonl", ok + "{\"cost\":" + "9".repeat(5000) + "}\n");
        assertTrue(refused(longNumber, ReadOptions.DETECT).getMessage().startsWith(longNumber + ": line 2"));
    }

    @Test
    void jsonKeysThatMeanTheSameFieldAreRefused() throws IOException {
        String base =
                "\"billing_account_id\":\"01\",\"usage_start_time\":\"2025-03-01T00:00:00Z\",\"usage_end_time\":\"2025-03-01T01:00:00Z\",\"currency\":\"USD\"";
        Path twice = write("twice.jsonl", "{" + base + ",\"cost\":1,\"cost\":1000}\n");
        assertTrue(refused(twice, ReadOptions.DETECT).getMessage().contains("line 1"));
        Path twins = write("twins.jsonl", "{" + base + ",\"cost\":1,\"Cost\":1000}\n");
        assertEquals(
                twins
                        + ": line 1: two keys mean the same field 'cost' (keys are compared by their letters and digits only); keep one",
                refused(twins, ReadOptions.DETECT).getMessage());
    }

    @Test
    void chargePeriodsOutsideTwoThousandToTwentyOneHundredAreRefusedNamingLineAndColumn() throws IOException {
        Path end9999 = write(
                "end9999.csv",
                FOCUS_HEADER + FOCUS_ROW
                        + "1.50,1.20,2.00,USD,acct,Usage,2024-09-01T00:00:00Z,9999-12-31T00:00:00Z,EC2,AWS\n");
        assertEquals(
                end9999 + ": line 3, column 8 (ChargePeriodEnd): expected a date-time from 2000-01-01 to 2100-01-01"
                        + " (a date outside that window is a corrupt line), got '9999-12-31T00:00:00Z'",
                refused(end9999, ReadOptions.DETECT).getMessage());
        Path start1970 = write(
                "start1970.csv",
                FOCUS_HEADER + "1.50,1.20,2.00,USD,acct,Usage,1970-01-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertTrue(refused(start1970, ReadOptions.DETECT)
                .getMessage()
                .startsWith(
                        start1970 + ": line 2, column 7 (ChargePeriodStart): expected a date-time from 2000-01-01"));
        Path azure = write(
                "azure-actual.csv",
                "Date,CostInBillingCurrency,BillingCurrency,SubscriptionId\n09/01/2023,1.5,USD,s\n12/31/1999,1.5,USD,s\n");
        assertTrue(refused(azure, ReadOptions.DETECT)
                .getMessage()
                .startsWith(azure + ": line 3, column 1 (Date): expected a date-time from 2000-01-01"));
    }

    @Test
    void aChargePeriodLongerThanABillingMonthAndSlackIsRefused() throws IOException {
        Path year = write(
                "year.csv",
                FOCUS_HEADER + "1200,100,1200,USD,acct,Purchase,2024-01-01T00:00:00Z,2025-01-01T00:00:00Z,EC2,AWS\n");
        assertEquals(
                year
                        + ": line 2, column 8 (ChargePeriodEnd): expected a charge period of at most 35 days (a billing month and some slack);"
                        + " this line's covers 366.0 days from 2024-01-01T00:00:00Z, got '2025-01-01T00:00:00Z'",
                refused(year, ReadOptions.DETECT).getMessage());
        // A whole 31-day month, and one with a day of slack either side, are ordinary.
        assertEquals(
                2,
                drain(
                        write(
                                "month.csv",
                                FOCUS_HEADER
                                        + "5,5,5,USD,acct,Purchase,2024-01-01T00:00:00Z,2024-02-01T00:00:00Z,EC2,AWS\n"
                                        + "5,5,5,USD,acct,Tax,2023-12-31T00:00:00Z,2024-02-02T00:00:00Z,EC2,AWS\n"),
                        ReadOptions.DETECT));
    }

    @Test
    void aColumnTheMapperReadsThatAppearsTwiceIsRefusedNamingIt() throws IOException {
        Path cur = write(
                "cur2-twice.csv",
                "line_item_usage_start_date,line_item_usage_end_date,line_item_line_item_type,line_item_unblended_cost,"
                        + "line_item_currency_code,line_item_unblended_cost\n2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,Usage,1.5,USD,1500\n");
        assertEquals(
                cur
                        + ": line 1: column 'line_item_unblended_cost' appears 2 times (columns 4, 6); which copy to read would be a guess:"
                        + " remove or rename the copies",
                refused(cur, ReadOptions.DETECT).getMessage());
        Path twins = write(
                "cur-twins.csv",
                "lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/LineItemType,lineItem/UnblendedCost,"
                        + "lineItem/CurrencyCode,line_item_unblended_cost\n2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,Usage,1.5,USD,1500\n");
        assertTrue(refused(twins, ReadOptions.DETECT)
                .getMessage()
                .contains("column 'lineItem/UnblendedCost' / 'line_item_unblended_cost' appears 2 times"));
        Path tags = write(
                "tag-twice.csv",
                "lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/LineItemType,lineItem/UnblendedCost,"
                        + "lineItem/CurrencyCode,resourceTags/user:team,resourceTags/user:team\n2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,Usage,1.5,USD,a,b\n");
        assertTrue(refused(tags, ReadOptions.DETECT)
                .getMessage()
                .contains("column 'resourceTags/user:team' appears 2 times (columns 6, 7)"));
        // A repeated column that no mapper reads is harmless.
        assertEquals(
                1,
                drain(
                        write(
                                "unread-twice.csv",
                                "x_Note,x_Note," + FOCUS_HEADER.replace("\n", "") + "\na,b," + FOCUS_ROW),
                        ReadOptions.DETECT));
    }

    @Test
    void onlyAsciiDigitsAreNumbers() throws IOException {
        Path f = write(
                "fullwidth.csv",
                FOCUS_HEADER + "１.５０,1.20,2.00,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertEquals(
                f + ": line 2, column 1 (BilledCost): expected a decimal number (like 12.50 or -0.0003), got '１.５０'",
                refused(f, ReadOptions.DETECT).getMessage());
        Path arabic = write(
                "arabic.csv",
                FOCUS_HEADER + "1.50,١٫٢,2.00,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertTrue(refused(arabic, ReadOptions.DETECT).getMessage().contains("column 2 (EffectiveCost)"));
    }

    @Test
    void aFocusEffectiveCostMustBeThereAsTheSpecRequires() throws IOException {
        Path empty = write(
                "no-effective.csv",
                FOCUS_HEADER + "1.50,,2.00,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertEquals(
                empty + ": line 2, column 2 (EffectiveCost): expected a decimal number, got nothing",
                refused(empty, ReadOptions.DETECT).getMessage());
        Path nul = write(
                "null-effective.csv",
                FOCUS_HEADER + "1.50,NULL,2.00,USD,acct,Usage,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,EC2,AWS\n");
        assertTrue(refused(nul, ReadOptions.DETECT).getMessage().contains("column 2 (EffectiveCost)"));
    }

    @Test
    void aHeaderOnlyExportIsRefusedAsNoDataRows() throws IOException {
        Path f = write("header-only.csv", FOCUS_HEADER);
        assertEquals(
                f + ": no data rows (the file has a header but no charges); nothing to import",
                refused(f, ReadOptions.DETECT).getMessage());
        Path gz = dir.resolve("header-only.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(FOCUS_HEADER.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(refused(gz, ReadOptions.DETECT).getMessage().contains("no data rows"));
    }

    @Test
    void limitsAreConfiguredByPropertyWithBinarySuffixes() {
        assertEquals(1L << 20, InputLimits.parseSize("1M", "x"));
        assertEquals(512L << 10, InputLimits.parseSize(" 512k ", "x"));
        assertEquals(123, InputLimits.parseSize("123", "x"));
        assertThrows(BadInputException.class, () -> InputLimits.parseSize("４M", "x"));
        assertThrows(BadInputException.class, () -> InputLimits.parseSize("0", "x"));
        assertThrows(BadInputException.class, () -> InputLimits.parseSize("3G", "x"), "beyond what a Java array holds");
        String before = System.getProperty(InputLimits.FIELD_PROPERTY);
        try {
            System.setProperty(InputLimits.FIELD_PROPERTY, "2K");
            assertEquals(2048, InputLimits.configured().maxFieldChars());
            assertEquals(2048, ReadOptions.DETECT.limits().maxFieldChars());
        } finally {
            if (before == null) System.clearProperty(InputLimits.FIELD_PROPERTY);
            else System.setProperty(InputLimits.FIELD_PROPERTY, before);
        }
    }
}
