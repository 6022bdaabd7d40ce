package frontier.model.pool;

import frontier.sim.InvalidSpecException;

/** Field checks shared by the pool records. */
final class Checks {
    private Checks() {}

    static String name(String name) {
        if (name == null || name.isBlank())
            throw new InvalidSpecException("name", "every pool needs a name (routes and results refer to it)");
        if (!name.matches("[A-Za-z0-9_-]+"))
            throw new InvalidSpecException(
                    "name",
                    "use letters, digits, '-' and '_' only (it becomes part of result names), got '" + name + "'");
        return name;
    }

    /**
     * The checks of a pool that serves {@code model} from instances with slots or batching: the model is
     * there, the engine settings fit, the queue; returns the concurrency (1 when not given).
     */
    static int served(
            ModelProfile model, Integer concurrency, Batching batching, Integer queueCapacity, Double timeoutS) {
        InvalidSpecException.required("model", model);
        engine(model, concurrency, batching);
        int c = concurrency(concurrency);
        batching(model, batching);
        queue(queueCapacity, timeoutS);
        return c;
    }

    static int concurrency(Integer c) {
        if (c == null) return 1;
        if (c < 1) throw new InvalidSpecException("concurrency", "expected an integer >= 1, got " + c);
        return c;
    }

    static void queue(Integer capacity, Double timeout) {
        if (capacity != null && capacity < 0)
            throw new InvalidSpecException(
                    "queue_capacity",
                    "expected an integer >= 0 (or leave it out for an unbounded queue), got " + capacity);
        if (timeout != null) InvalidSpecException.positive("timeout_s", timeout);
    }

    /** Batch times come from the batching table or formula; a token-driven service time has no place in them. */
    static void batching(ModelProfile model, Batching batching) {
        if (batching != null && model.tokenTime() != null) {
            throw new InvalidSpecException(
                    "batching",
                    "cannot be combined with model.token_time (batch times come from 'table_s' or"
                            + " 'base_s' and 'per_item_s'); for continuous batching give the sequences an instance runs at once as 'concurrency'"
                            + " instead, or give model.service");
        }
    }

    /**
     * An LLM engine batches by itself (max_num_seqs, the token budget): one instance is one engine, so
     * neither slots nor dynamic batching apply.
     */
    static void engine(ModelProfile model, Integer concurrency, Batching batching) {
        if (model.llmEngine() == null) return;
        if (concurrency != null && concurrency != 1) {
            throw new InvalidSpecException(
                    "concurrency",
                    "does not apply to model.llm_engine: an instance runs up to"
                            + " llm_engine.max_num_seqs sequences in one batch; leave 'concurrency' out");
        }
        if (batching != null) {
            throw new InvalidSpecException(
                    "batching",
                    "cannot be combined with model.llm_engine, which batches continuously"
                            + " (llm_engine.max_num_seqs, max_num_batched_tokens)");
        }
    }

    static int overflowQueue(Integer q) {
        if (q == null) return 0;
        if (q < 0) throw new InvalidSpecException("overflow_queue", "expected an integer >= 0, got " + q);
        return q;
    }
}
