package frontier.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the AWS Spot Instance Advisor feed ({@code https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json}):
 * {@code ranges} (bucket labels by index) and {@code spot_advisor.<region>.<os>.<type> = {s: savings %, r: range index}}.
 * Streams the file with a token parser and keeps only one small entry per (region, type), so the 900 KB feed
 * needs a few MB at most. The feed carries no date: the caller says which day it describes.
 */
public final class SpotAdvisorImport {
    /** Where the rows say they come from. */
    public static final String FEED_URL = "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json";

    /**
     * One (region, instance type) of the feed for one operating system: savings over on-demand in percent (the feed
     * has a few negative values, spot dearer than on-demand, kept as given) and interruption bucket.
     */
    public record Entry(String region, String os, String instanceType, int savingsPercent, String bucket) {}

    private SpotAdvisorImport() {}

    /** Every Linux row of the feed, sorted by region then instance type, as interruption rows dated {@code asOf}. */
    public static List<SpotInterruption> read(Path spotAdvisorJson, LocalDate asOf) {
        String source = "AWS Spot Instance Advisor feed " + FEED_URL + " (Linux), imported from "
                + spotAdvisorJson.getFileName();
        return entries(spotAdvisorJson, "Linux").stream()
                .map(e -> SpotInterruption.ofBucket("aws", e.region(), e.instanceType(), e.bucket(), source, asOf))
                .toList();
    }

    /** Every row of the feed for one operating system ({@code Linux} or {@code Windows}), sorted by region then type. */
    public static List<Entry> entries(Path spotAdvisorJson, String os) {
        record Raw(String region, String type, int savings, int range, JsonLocation at) {}
        Map<Integer, String> labels = new HashMap<>();
        List<Raw> raws = new ArrayList<>();
        String file = spotAdvisorJson.toString();
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(spotAdvisorJson))) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, file, "$", "an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "ranges" -> {
                        expect(p, t, JsonToken.START_ARRAY, file, "$.ranges", "an array of {index, label}");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            Integer index = null;
                            String label = null;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                JsonToken v = p.nextToken();
                                if (k.equals("index") && v == JsonToken.VALUE_NUMBER_INT) index = p.getIntValue();
                                else if (k.equals("label") && v == JsonToken.VALUE_STRING) label = p.getText();
                                else p.skipChildren();
                            }
                            if (index == null || label == null) {
                                throw bad(
                                        file,
                                        p.currentLocation(),
                                        "$.ranges[]",
                                        "objects with an integer index and a string label");
                            }
                            try {
                                labels.put(index, SpotInterruption.canonicalBucket(label));
                            } catch (BadInputException e) {
                                throw bad(
                                        file,
                                        p.currentLocation(),
                                        "$.ranges[].label",
                                        "one of " + SpotInterruption.BUCKETS + ", got '" + label + "'");
                            }
                        }
                    }
                    case "spot_advisor" -> {
                        expect(p, t, JsonToken.START_OBJECT, file, "$.spot_advisor", "an object keyed by region");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String region = p.currentName();
                            expect(
                                    p,
                                    p.nextToken(),
                                    JsonToken.START_OBJECT,
                                    file,
                                    "$.spot_advisor." + region,
                                    "an object keyed by operating system");
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String system = p.currentName();
                                JsonToken v = p.nextToken();
                                if (!system.equals(os)) {
                                    p.skipChildren();
                                    continue;
                                }
                                String path = "$.spot_advisor." + region + "." + system;
                                expect(p, v, JsonToken.START_OBJECT, file, path, "an object keyed by instance type");
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String type = p.currentName();
                                    expect(
                                            p,
                                            p.nextToken(),
                                            JsonToken.START_OBJECT,
                                            file,
                                            path + "." + type,
                                            "an object {s, r}");
                                    Integer s = null;
                                    Integer r = null;
                                    JsonLocation at = p.currentLocation();
                                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                                        String k = p.currentName();
                                        JsonToken n = p.nextToken();
                                        if (k.equals("s") && n == JsonToken.VALUE_NUMBER_INT) s = p.getIntValue();
                                        else if (k.equals("r") && n == JsonToken.VALUE_NUMBER_INT) r = p.getIntValue();
                                        else p.skipChildren();
                                    }
                                    if (s == null || r == null || s > 100) {
                                        throw bad(
                                                file,
                                                at,
                                                path + "." + type,
                                                "an object with integer s (savings % over on-demand, at most 100) and r (range index)");
                                    }
                                    raws.add(new Raw(region, type, s, r, at));
                                }
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (StreamReadException e) {
            JsonLocation l = e.getLocation();
            throw new BadInputException(
                    file + ": line " + (l == null ? "?" : l.getLineNr()) + ", column "
                            + (l == null ? "?" : l.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + ")",
                    e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the Spot Advisor feed (" + e.getMessage() + ")", e);
        }
        if (labels.isEmpty())
            throw new BadInputException(file + ": no $.ranges: this does not look like the AWS Spot Advisor feed");
        List<Entry> out = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            String label = labels.get(r.range());
            if (label == null) {
                throw bad(
                        file,
                        r.at(),
                        "$.spot_advisor." + r.region() + "." + os + "." + r.type() + ".r",
                        "a range index listed in $.ranges " + labels.keySet() + ", got " + r.range());
            }
            out.add(new Entry(r.region(), os, r.type(), r.savings(), label));
        }
        out.sort(Comparator.comparing(Entry::region).thenComparing(Entry::instanceType));
        return out;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted, String file, String path, String what) {
        if (got != wanted) throw bad(file, p.currentLocation(), path, what);
    }

    private static BadInputException bad(String file, JsonLocation l, String path, String what) {
        return new BadInputException(
                file + ": line " + l.getLineNr() + ", column " + l.getColumnNr() + " (" + path + "): expected " + what);
    }
}
