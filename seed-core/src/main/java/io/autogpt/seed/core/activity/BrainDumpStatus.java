package io.autogpt.seed.core.activity;

/** Mirrors the PostgreSQL enum {@code "BrainDumpStatus"} (lowercase labels, as the platform spells them). */
public enum BrainDumpStatus { recording_uploaded, transcribing, transcribed, extracting, completed, failed }
