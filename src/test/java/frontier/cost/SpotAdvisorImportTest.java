package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotAdvisorImportTest {
    static final LocalDate DAY = LocalDate.of(2025, 6, 28);

    @TempDir
    Path dir;

    private static Path sample(String name) {
        return frontier.ingest.Samples.pricing(name);
    }

    @Test
    void theRealFeedGivesEveryLinuxRowOfEveryRegion() {
        List<SpotInterruption> rows = SpotAdvisorImport.read(sample("aws_spot_advisor_data_2025-06-28.json"), DAY);
        assertEquals(14_962, rows.size());
        assertEquals(33, rows.stream().map(SpotInterruption::region).distinct().count());
        assertTrue(rows.stream()
                .allMatch(r -> r.provider().equals("aws")
                        && r.asOf().equals(DAY)
                        && r.source().contains(SpotAdvisorImport.FEED_URL)));
        assertTrue(rows.stream().allMatch(r -> SpotInterruption.BUCKETS.contains(r.bucket())));
        assertEquals(
                rows.stream()
                        .sorted(java.util.Comparator.comparing(SpotInterruption::region)
                                .thenComparing(SpotInterruption::instanceType))
                        .toList(),
                rows);
    }

    @Test
    void theFeedMatchesTheCsvSubsetDerivedFromIt() throws IOException {
        Path feed = sample("aws_spot_advisor_data_2025-06-28.json");
        Path subset = sample("aws_spot_advisor_inference_subset_2025-06-28.csv");
        Map<String, SpotAdvisorImport.Entry> entries = SpotAdvisorImport.entries(feed, "Linux").stream()
                .collect(Collectors.toMap(e -> e.region() + "/" + e.instanceType(), Function.identity()));
        Map<String, SpotInterruption> rows = SpotAdvisorImport.read(feed, DAY).stream()
                .collect(Collectors.toMap(e -> e.region() + "/" + e.instanceType(), Function.identity()));
        List<CSVRecord> expected = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(subset))
                .getRecords();
        assertEquals(156, expected.size());
        for (CSVRecord r : expected) {
            String key = r.get("region") + "/" + r.get("instance_type");
            SpotAdvisorImport.Entry e = entries.get(key);
            assertEquals(Integer.parseInt(r.get("savings_over_on_demand_pct")), e.savingsPercent(), key);
            assertEquals(r.get("interruption_frequency_bucket"), e.bucket(), key);
            assertEquals(r.get("interruption_frequency_bucket"), rows.get(key).bucket(), key);
        }
        // A few rows spelled out, as read by eye in the sample CSV.
        assertEquals("15-20%", rows.get("us-east-1/g4dn.xlarge").bucket());
        assertEquals(64, entries.get("us-east-1/g4dn.xlarge").savingsPercent());
        assertEquals("<5%", rows.get("us-east-1/p5en.48xlarge").bucket());
        assertEquals(
                SpotInterruption.hazardPerHourForBucket("<5%"),
                rows.get("us-east-1/inf2.xlarge").hazardPerHour());
        assertEquals("5-10%", rows.get("eu-west-1/inf2.xlarge").bucket());
        assertEquals(
                -62, entries.get("ca-central-1/p5.48xlarge").savingsPercent(), "negative savings in the feed are kept");
        assertTrue(
                SpotAdvisorImport.entries(feed, "Windows").stream().noneMatch(e -> e.os().equals("Linux")),
                "one system at a time");
    }

    @Test
    void aSmallFeedIsReadWhateverTheOrderOfItsSections() throws IOException {
        Path f = dir.resolve("feed.json");
        Files.writeString(f, """
                {"spot_advisor": {"us-east-1": {"Windows": {"g5.xlarge": {"s": 10, "r": 0}},
                                                "Linux": {"g5.xlarge": {"s": 59, "r": 4}, "c7i.xlarge": {"r": 1, "s": 61, "x": [1]}}}},
                 "instance_types": {"g5.xlarge": {"cores": 4, "ram_gb": 16.0, "emr": true}},
                 "ranges": [{"index": 0, "label": "<5%", "max": 5}, {"index": 1, "label": "5-10%", "max": 11},
                            {"index": 4, "label": ">20%", "max": 100}],
                 "global_rate": "<10%"}
                """);
        List<SpotInterruption> rows = SpotAdvisorImport.read(f, DAY);
        assertEquals(
                List.of("c7i.xlarge", "g5.xlarge"),
                rows.stream().map(SpotInterruption::instanceType).toList());
        assertEquals("5-10%", rows.get(0).bucket());
        assertEquals(">20%", rows.get(1).bucket());
        assertEquals(0.25, rows.get(1).monthlyFrequency());
    }

    @Test
    void aBrokenFeedIsBadInputWithLineAndColumn() throws IOException {
        String[][] cases = {
            {"{\"ranges\": [", "not valid JSON"},
            {"[1, 2]", "line 1, column"},
            {
                "{\"spot_advisor\": {\"us-east-1\": {\"Linux\": {\"g5.xlarge\": {\"s\": \"many\", \"r\": 4}}}}, \"ranges\": [{\"index\": 4, \"label\": \">20%\"}]}",
                "$.spot_advisor.us-east-1.Linux.g5.xlarge"
            },
            {
                "{\"spot_advisor\": {\"us-east-1\": {\"Linux\": {\"g5.xlarge\": {\"s\": 5, \"r\": 9}}}}, \"ranges\": [{\"index\": 4, \"label\": \">20%\"}]}",
                "a range index listed in $.ranges"
            },
            {"{\"spot_advisor\": {}}", "no $.ranges"},
            {"{\"ranges\": [{\"index\": 0, \"label\": \"rare\"}]}", "$.ranges[].label"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.json");
            Files.writeString(f, c[0]);
            BadInputException e = assertThrows(BadInputException.class, () -> SpotAdvisorImport.read(f, DAY), c[0]);
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c[1]), e.getMessage());
        }
        assertThrows(BadInputException.class, () -> SpotAdvisorImport.read(dir.resolve("absent.json"), DAY));
    }
}
