package io.autogpt.seed.core.search;

/** Mirrors the PostgreSQL enum {@code "ContentType"}. */
public enum ContentType {
    STORE_AGENT, BLOCK, INTEGRATION, DOCUMENTATION, LIBRARY_AGENT
}
