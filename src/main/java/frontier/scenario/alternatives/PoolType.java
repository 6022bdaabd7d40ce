package frontier.scenario.alternatives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.PriceCatalogue;
import java.util.Optional;

/**
 * The catalogue instance type a pool runs on, read from its price section: a catalogue price ({@code provider},
 * {@code instance_type}, {@code region}) or an inline {@code usd_per_hour} that names its machine (a twin's billed
 * price); AWS when no provider is given, as the price section. {@code region} null means the provider's default.
 */
public record PoolType(String provider, String region, String instanceType) {
    /** The pool's instance type, or empty when its JSON names none (an inline price only, a serverless pool). */
    public static Optional<PoolType> of(JsonNode pool) {
        if (pool == null || pool.path("type").asText().equals("serverless")) return Optional.empty();
        JsonNode price = pool.path("price");
        if (price.hasNonNull("instance_type")) {
            return Optional.of(new PoolType(
                    price.path("provider").asText("aws"),
                    price.hasNonNull("region") ? price.get("region").asText() : null,
                    price.get("instance_type").asText()));
        }
        return Optional.empty();
    }

    /** The region prices are looked up in: the one given, else the provider's default. */
    public String regionOrDefault() {
        return region != null ? region : PriceCatalogue.defaultRegion(provider).orElse(null);
    }

    /** A catalogue price section for this type ({@code provider}, {@code instance_type}, {@code region} if given). */
    public ObjectNode asPrice() {
        ObjectNode p = Edit.F.objectNode();
        p.put("provider", provider);
        p.put("instance_type", instanceType);
        if (region != null) p.put("region", region);
        return p;
    }
}
