package io.autogpt.seed.core.org;

/** Mirrors the PostgreSQL enum {@code "SeatType"}. */
public enum SeatType { FREE, PAID }
