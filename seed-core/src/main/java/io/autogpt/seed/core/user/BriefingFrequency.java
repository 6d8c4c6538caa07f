package io.autogpt.seed.core.user;

/** Mirrors the PostgreSQL enum {@code "BriefingFrequency"} (today's platform): how often a user gets a briefing. */
public enum BriefingFrequency {
    DAILY, WEEKLY, MONTHLY, OFF
}
