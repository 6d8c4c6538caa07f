package io.autogpt.seed.auth.exec;

import io.autogpt.seed.auth.policy.Failure;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Attempt} came back with, as the executor needs to know it: a success, a refusal (final: the caller
 * names it), or a failure that may be worth another try.
 *
 * @param reply      the protocol's answer, when one came (always, for a success or a refusal)
 * @param success    whether the server did what was asked (the pace and the latency learn only from successes)
 * @param failure    why another try may help; null for a success or a refusal
 * @param problem    the failure in words, for messages; empty for a final answer
 * @param retryAfter how long a 429 asked to wait, if it said
 * @param <R>        the protocol's answer type
 */
public record Outcome<R>(@Nullable R reply, boolean success, @Nullable Failure failure, String problem,
                         @Nullable Duration retryAfter) {
    public Outcome {
        Objects.requireNonNull(problem, "problem");
        if (failure == null && reply == null) {
            throw new IllegalArgumentException("a final answer needs its reply");
        }
    }

    /** The server did what was asked. */
    public static <R> Outcome<R> succeeded(R reply) {
        return new Outcome<>(reply, true, null, "", null);
    }

    /** The server refused, and the same request can never succeed (bad credentials, bad key): final, never retried. */
    public static <R> Outcome<R> refused(R reply) {
        return new Outcome<>(reply, false, null, "", null);
    }

    /**
     * A failure another try may mend, or one the policy knows it cannot ({@link Failure#UNREACHABLE}).
     *
     * @param reply the answer, or null when none came (a timeout, a dropped connection)
     */
    public static <R> Outcome<R> failed(@Nullable R reply, Failure failure, String problem,
                                        @Nullable Duration retryAfter) {
        return new Outcome<>(reply, false, Objects.requireNonNull(failure, "failure"), problem, retryAfter);
    }

    /** Whether this ends the request: a success or a refusal. */
    public boolean isFinal() {
        return failure == null;
    }
}
