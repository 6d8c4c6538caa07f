package io.autogpt.seed.auth.policy;

import java.time.Duration;
import java.util.Arrays;

/**
 * When to stop waiting on a request and send the same one again: a hedge. Learns the server's latency from the
 * requests that answered, and hedges a request that has waited {@value #FACTOR} times the 95th percentile — long
 * past what the server normally takes, long before a stalled request's timeout. A password login is safe to send
 * twice (a second session is harmless); the caller takes whichever answers first and cancels the other.
 *
 * <p>Until {@value #WARM_UP} answers have been seen, the delay is {@link Settings#initial()}. The delay never falls
 * below {@link Settings#floor()} (jitter of a fast server is not a stall) and never reaches the hard timeout.
 *
 * <p>Thread-safe. Pure: the caller measures time and reports it.
 */
public final class Hedging {
    /** How many latencies the window keeps: enough for a stable percentile, recent enough to follow the server. */
    static final int WINDOW = 256;
    /** Answers seen before the percentile is trusted. */
    static final int WARM_UP = 20;
    static final double FACTOR = 3.0;
    static final double PERCENTILE = 0.95;

    /**
     * How hedging behaves.
     *
     * @param maxHedges extra copies of one request at most (0: never hedge)
     * @param initial   the delay before the latency is known
     * @param floor     the smallest delay
     * @param ceiling   the largest delay: below the hard timeout, or hedging would never happen
     */
    public record Settings(int maxHedges, Duration initial, Duration floor, Duration ceiling) {
        public Settings {
            if (maxHedges < 0) {
                throw new IllegalArgumentException("hedges must be 0 or more, got " + maxHedges);
            }
        }

        /** Hedged logins under a hard timeout of {@code timeout}: up to three copies, starting after a second. */
        public static Settings forTimeout(Duration timeout) {
            Duration ceiling = timeout.dividedBy(2);
            Duration initial = ceiling.compareTo(Duration.ofSeconds(1)) < 0 ? ceiling : Duration.ofSeconds(1);
            return new Settings(3, initial, Duration.ofMillis(20), ceiling);
        }

        /** Never hedge: every login waits for its one answer, or for the timeout. */
        public static final Settings OFF = new Settings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private final Settings settings;
    private final long[] latencies = new long[WINDOW];
    private long seen;
    /** The delay the latencies so far give; recomputed when an answer arrives, read on every wait. */
    private volatile long delay;

    public Hedging(Settings settings) {
        this.settings = settings;
        this.delay = settings.initial().toNanos();
    }

    public int maxHedges() {
        return settings.maxHedges();
    }

    /** A request answered after {@code nanos}. */
    public synchronized void answered(long nanos) {
        latencies[(int) (seen++ % WINDOW)] = nanos;
        if (seen >= WARM_UP) {
            long[] window = Arrays.copyOf(latencies, (int) Math.min(seen, WINDOW));
            Arrays.sort(window);
            long p95 = window[(int) Math.min(window.length - 1, Math.ceil(PERCENTILE * window.length) - 1)];
            delay = Math.max(settings.floor().toNanos(), Math.min(settings.ceiling().toNanos(), (long) (p95 * FACTOR)));
        }
    }

    /** How long a request may wait for its answer before a hedge is sent, in nanoseconds. */
    public long delayNanos() {
        return delay;
    }
}
