package frontier.twin;

import frontier.cost.GpuSpecs;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.cost.SpotInterruption;
import frontier.domain.PoolKind;
import frontier.domain.PricingModel;
import frontier.model.llm.LlmModels;
import frontier.sim.BadInputException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What served an endpoint when the bill shows no capacity for it (a log without a bill, or a bill of another
 * service): {@code instances} machines of one instance type of the price catalogue, on demand or spot, each billed
 * at the catalogue's price of that type and pricing model. The twin is then priced from the catalogue, and its
 * notes say so with the price's date and source.
 *
 * @param price        the catalogue's row: provider, region, type, pricing model (on-demand or spot), USD per hour, as-of
 * @param instances    how many served the endpoint (at least 1)
 * @param interruption for spot, the catalogue's interruption rate of the type, or null when it has none
 * @param model        the model it served, a name of {@code pricing-data/llm-models.csv} (weights and KV geometry), or
 *     null when not known; the twin's model is then named so, which sizes a cheaper GPU by what the model needs
 */
public record DeclaredCapacity(InstancePrice price, int instances, SpotInterruption interruption, String model) {
    /** Most instances one declared pool can have. */
    public static final int MAX_INSTANCES = 10_000;

    public DeclaredCapacity {
        if (price == null) throw new BadInputException("declared capacity: choose an instance type of the catalogue");
        if (price.pricingModel() != PricingModel.ON_DEMAND && price.pricingModel() != PricingModel.SPOT)
            throw new BadInputException("declared capacity: expected an on-demand or spot price, got "
                    + price.pricingModel().catalogueCode() + " for " + price.instanceType());
        if (instances < 1 || instances > MAX_INSTANCES)
            throw new BadInputException(
                    "declared capacity: expected 1 to " + MAX_INSTANCES + " instances, got " + instances);
        if (price.pricingModel() != PricingModel.SPOT) interruption = null;
        if (model != null && !LlmModels.bundled().containsKey(model))
            throw new BadInputException("declared capacity: no model '" + model + "' in pricing-data/llm-models.csv"
                    + " (known: " + String.join(", ", LlmModels.bundled().keySet()) + ")");
    }

    public DeclaredCapacity(InstancePrice price, int instances, SpotInterruption interruption) {
        this(price, instances, interruption, null);
    }

    /** The same capacity serving {@code model} (a name of {@code pricing-data/llm-models.csv}, or null). */
    public DeclaredCapacity withModel(String model) {
        return new DeclaredCapacity(price, instances, interruption, model);
    }

    /**
     * {@code instances} of {@code type} (the catalogue's on-demand row of a type) at the catalogue's price under
     * {@code model}; empty when the catalogue has no such price (spot is not listed for every type).
     */
    public static Optional<DeclaredCapacity> of(
            PriceCatalogue catalogue, InstancePrice type, PricingModel model, int instances) {
        return catalogue
                .instance(type.provider(), type.region(), type.instanceType(), model)
                .map(p -> new DeclaredCapacity(
                        p,
                        instances,
                        model == PricingModel.SPOT
                                ? catalogue
                                        .interruption(p.provider(), p.region(), p.instanceType())
                                        .orElse(null)
                                : null));
    }

    /** The pool kind: spot for a spot price, else always-on. */
    public PoolKind kind() {
        return price.pricingModel() == PricingModel.SPOT ? PoolKind.SPOT : PoolKind.ALWAYS_ON;
    }

    /** Billed cost of the pool per hour (USD): instances × the catalogue's hourly price. */
    public double usdPerHour() {
        return instances * price.usdPerHour().doubleValue();
    }

    /** The twin's pool as a plan: the bill's columns (hours, cost, resources) are 0, as nothing was billed. */
    PoolPlan plan() {
        return new PoolPlan(
                kind(),
                price.pricingModel(),
                price.instanceType(),
                instances,
                price.usdPerHour().doubleValue(),
                0,
                interruption == null ? 0 : interruption.hazardPerHour(),
                0,
                0,
                0,
                0,
                null,
                price.provider(),
                price.region());
    }

    /** The twin's note: what was declared and where its price comes from. */
    public String note(String endpoint) {
        String gpus = price.gpus() > 0 ? ", " + price.gpus() + " × " + price.gpuModel() : "";
        String spot = kind() != PoolKind.SPOT
                ? ""
                : interruption == null
                        ? "; the catalogue has no interruption rate for this type: no interruptions are simulated"
                        : String.format(
                                Locale.ROOT,
                                "; interruptions at the catalogue's rate for the type (bucket %s, %.4f per"
                                        + " instance-hour, as of %s)",
                                interruption.bucket(),
                                interruption.hazardPerHour(),
                                interruption.asOf());
        return String.format(
                        Locale.ROOT,
                        "the bill attributes no capacity to '%s': the twin runs on the capacity declared in the app, %d × %s"
                                + " (%s %s%s) %s, priced from the price catalogue at %s USD per instance-hour as of %s (%s)%s;"
                                + " the twin's cost is the catalogue's, not a billed one",
                        endpoint,
                        instances,
                        price.instanceType(),
                        price.provider(),
                        price.region(),
                        gpus,
                        price.pricingModel() == PricingModel.SPOT ? "on spot" : "on demand",
                        price.usdPerHour().stripTrailingZeros().toPlainString(),
                        price.asOf(),
                        price.source(),
                        spot)
                + (model == null ? "" : "; the model served was declared as " + model);
    }

    /**
     * The catalogue's on-demand GPU types that a log's names suggest ({@code names}: endpoint, model, file; a GPU
     * family such as "H100" or "A10G" written as a word, any case): those of that family, fewest GPUs first (a type of
     * more GPUs than served the log would cost that many times more), then those whose GPU memory the names state
     * ("80GB"), then cheapest. Empty when no name mentions a GPU family the catalogue knows.
     */
    public static List<InstancePrice> suggested(PriceCatalogue catalogue, List<String> names) {
        List<InstancePrice> onDemand = gpuTypes(catalogue);
        String text =
                String.join(" ", names.stream().filter(n -> n != null).toList()).toLowerCase(Locale.ROOT);
        // Longest family first, so that "h100" is not read as a shorter family's name.
        List<String> families = onDemand.stream()
                .map(p -> family(p.gpuModel()))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String f : families) {
            if (Pattern.compile("(^|[^a-z0-9])" + Pattern.quote(f) + "($|[^a-z0-9])")
                    .matcher(text)
                    .find()) {
                // A memory the names state ("80gb") decides between types of as many GPUs; the GPU count comes
                // first, as a type of more GPUs than served the log costs that many times more.
                java.util.Set<Integer> named = new java.util.HashSet<>();
                java.util.regex.Matcher gb =
                        Pattern.compile("(^|[^0-9])([0-9]{2,3}) ?gb?($|[^a-z])").matcher(text);
                while (gb.find()) named.add(Integer.parseInt(gb.group(2)));
                return onDemand.stream()
                        .filter(p -> family(p.gpuModel()).equals(f))
                        .sorted(Comparator.comparingInt(InstancePrice::gpus)
                                .thenComparing(p -> !named.contains((int) Math.round(GpuSpecs.memoryGiB(p.gpuModel()))))
                                .thenComparing(InstancePrice::usdPerHour))
                        .toList();
            }
        }
        return List.of();
    }

    /**
     * The model of {@code pricing-data/llm-models.csv} that a log's names suggest ({@code names}: endpoint, model,
     * file): one whose name is written in them (separators ignored: "llama2-70b" matches "Llama-2-70B"), else the only
     * model of a family named there as a word ("codellama" → codellama-34b when that is the table's only CodeLlama).
     * Empty when no name suggests one, or a family has several sizes and the names do not say which.
     */
    public static Optional<String> suggestedModel(List<String> names) {
        String text =
                String.join(" ", names.stream().filter(n -> n != null).toList()).toLowerCase(Locale.ROOT);
        String squeezed = text.replaceAll("[^a-z0-9]", "");
        List<String> models = LlmModels.bundled().keySet().stream().sorted().toList();
        Optional<String> whole = models.stream()
                .filter(m -> squeezed.contains(m.replaceAll("[^a-z0-9]", "")))
                .max(Comparator.comparingInt(String::length));
        if (whole.isPresent()) return whole;
        java.util.Map<String, List<String>> byFamily = new java.util.TreeMap<>();
        for (String m : models)
            byFamily.computeIfAbsent(modelFamily(m), f -> new java.util.ArrayList<>())
                    .add(m);
        for (var e : byFamily.entrySet()) {
            if (e.getValue().size() != 1) continue;
            java.util.regex.Matcher m = Pattern.compile(
                            "(^|[^a-z0-9])" + Pattern.quote(e.getKey()) + "($|[^a-z0-9.][^ ]*|[0-9.]+b[^ ]*)")
                    .matcher(text);
            boolean named = false, otherSize = false;
            while (m.find()) {
                named = true;
                // "llama2-7b" names the family with another size than the table's: not this model.
                java.util.regex.Matcher size =
                        Pattern.compile("^[-_ ]?([0-9.]+b)($|[^a-z0-9])").matcher(m.group(2));
                if (size.find() && !e.getValue().getFirst().endsWith("-" + size.group(1))) otherSize = true;
            }
            if (named && !otherSize) return Optional.of(e.getValue().getFirst());
        }
        return Optional.empty();
    }

    /** A model's family: its name without the size ("codellama-34b" → "codellama", "llama3.1-8b" → "llama3.1"). */
    static String modelFamily(String model) {
        return model.replaceFirst("-[0-9.]+b$", "");
    }

    /** The catalogue's on-demand types with an NVIDIA GPU of known memory (those a twin's alternatives can price). */
    public static List<InstancePrice> gpuTypes(PriceCatalogue catalogue) {
        return catalogue.instances().stream()
                .filter(p -> p.pricingModel() == PricingModel.ON_DEMAND && p.gpus() > 0 && p.gpuModel() != null)
                .filter(p -> !Double.isNaN(GpuSpecs.instanceMemoryGiB(p)))
                .toList();
    }

    /** A GPU model's family as logs name it: "H100-80GB" → "h100", "A10G" → "a10g". */
    static String family(String gpuModel) {
        String m = gpuModel.toLowerCase(Locale.ROOT);
        int dash = m.indexOf('-');
        return dash < 0 ? m : m.substring(0, dash);
    }
}
