package io.autogpt.seed.core.execution;

/**
 * Mirrors the PostgreSQL enum {@code "SharedVia"} (today's platform): how a shared run came to be shared, by its
 * owner or by a shared chat that links it.
 */
public enum SharedVia {
    USER, CHAT_LINK
}
