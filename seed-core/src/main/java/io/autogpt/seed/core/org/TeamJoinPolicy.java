package io.autogpt.seed.core.org;

/** Mirrors the PostgreSQL enum {@code "TeamJoinPolicy"}: who may join a team without an invitation. */
public enum TeamJoinPolicy { OPEN, PRIVATE }
