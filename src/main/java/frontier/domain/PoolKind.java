package frontier.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The kinds of serving pool: what a scenario's pool {@code type} says, what a twin infers from a bill and
 * what {@code calibrate --first} chooses among. The codes are the scenario JSON spelling.
 */
public enum PoolKind implements Coded {
    /** A fixed number of instances, billed by the hour whether busy or not. */
    ALWAYS_ON("always_on", "Always on"),
    /** Instances started and stopped by an autoscaling policy. */
    AUTOSCALED("autoscaled", "Autoscaled"),
    /** Instances per request with keep-alive, billed per request and duration. */
    SERVERLESS("serverless", "Serverless"),
    /** Always-on capacity that the provider can take back (interruptions). */
    SPOT("spot", "Spot");

    private final String code;
    private final String label;

    PoolKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The scenario JSON spelling: {@code always_on}, {@code autoscaled}, {@code serverless}, {@code spot}. */
    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The name shown to people. */
    public String label() {
        return label;
    }

    /** The kind with this code; BadInputException naming the codes if there is none. */
    public static PoolKind fromCode(String code) {
        return Coded.fromCode(PoolKind.class, code, "pool kind");
    }

    /** The kind with this code, if any. */
    public static Optional<PoolKind> find(String code) {
        return Coded.find(PoolKind.class, code);
    }
}
