package frontier.model.traffic;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;

/** A traffic specification: how requests arrive. Builds an {@link ArrivalProcess} per replication. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PoissonTraffic.class, name = "poisson"),
    @JsonSubTypes.Type(value = RenewalTraffic.class, name = "renewal"),
    @JsonSubTypes.Type(value = ProfileTraffic.class, name = "profile"),
    @JsonSubTypes.Type(value = MmppTraffic.class, name = "mmpp"),
    @JsonSubTypes.Type(value = ReplayTraffic.class, name = "replay"),
})
public sealed interface Traffic permits PoissonTraffic, RenewalTraffic, ProfileTraffic, MmppTraffic, ReplayTraffic {
    /**
     * @param rng     the traffic's own random stream
     * @param baseDir directory that relative file names are resolved against (the scenario's)
     */
    ArrivalProcess open(UniformRandomProvider rng, Path baseDir);

    /** Long-run mean arrival rate per second, NaN when it is only known from a file. */
    double meanRate();
}
