package io.autogpt.seed.auth.policy;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether to try a failed request again, and after how long: a pure function of the failure, the retries spent
 * and a jitter value, so it can be tested as a table. The transport sends; this only decides.
 *
 * <p>Never retries {@link Failure#REJECTED}. Honours a server's Retry-After (up to {@code maxRetryAfter});
 * otherwise waits with exponential backoff and full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter", 2015): a uniform delay in [0, min(cap, base·2^retries)], so clients that failed together do not retry
 * together.
 *
 * @param maxRetries    retries allowed per request after its first attempt, at least 0 ({@value
 *                      #RATE_LIMITED_FACTOR} times as many when the last answer was 429)
 * @param base          the backoff of the first retry's window
 * @param cap           the largest backoff window
 * @param maxRetryAfter the longest Retry-After honoured; a longer one gives up, naming the wait
 */
public record RetryPolicy(int maxRetries, Duration base, Duration cap, Duration maxRetryAfter) {
    /**
     * 429s get this many times the budget: under a rate limit the pace probes just above what the server allows,
     * so a few 429s per request are the control loop working, not the server failing.
     */
    public static final int RATE_LIMITED_FACTOR = 4;

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + maxRetries);
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** {@code maxRetries} retries, backoff from 100 ms up to 10 s, Retry-After honoured up to 10 minutes. */
    public static RetryPolicy of(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    /** The answer to "try again?". */
    public sealed interface Decision {
    }

    /** Try again after {@code delay}. */
    public record Retry(Duration delay) implements Decision {
    }

    /** Stop; {@code reason} says why, for the message. */
    public record GiveUp(String reason) implements Decision {
    }

    /**
     * @param failure      what went wrong
     * @param retriesSoFar retries already made for this request
     * @param retryAfter   the server's Retry-After, or {@code null}
     * @param jitter       uniform in [0, 1): where in the backoff window to land
     */
    public Decision decide(Failure failure, int retriesSoFar, @Nullable Duration retryAfter, double jitter) {
        if (failure == Failure.UNREACHABLE) {
            return new GiveUp("retrying cannot reach it");
        }
        if (!failure.retryable()) {
            return new GiveUp("the server refused the request; retrying cannot help");
        }
        if (retriesSoFar >= (failure == Failure.RATE_LIMITED ? RATE_LIMITED_FACTOR * maxRetries : maxRetries)) {
            return new GiveUp("gave up after " + (retriesSoFar + 1) + " attempts");
        }
        if (retryAfter != null) {
            if (retryAfter.compareTo(maxRetryAfter) > 0) {
                return new GiveUp("the server asked to wait " + retryAfter.toSeconds() + " s (Retry-After)");
            }
            return new Retry(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
        return new Retry(Duration.ofNanos((long) (jitter * window(retriesSoFar))));
    }

    private long window(int retriesSoFar) {
        long cap = this.cap.toNanos();
        long window = base.toNanos();
        for (int i = 0; i < retriesSoFar && window < cap; i++) {
            window *= 2;
        }
        return Math.min(window, cap);
    }
}
