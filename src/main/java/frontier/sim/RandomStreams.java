package frontier.sim;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams for one replication, one per named source of randomness ("arrivals",
 * "service", ...). A stream's seed depends only on the master seed, the replication index and the
 * stream's name, so adding a new source of randomness never shifts the draws of the existing ones, and
 * replication k is the same whether it runs alone, first, or on another thread.
 *
 * <p>Each stream is a xoshiro256++ generator seeded with four SplitMix64 outputs of the mixed key,
 * the seeding recommended by the generator's authors.
 */
public final class RandomStreams {
    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        if (replication < 0) throw new IllegalArgumentException("replication must be >= 0");
        this.seed = seed;
        this.replication = replication;
    }

    public long seed() {
        return seed;
    }

    public int replication() {
        return replication;
    }

    /** A fresh generator for the named source; the same name always yields the same sequence. */
    public UniformRandomProvider stream(String name) {
        long key = mix(seed ^ 0x9E3779B97F4A7C15L * (replication + 1L));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            key = mix(key ^ (b & 0xFF));
        }
        long[] state = new long[4];
        long x = key;
        for (int i = 0; i < 4; i++) {
            x += 0x9E3779B97F4A7C15L;
            state[i] = mix(x);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(state);
    }

    /** SplitMix64's finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
