package io.autogpt.seed.core.bot;

/** Mirrors the PostgreSQL enum {@code "PlatformLinkType"}: a link token links a server or a person. */
public enum PlatformLinkType { SERVER, USER }
