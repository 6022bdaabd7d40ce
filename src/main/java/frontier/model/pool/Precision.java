package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonValue;

/** The numeric precision a model variant's weights (and activations) run in; a label for comparisons. */
public enum Precision {
    FP32("fp32"),
    BF16("bf16"),
    FP16("fp16"),
    FP8("fp8"),
    INT8("int8"),
    INT4("int4");

    private final String code;

    Precision(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
