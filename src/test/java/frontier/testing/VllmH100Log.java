package frontier.testing;

import frontier.ingest.Samples;
import frontier.ingest.logs.LogPreset;
import frontier.ingest.logs.LogReadOptions;
import frontier.store.ImportMonitor;
import frontier.store.Workspace;

/**
 * The vendored vLLM 0.11 server log of an H100 (Apache-2.0, see the NOTICE in src/test/resources/samples): request
 * spans with latencies and no bill, the endpoint {@link #ENDPOINT}. The tests of a twin made without a bill import it.
 */
public final class VllmH100Log {
    /** The log's one endpoint. */
    public static final String ENDPOINT = "jan20-codellama-train-1";

    /** The log's file name, which names the GPU. */
    public static final String FILE = "vllm011_h100_otel_server_requests.csv";

    private VllmH100Log() {}

    /** Imports the log into {@code workspace} with the vLLM OpenTelemetry preset. */
    public static void importInto(Workspace workspace) {
        workspace
                .requestLogs()
                .importFile(
                        Samples.sample("llm/" + FILE),
                        LogReadOptions.preset(LogPreset.VLLM_OTEL),
                        false,
                        ImportMonitor.NONE);
    }
}
