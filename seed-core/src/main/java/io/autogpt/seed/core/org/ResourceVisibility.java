package io.autogpt.seed.core.org;

/**
 * Mirrors the PostgreSQL enum {@code "ResourceVisibility"}: who a resource is shown to. The platform's access check
 * reads the resource's organisation and team, not this column; the seeder keeps the two telling the same story.
 */
public enum ResourceVisibility { PRIVATE, TEAM, ORG }
