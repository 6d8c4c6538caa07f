package io.autogpt.seed.core.org;

/** Mirrors the PostgreSQL enum {@code "OrgMemberStatus"}; the platform's steady state is {@code ACTIVE}. */
public enum OrgMemberStatus { INVITED, ACTIVE, SUSPENDED, REMOVED }
