package io.autogpt.seed.core.activity;

/** Mirrors the PostgreSQL enum {@code "BrainDumpInputMode"} (lowercase labels, as the platform spells them). */
public enum BrainDumpInputMode { voice, typed, skipped }
