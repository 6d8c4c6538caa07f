package io.autogpt.seed.core.token;

/**
 * Why a token could not be obtained. A small sealed family, so callers decide by type, not by parsing messages.
 * Messages name the user and the server's answer, never a password, key or token.
 */
public abstract sealed class TokenException extends RuntimeException
        permits TokenException.BadCredentials, TokenException.KeyRejected, TokenException.RateLimitExhausted,
        TokenException.ServerUnavailable {
    private TokenException(String message) {
        super(message);
    }

    /** The server refused this user's credentials (400/422): retrying cannot help. */
    public static final class BadCredentials extends TokenException {
        public BadCredentials(String message) {
            super(message);
        }
    }

    /** The server refused the API key or signing key (401/403), or it lacks a needed role: nothing will work. */
    public static final class KeyRejected extends TokenException {
        public KeyRejected(String message) {
            super(message);
        }
    }

    /** The server kept answering 429 until the retry budget ran out. */
    public static final class RateLimitExhausted extends TokenException {
        public RateLimitExhausted(String message) {
            super(message);
        }
    }

    /** The server failed (5xx), timed out, dropped the connection or cannot be reached, beyond the retry budget. */
    public static final class ServerUnavailable extends TokenException {
        public ServerUnavailable(String message) {
            super(message);
        }
    }
}
