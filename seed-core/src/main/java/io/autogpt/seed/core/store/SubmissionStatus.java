package io.autogpt.seed.core.store;

/** Mirrors the PostgreSQL enum {@code "SubmissionStatus"}. */
public enum SubmissionStatus { DRAFT, PENDING, APPROVED, REJECTED }
