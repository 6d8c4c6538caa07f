package io.autogpt.seed.core.activity;

/** Mirrors the PostgreSQL enum {@code "ActivityEventCategory"}. */
public enum ActivityEventCategory { FILE, INTEGRATION, RUN, SCHEDULE }
