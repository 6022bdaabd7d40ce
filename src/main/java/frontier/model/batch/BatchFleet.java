package frontier.model.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.model.pool.Interruption;
import frontier.model.pool.Price;
import frontier.model.pool.SpotPool;
import frontier.sim.InvalidSpecException;
import java.util.List;

/**
 * The instances of a batch job: {@code instances} in all, each working through its own equal shard of the items;
 * {@code spot_share} of them (rounded to the nearest whole instance) on spot, interrupted as {@code interruption}
 * says (a hazard, a Spot Advisor bucket or an availability trace, as for a spot pool), with {@code notice_s} of
 * warning, a replacement launched {@code replacement_delay_s} later unless spot capacity is {@code unavailable}
 * then; the others on demand. {@code price} is the on-demand price of one instance (a catalogue entry gives the
 * spot price of the same instance too), {@code spot_price} the spot price when {@code price} is given inline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchFleet(
        @JsonProperty(required = true) int instances,
        Double spotShare,
        @JsonProperty(required = true) Price price,
        Price spotPrice,
        Interruption interruption,
        Double noticeS,
        Double replacementDelayS,
        List<SpotPool.Period> unavailable,
        Fallback fallback) {
    public BatchFleet {
        if (instances < 1) throw new InvalidSpecException("instances", "expected an integer >= 1, got " + instances);
        if (spotShare == null) spotShare = interruption != null ? 1.0 : 0.0;
        if (!(spotShare >= 0 && spotShare <= 1))
            throw new InvalidSpecException("spot_share", "expected a share from 0 to 1, got " + spotShare);
        InvalidSpecException.required("price", price);
        int spot = (int) Math.round(instances * spotShare);
        if (spot > 0 && interruption == null) {
            throw new InvalidSpecException(
                    "interruption",
                    "spot instances need an 'interruption' (hazard_per_hour, bucket or trace);"
                            + " set spot_share to 0 for an on-demand fleet");
        }
        if (spot > 0 && spotPrice == null && price.resolved()) {
            throw new InvalidSpecException(
                    "spot_price",
                    "give the spot price of an instance ('spot_price'), or a catalogue entry as"
                            + " 'price' (then the catalogue's spot price of the same instance is used)");
        }
        if (noticeS == null) noticeS = 120.0;
        InvalidSpecException.nonNegative("notice_s", noticeS);
        if (replacementDelayS == null) replacementDelayS = 60.0;
        InvalidSpecException.nonNegative("replacement_delay_s", replacementDelayS);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    /** How many instances run on spot: {@code instances × spot_share}, rounded to the nearest integer. */
    @JsonIgnore
    public int spotInstances() {
        return (int) Math.round(instances * spotShare);
    }

    /** The same fleet with resolved prices. */
    public BatchFleet withPrices(Price onDemand, Price spot) {
        return new BatchFleet(
                instances, spotShare, onDemand, spot, interruption, noticeS, replacementDelayS, unavailable, fallback);
    }
}
