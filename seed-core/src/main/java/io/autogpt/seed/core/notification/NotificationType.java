package io.autogpt.seed.core.notification;

/** Mirrors the PostgreSQL enum {@code "NotificationType"}. */
public enum NotificationType {
    AGENT_RUN, ZERO_BALANCE, LOW_BALANCE, BLOCK_EXECUTION_FAILED, CONTINUOUS_AGENT_ERROR, DAILY_SUMMARY,
    WEEKLY_SUMMARY, MONTHLY_SUMMARY, REFUND_REQUEST, REFUND_PROCESSED, AGENT_APPROVED, AGENT_REJECTED
}
