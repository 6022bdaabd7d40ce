package frontier.scenario.alternatives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.PriceCatalogue;
import java.util.Optional;

/**
 * The catalogue instance type a pool runs on, read from its JSON: its catalogue price ({@code price.provider},
 * {@code price.instance_type}, {@code price.region}), else the instance type a twin's pool records beside its billed
 * hourly price ({@code instance_type}, with {@code provider} and {@code region} when given; AWS by default, as the
 * price section). {@code region} null means the provider's default region.
 */
public record PoolType(String provider, String region, String instanceType) {
    /** The pool's instance type, or empty when its JSON names none (an inline price only, a serverless pool). */
    public static Optional<PoolType> of(JsonNode pool) {
        if (pool == null || pool.path("type").asText().equals("serverless")) return Optional.empty();
        JsonNode price = pool.path("price");
        if (price.hasNonNull("instance_type"))
            return Optional.of(new PoolType(
                    price.path("provider").asText("aws"),
                    price.hasNonNull("region") ? price.get("region").asText() : null,
                    price.get("instance_type").asText()));
        JsonNode holder = pool;
        if (!holder.hasNonNull("instance_type")) return Optional.empty();
        return Optional.of(new PoolType(
                holder.hasNonNull("provider") ? holder.get("provider").asText() : "aws",
                holder.hasNonNull("region") ? holder.get("region").asText() : null,
                holder.get("instance_type").asText()));
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
