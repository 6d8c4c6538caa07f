package io.autogpt.seed.core.integration;

/** Mirrors the PostgreSQL enum {@code "APIKeyStatus"}. */
public enum APIKeyStatus { ACTIVE, REVOKED, SUSPENDED }
