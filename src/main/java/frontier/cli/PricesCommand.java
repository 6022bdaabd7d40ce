package frontier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.CatalogueCsv;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.cost.ServerlessRate;
import frontier.cost.SpotAdvisorImport;
import frontier.cost.SpotInterruption;
import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import frontier.text.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier prices ...}: show the price catalogue, convert the AWS Spot Advisor feed. See docs/pricing.md. */
@Command(
        name = "prices",
        mixinStandardHelpOptions = true,
        description = "The dated price catalogue: instance prices, spot interruption buckets, serverless rates.",
        subcommands = {PricesCommand.ListPrices.class, PricesCommand.SpotAdvisor.class})
final class PricesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or spot-advisor");
    }

    /** {@code frontier prices list}: the shipped catalogue (optionally overridden by the user's) as a table, JSON or CSV. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List catalogue rows with their source and date (instance prices by default).")
    static final class ListPrices implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--kind",
                paramLabel = "KIND",
                defaultValue = "instances",
                description = "instances (default), interruptions or serverless.")
        String kind;

        @Option(names = "--provider", paramLabel = "P", description = "Only this provider (aws, gcp, azure, ...).")
        String provider;

        @Option(names = "--region", paramLabel = "R", description = "Only this region.")
        String region;

        @Option(
                names = "--type",
                paramLabel = "SUBSTRING",
                description = "Only instance types (or serverless platforms) containing this text.")
        String type;

        @Option(
                names = "--model",
                paramLabel = "M",
                description = "Only this pricing model: on_demand, spot or committed.")
        String model;

        @Option(
                names = "--catalogue",
                paramLabel = "FILE_OR_DIR",
                description =
                        "Your catalogue CSV file, or a directory of them; its rows replace shipped rows with the same key.")
        Path catalogue;

        @CommandLine.ArgGroup(exclusive = true)
        Format format;

        static final class Format {
            @Option(names = "--json", description = "Print JSON (fields in docs/pricing.md).")
            boolean json;

            @Option(names = "--csv", description = "Print catalogue CSV that --catalogue can read back.")
            boolean csv;
        }

        @Override
        public Integer call() throws IOException {
            PriceCatalogue cat = PriceCatalogue.shipped();
            if (catalogue != null) cat = cat.overriddenBy(PriceCatalogue.load(catalogue));
            PricingModel pm = model == null
                    ? null
                    : PricingModel.fromCatalogue(model)
                            .orElseThrow(() -> new BadInputException(
                                    "--model: expected on_demand, spot, committed or serverless, got '" + model + "'"));
            PrintWriter out = spec.commandLine().getOut();
            boolean json = format != null && format.json;
            boolean csv = format != null && format.csv;
            switch (kind.toLowerCase(Locale.ROOT)) {
                case "instances" -> {
                    List<InstancePrice> rows = cat.instances().stream()
                            .filter(p -> matches(provider, p.provider())
                                    && matches(region, p.region())
                                    && contains(type, p.instanceType())
                                    && (pm == null || p.pricingModel() == pm))
                            .toList();
                    if (json) out.println(instancesJson(rows));
                    else if (csv) print(out, w -> CatalogueCsv.writeInstances(w, rows));
                    else out.print(instancesTable(rows));
                }
                case "interruptions" -> {
                    noModel();
                    List<SpotInterruption> rows = cat.interruptions().stream()
                            .filter(p -> matches(provider, p.provider())
                                    && matches(region, p.region())
                                    && contains(type, p.instanceType()))
                            .toList();
                    if (json) out.println(interruptionsJson(rows));
                    else if (csv) print(out, w -> CatalogueCsv.writeInterruptions(w, rows));
                    else out.print(interruptionsTable(rows));
                }
                case "serverless" -> {
                    noModel();
                    List<ServerlessRate> rows = cat.serverlessRates().stream()
                            .filter(p -> matches(provider, p.provider())
                                    && matches(region, p.region())
                                    && contains(type, p.platform()))
                            .toList();
                    if (json) out.println(serverlessJson(rows));
                    else if (csv) print(out, w -> CatalogueCsv.writeServerless(w, rows));
                    else out.print(serverlessTable(rows));
                }
                default ->
                    throw new BadInputException(
                            "--kind: expected instances, interruptions or serverless, got '" + kind + "'");
            }
            return FrontierCli.OK;
        }

        private void noModel() {
            if (model != null)
                throw new BadInputException("--model applies to instance prices only (--kind instances)");
        }
    }

    /** {@code frontier prices spot-advisor FILE --out CSV}: the AWS feed as a spot-interruption catalogue file. */
    @Command(
            name = "spot-advisor",
            mixinStandardHelpOptions = true,
            description =
                    "Convert the AWS Spot Instance Advisor JSON feed (Linux rows, all regions) into a catalogue CSV for --catalogue.")
    static final class SpotAdvisor implements Callable<Integer> {
        private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d\\d-\\d\\d-\\d\\d)");

        @Spec
        CommandSpec spec;

        @Parameters(
                paramLabel = "FILE",
                description = "spot-advisor-data.json as downloaded from " + SpotAdvisorImport.FEED_URL)
        Path file;

        @Option(
                names = "--out",
                paramLabel = "CSV",
                required = true,
                description = "Catalogue CSV file to write (replaced if it exists).")
        Path out;

        @Option(
                names = "--as-of",
                paramLabel = "DATE",
                description =
                        "The day the feed describes (ISO date). Required unless the file name contains one (e.g. spot-advisor_2025-06-28.json).")
        String asOf;

        @Override
        public Integer call() throws IOException {
            LocalDate date = date();
            List<SpotInterruption> rows = SpotAdvisorImport.read(file, date);
            Path target = out.toAbsolutePath();
            Path dir = target.getParent();
            if (dir == null || !Files.isDirectory(dir))
                throw new BadInputException("--out " + out + ": the directory does not exist");
            try {
                AtomicFile.write(target, stream -> {
                    Writer w =
                            new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
                    CatalogueCsv.writeInterruptions(w, rows);
                    w.flush();
                });
            } catch (IOException e) {
                throw new BadInputException(
                        "--out " + out + ": cannot write in " + dir + " (" + e.getMessage() + ")", e);
            }
            long regions =
                    rows.stream().map(SpotInterruption::region).distinct().count();
            long types =
                    rows.stream().map(SpotInterruption::instanceType).distinct().count();
            spec.commandLine()
                    .getOut()
                    .println("Wrote " + rows.size() + " interruption rows (" + regions + " regions, " + types
                            + " instance types, as of " + date + ") to " + out);
            return FrontierCli.OK;
        }

        private LocalDate date() {
            if (asOf != null) {
                try {
                    return LocalDate.parse(asOf.strip());
                } catch (DateTimeParseException e) {
                    throw new BadInputException("--as-of: expected an ISO date such as 2025-06-28, got '" + asOf + "'");
                }
            }
            Matcher m = DATE_IN_NAME.matcher(file.getFileName().toString());
            if (m.find()) {
                try {
                    return LocalDate.parse(m.group(1));
                } catch (DateTimeParseException e) {
                    // fall through to the request for --as-of
                }
            }
            throw new BadInputException("--as-of DATE is required: the feed carries no date and the file name '"
                    + file.getFileName() + "' contains none");
        }
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.equalsIgnoreCase(value);
    }

    private static boolean contains(String wanted, String value) {
        return wanted == null || value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }

    private interface CsvBody {
        void write(StringWriter w) throws IOException;
    }

    private static void print(PrintWriter out, CsvBody body) throws IOException {
        StringWriter w = new StringWriter();
        body.write(w);
        out.print(w);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String instancesJson(List<InstancePrice> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode a = root.putArray("instances");
        for (InstancePrice p : rows) {
            ObjectNode o = a.addObject();
            o.put("provider", p.provider()).put("region", p.region()).put("instance_type", p.instanceType());
            if (p.gpuModel() == null) o.putNull("gpu_model");
            else o.put("gpu_model", p.gpuModel());
            o.put("gpus", p.gpus())
                    .put("vcpus", p.vcpus())
                    .put("memory_gib", p.memoryGib())
                    .put("pricing_model", p.pricingModel().catalogueCode())
                    .put("usd_per_hour", p.usdPerHour())
                    .put("source", p.source())
                    .put("as_of", p.asOf().toString());
        }
        return write(root);
    }

    static String interruptionsJson(List<SpotInterruption> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode a = root.putArray("interruptions");
        for (SpotInterruption s : rows) {
            a.addObject()
                    .put("provider", s.provider())
                    .put("region", s.region())
                    .put("instance_type", s.instanceType())
                    .put("bucket", s.bucket())
                    .put("monthly_frequency", s.monthlyFrequency())
                    .put("hazard_per_hour", s.hazardPerHour())
                    .put("source", s.source())
                    .put("as_of", s.asOf().toString());
        }
        return write(root);
    }

    static String serverlessJson(List<ServerlessRate> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode a = root.putArray("serverless");
        for (ServerlessRate s : rows) {
            a.addObject()
                    .put("platform", s.platform())
                    .put("region", s.region())
                    .put("usd_per_request", s.usdPerRequest())
                    .put("usd_per_gb_second", s.usdPerGbSecond())
                    .put("usd_per_vcpu_second", s.usdPerVcpuSecond())
                    .put("usd_per_gpu_second", s.usdPerGpuSecond())
                    .put("billing_increment_s", s.billingIncrementS())
                    .put("source", s.source())
                    .put("as_of", s.asOf().toString());
        }
        return write(root);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String instancesTable(List<InstancePrice> rows) {
        if (rows.isEmpty()) return "No instance prices match.\n";
        return table(
                List.of(
                        "PROVIDER",
                        "REGION",
                        "INSTANCE TYPE",
                        "GPU",
                        "VCPU",
                        "MEM GiB",
                        "MODEL",
                        "USD/HOUR",
                        "AS OF",
                        "SOURCE"),
                List.of(false, false, false, false, true, true, false, true, false, false),
                rows,
                p -> List.of(
                        p.provider(),
                        p.region(),
                        p.instanceType(),
                        p.gpuModel() == null ? "-" : p.gpus() + "x " + p.gpuModel(),
                        Integer.toString(p.vcpus()),
                        number(p.memoryGib()),
                        p.pricingModel().catalogueCode(),
                        p.usdPerHour().toPlainString(),
                        p.asOf().toString(),
                        p.source()));
    }

    static String interruptionsTable(List<SpotInterruption> rows) {
        if (rows.isEmpty()) return "No spot interruption rows match.\n";
        return table(
                List.of("PROVIDER", "REGION", "INSTANCE TYPE", "BUCKET", "MONTHLY P", "HAZARD/HOUR", "AS OF", "SOURCE"),
                List.of(false, false, false, false, true, true, false, false),
                rows,
                s -> List.of(
                        s.provider(),
                        s.region(),
                        s.instanceType(),
                        s.bucket(),
                        String.format(Locale.ROOT, "%.3f", s.monthlyFrequency()),
                        String.format(Locale.ROOT, "%.3e", s.hazardPerHour()),
                        s.asOf().toString(),
                        s.source()));
    }

    static String serverlessTable(List<ServerlessRate> rows) {
        if (rows.isEmpty()) return "No serverless rates match.\n";
        return table(
                List.of(
                        "PLATFORM",
                        "REGION",
                        "USD/REQUEST",
                        "USD/GB-S",
                        "USD/VCPU-S",
                        "USD/GPU-S",
                        "INCREMENT S",
                        "AS OF",
                        "SOURCE"),
                List.of(false, false, true, true, true, true, true, false, false),
                rows,
                s -> List.of(
                        s.platform(),
                        s.region(),
                        s.usdPerRequest().toPlainString(),
                        s.usdPerGbSecond().toPlainString(),
                        s.usdPerVcpuSecond().toPlainString(),
                        s.usdPerGpuSecond().toPlainString(),
                        number(s.billingIncrementS()),
                        s.asOf().toString(),
                        s.source()));
    }

    /** Columns padded to their widest cell; the last column (the source) is left unpadded. */
    private static <T> String table(
            List<String> header, List<Boolean> right, List<T> rows, Function<T, List<String>> cells) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (T r : rows) all.add(cells.apply(r));
        int n = header.size();
        int[] width = new int[n];
        for (List<String> row : all)
            for (int i = 0; i < n - 1; i++)
                width[i] = Math.max(width[i], row.get(i).length());
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < n; i++) {
                String c = row.get(i);
                if (i == n - 1) sb.append(c);
                else if (right.get(i))
                    sb.append(" ".repeat(width[i] - c.length())).append(c).append("  ");
                else sb.append(c).append(" ".repeat(width[i] - c.length())).append("  ");
            }
            sb.append('\n');
        }
        sb.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        return sb.toString();
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
