package io.autogpt.seed.core.org;

/** Mirrors the PostgreSQL enum {@code "SeatStatus"}. */
public enum SeatStatus { ACTIVE, INACTIVE, PENDING }
