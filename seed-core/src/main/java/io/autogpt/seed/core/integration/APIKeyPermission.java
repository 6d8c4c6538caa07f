package io.autogpt.seed.core.integration;

/** Mirrors the PostgreSQL enum {@code "APIKeyPermission"}. */
public enum APIKeyPermission {
    EXECUTE_GRAPH, READ_GRAPH, EXECUTE_BLOCK, READ_BLOCK, READ_STORE, USE_TOOLS, MANAGE_INTEGRATIONS,
    READ_INTEGRATIONS, DELETE_INTEGRATIONS, IDENTITY
}
