package io.autogpt.seed.core.alert;

/** Mirrors the PostgreSQL enum {@code "AlertConditionStatus"}: raised, emailed, folded into a briefing, or cleared. */
public enum AlertConditionStatus { PENDING, SENT, DEFERRED, RESOLVED }
