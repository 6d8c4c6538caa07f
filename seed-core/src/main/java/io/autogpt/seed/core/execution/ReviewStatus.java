package io.autogpt.seed.core.execution;

/** Mirrors the PostgreSQL enum {@code "ReviewStatus"}. */
public enum ReviewStatus {
    WAITING, APPROVED, REJECTED
}
