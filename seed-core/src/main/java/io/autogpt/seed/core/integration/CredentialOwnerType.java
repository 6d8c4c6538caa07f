package io.autogpt.seed.core.integration;

/** Mirrors the PostgreSQL enum {@code "CredentialOwnerType"}: whose an integration credential is. */
public enum CredentialOwnerType { USER, TEAM, ORG }
