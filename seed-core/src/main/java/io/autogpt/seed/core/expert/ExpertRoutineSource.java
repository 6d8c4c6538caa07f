package io.autogpt.seed.core.expert;

/**
 * Mirrors the PostgreSQL enum {@code "ExpertRoutineSource"}: whether a routine's prompt came with a package
 * ({@code TEMPLATE}, reaches nothing until granted) or from the owner ({@code OWNER}).
 */
public enum ExpertRoutineSource { TEMPLATE, OWNER }
