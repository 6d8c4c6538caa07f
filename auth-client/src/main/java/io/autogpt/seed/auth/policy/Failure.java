package io.autogpt.seed.auth.policy;

/** What went wrong with one attempt, as far as retrying is concerned. */
public enum Failure {
    /** 429: the server limits our rate. Retryable; slows the whole client down. */
    RATE_LIMITED,
    /** 5xx: the server failed or is overloaded. Retryable. */
    SERVER_ERROR,
    /** No response in time. Retryable. */
    TIMEOUT,
    /** Reset or closed without an answer. Retryable. */
    CONNECTION,
    /**
     * No such host, a refused connection, a failed TLS handshake: the address or the security settings are wrong, and
     * asking again will not change them (HttpClient's own retry strategy never retries these either).
     */
    UNREACHABLE,
    /** A 4xx other than 408 and 429 (bad credentials, bad key, conflict): the same request can never succeed. */
    REJECTED;

    /** The failure an HTTP status means; {@code status} must not be a success. */
    public static Failure ofStatus(int status) {
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return REJECTED;
    }

    /** Whether another attempt might succeed. */
    public boolean retryable() {
        return this != REJECTED && this != UNREACHABLE;
    }
}
