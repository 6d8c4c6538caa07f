package io.autogpt.seed.core.expert;

/** Mirrors the PostgreSQL enum {@code "ExpertRoutineSession"}: where a routine's turn lands each time it fires. */
public enum ExpertRoutineSession { FRESH, PINNED, THREAD }
