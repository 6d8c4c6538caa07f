package io.autogpt.seed.core.bot;

/** Mirrors the PostgreSQL enum {@code "PlatformType"}: the chat platforms the bots run on. */
public enum PlatformType { DISCORD, TELEGRAM, SLACK, TEAMS, WHATSAPP, GITHUB, LINEAR }
