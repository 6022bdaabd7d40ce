package frontier.ingest.logs;

import frontier.domain.Coded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mappings of known public traces and log formats, chosen with {@code --preset NAME} or recognised
 * from a file's columns. A preset is a partial mapping in the string form of {@link LogMapping}; the
 * columns of its {@link #optional()} fields may be missing from a file (the field is then unmapped).
 */
public enum LogPreset implements Coded {
    AZURE_LLM_2023(
            "azure-llm-2023",
            LogLayout.CSV,
            "Azure LLM inference trace 2023 (Splitwise)",
            "TIMESTAMP (2023-11-16 18:17:03.9799600: 7 fractional digits, no offset = UTC), ContextTokens,"
                    + " GeneratedTokens; no latency",
            List.of(
                    "timestamp=TIMESTAMP",
                    "timestamp_kind=iso",
                    "input_tokens=ContextTokens",
                    "output_tokens=GeneratedTokens"),
            Set.of(),
            List.of("TIMESTAMP", "ContextTokens", "GeneratedTokens")),
    AZURE_LLM_2024(
            "azure-llm-2024",
            LogLayout.CSV,
            "Azure LLM inference trace 2024 (DynamoLLM, one week)",
            "TIMESTAMP (2024-05-10 00:00:00.009930+00:00: offset, mixed precision), ContextTokens, GeneratedTokens; no"
                    + " latency",
            List.of(
                    "timestamp=TIMESTAMP",
                    "timestamp_kind=iso",
                    "input_tokens=ContextTokens",
                    "output_tokens=GeneratedTokens"),
            Set.of(),
            List.of("TIMESTAMP", "ContextTokens", "GeneratedTokens")),
    BURSTGPT(
            "burstgpt",
            LogLayout.CSV,
            "BurstGPT (ChatGPT/GPT-4 usage in Azure OpenAI)",
            "Timestamp (s since the start), Model, Request tokens, Response tokens, Elapsed time (s, optional), Log"
                    + " Type → attrs",
            List.of(
                    "timestamp=Timestamp",
                    "timestamp_kind=since_start_s",
                    "model=Model",
                    "input_tokens=Request tokens",
                    "output_tokens=Response tokens",
                    "latency=Elapsed time",
                    "latency_unit=s"),
            Set.of("latency"),
            List.of("Timestamp", "Model", "Request tokens", "Response tokens")),
    MOONCAKE(
            "mooncake",
            LogLayout.JSONL,
            "Mooncake (FAST'25) request traces",
            "JSON Lines: timestamp (ms since the start), input_length, output_length; hash_ids → attrs",
            List.of(
                    "timestamp=timestamp",
                    "timestamp_kind=since_start_ms",
                    "input_tokens=input_length",
                    "output_tokens=output_length"),
            Set.of(),
            List.of("timestamp", "input_length", "output_length")),
    AZURE_FUNCTIONS_2021(
            "azure-functions-2021",
            LogLayout.CSV,
            "Azure Functions invocation trace 2021",
            "app, func, end_timestamp (s since the start; the END of the invocation), duration (s)",
            List.of(
                    "timestamp=end_timestamp",
                    "timestamp_kind=since_start_s",
                    "timestamp_is=end",
                    "latency=duration",
                    "latency_unit=s",
                    "endpoint=app",
                    "model=func"),
            Set.of(),
            List.of("app", "func", "end_timestamp", "duration")),
    AZURE_FUNCTIONS_2019(
            "azure-functions-2019",
            LogLayout.PER_MINUTE,
            "Azure Functions trace 2019, invocations per function and minute",
            "HashOwner, HashApp, HashFunction, Trigger, 1 … 1440 (counts per minute of the day, spread into arrivals);"
                    + " --start is the day",
            List.of("timestamp=timestamp", "timestamp_kind=since_start_s", "endpoint=HashApp", "model=HashFunction"),
            Set.of(),
            List.of("HashOwner", "HashApp", "HashFunction", "Trigger", "1")),
    AWS_LAMBDA(
            "aws-lambda",
            LogLayout.CSV,
            "AWS Lambda per-request log (pacslab serverless-performance-modeling)",
            "client_start_time (epoch s), client_elapsed_time (s); is_cold, aws_duration … → attrs",
            List.of(
                    "timestamp=client_start_time",
                    "timestamp_kind=epoch_s",
                    "latency=client_elapsed_time",
                    "latency_unit=s"),
            Set.of(),
            List.of("client_start_time", "client_elapsed_time")),
    TORCHSERVE(
            "torchserve",
            LogLayout.TORCHSERVE,
            "TorchServe access log (access_log.log)",
            "lines 'TIME - /IP:PORT \"METHOD URI PROTOCOL\" STATUS MS' (TIME = the END, log4j ISO8601, local time read"
                    + " as UTC); model from the URI (/predictions/M, /v1/models/M:predict, /v2/models/M/infer)",
            List.of(
                    "timestamp=timestamp",
                    "timestamp_kind=iso",
                    "timestamp_is=end",
                    "latency=duration_ms",
                    "latency_unit=ms",
                    "model=model",
                    "status=status",
                    "ok_values=2xx,0"),
            Set.of(),
            List.of()),
    OTEL_GENAI(
            "otel-genai",
            LogLayout.OTEL_SPANS,
            "OpenTelemetry GenAI spans (OTLP JSON, or one span per line)",
            "startTimeUnixNano, endTimeUnixNano (epoch ns), attributes gen_ai.request.model, gen_ai.usage.input_tokens,"
                    + " gen_ai.usage.output_tokens, status.code (2 = error), resource service.name → endpoint",
            List.of(
                    "timestamp=startTimeUnixNano",
                    "timestamp_kind=epoch_ns",
                    "end=endTimeUnixNano",
                    "model=gen_ai.request.model|gen_ai.response.model",
                    "endpoint=service.name",
                    "status=status.code",
                    "error_values=2,STATUS_CODE_ERROR,ERROR",
                    "input_tokens=gen_ai.usage.input_tokens|gen_ai.usage.prompt_tokens",
                    "output_tokens=gen_ai.usage.output_tokens|gen_ai.usage.completion_tokens"),
            Set.of("model", "endpoint", "status", "input_tokens", "output_tokens"),
            List.of("startTimeUnixNano", "endTimeUnixNano")),
    AIPERF(
            "aiperf",
            LogLayout.JSONL,
            "NVIDIA AIPerf per-request records (profile_export.jsonl)",
            "JSON Lines: metadata.request_start_ns, metadata.request_end_ns (epoch ns),"
                    + " metrics.input_sequence_length.value, metrics.output_sequence_length.value,"
                    + " metrics.time_to_first_token.value (ms), error.code (4xx/5xx = error; null error = success)",
            List.of(
                    "timestamp=metadata.request_start_ns",
                    "timestamp_kind=epoch_ns",
                    "end=metadata.request_end_ns",
                    "status=error.code",
                    "error_values=4xx,5xx",
                    "input_tokens=metrics.input_sequence_length.value",
                    "output_tokens=metrics.output_sequence_length.value|metrics.output_token_count.value",
                    "ttft=metrics.time_to_first_token.value",
                    "ttft_unit=ms"),
            Set.of("status", "input_tokens", "output_tokens", "ttft"),
            List.of("metadata.request_start_ns", "metadata.request_end_ns", "metadata.x_request_id")),
    ALIBABA_SD(
            "alibaba-sd",
            LogLayout.CSV,
            "Alibaba GenAI 2026 Stable-Diffusion request trace (lora_request_trace)",
            "gmt_create (no offset = UTC), predict_status (SUCCEED = success), exec_time_seconds,"
                    + " checkpoint_model_version_id → model",
            List.of(
                    "timestamp=gmt_create",
                    "timestamp_kind=iso",
                    "status=predict_status",
                    "ok_values=SUCCEED",
                    "latency=exec_time_seconds",
                    "latency_unit=s",
                    "model=checkpoint_model_version_id"),
            Set.of(),
            List.of("gmt_create", "predict_status", "exec_time_seconds")),
    ALIBABA_PREDICT(
            "alibaba-predict",
            LogLayout.CSV,
            "Alibaba GenAI 2026 model predict latency",
            "timestamp_anon (epoch s), value (inference latency, ms), container_ip → attrs",
            List.of("timestamp=timestamp_anon", "timestamp_kind=epoch_s", "latency=value", "latency_unit=ms"),
            Set.of(),
            List.of("timestamp_anon", "value", "container_ip")),
    VLLM_OTEL(
            "vllm-otel",
            LogLayout.CSV,
            "vLLM server-side OpenTelemetry request spans, flattened to CSV (llm_request)",
            "server_arrival_s (epoch s), server_end_s, experiment → endpoint, prompt_tokens, completion_tokens, ttft_s;"
                    + " queue_s, prefill_s, decode_s … → attrs",
            List.of(
                    "timestamp=server_arrival_s",
                    "timestamp_kind=epoch_s",
                    "end=server_end_s",
                    "endpoint=experiment",
                    "input_tokens=prompt_tokens",
                    "output_tokens=completion_tokens",
                    "ttft=ttft_s",
                    "ttft_unit=s"),
            Set.of("endpoint"),
            List.of("server_arrival_s", "server_end_s", "ttft_s", "e2e_s")),
    GUIDELLM(
            "guidellm",
            LogLayout.CSV,
            "GuideLLM benchmark requests, one row per request",
            "request_start_s (epoch s), request_end_s, status (successful = success), experiment → endpoint,"
                    + " prompt_tokens, output_tokens, ttft_ms; strategy, target_rate_rps … → attrs",
            List.of(
                    "timestamp=request_start_s",
                    "timestamp_kind=epoch_s",
                    "end=request_end_s",
                    "status=status",
                    "ok_values=successful",
                    "endpoint=experiment",
                    "input_tokens=prompt_tokens",
                    "output_tokens=output_tokens",
                    "ttft=ttft_ms",
                    "ttft_unit=ms"),
            Set.of("endpoint"),
            List.of("request_start_s", "request_end_s", "ttft_ms", "targeted_start_s"));

    private final String code;
    private final LogLayout layout;
    private final String title;
    private final String columns;
    private final List<String> entries;
    private final Set<String> optional;
    private final List<String> signature;

    LogPreset(
            String code,
            LogLayout layout,
            String title,
            String columns,
            List<String> entries,
            Set<String> optional,
            List<String> signature) {
        this.code = code;
        this.layout = layout;
        this.title = title;
        this.columns = columns;
        this.entries = entries;
        this.optional = optional;
        this.signature = signature;
    }

    @Override
    public String code() {
        return code;
    }

    public LogLayout layout() {
        return layout;
    }

    public String title() {
        return title;
    }

    /** The columns the preset expects, in words. */
    public String columns() {
        return columns;
    }

    /** The preset's mapping entries in the string form of {@link LogMapping} (layout included). */
    public Map<String, String> mapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layout", layout.code());
        for (String e : entries) {
            int eq = e.indexOf('=');
            m.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return m;
    }

    /** Mapping keys whose columns may be absent from a file. */
    public Set<String> optional() {
        return optional;
    }

    /** Columns whose presence (all of them) identifies the format when no preset is given; empty if recognised otherwise. */
    List<String> signature() {
        return signature;
    }

    /** The preset with this code (case, blanks and '-' for '_' ignored); BadInputException naming the codes if none. */
    public static LogPreset fromCode(String code) {
        return Coded.fromCode(LogPreset.class, code, "--preset");
    }

    /** The preset with this code (case, blanks and '-' for '_' ignored), if any. */
    public static Optional<LogPreset> find(String code) {
        return Coded.find(LogPreset.class, code);
    }

    public static String codes() {
        StringBuilder b = new StringBuilder();
        for (LogPreset p : values()) b.append(b.isEmpty() ? "" : ", ").append(p.code);
        return b.toString();
    }
}
