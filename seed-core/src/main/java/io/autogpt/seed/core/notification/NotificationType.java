package io.autogpt.seed.core.notification;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.table.PlatformLabel;

/**
 * Mirrors the PostgreSQL enum {@code "NotificationType"}. The platform replaced every label in 2026: the first
 * twelve are the early-2026 platform's, the rest today's (briefings, alerts, store verdicts, billing notices).
 */
public enum NotificationType implements PlatformLabel {
    AGENT_RUN, ZERO_BALANCE, LOW_BALANCE, BLOCK_EXECUTION_FAILED, CONTINUOUS_AGENT_ERROR, DAILY_SUMMARY,
    WEEKLY_SUMMARY, MONTHLY_SUMMARY, REFUND_REQUEST, REFUND_PROCESSED, AGENT_APPROVED, AGENT_REJECTED,
    BRIEFING(PlatformRules.SEPTEMBER_2026), ALERT(PlatformRules.SEPTEMBER_2026), VERDICT(PlatformRules.SEPTEMBER_2026),
    OPS(PlatformRules.SEPTEMBER_2026), SUBSCRIPTION_WELCOME(PlatformRules.SEPTEMBER_2026),
    PAYMENT_FAILED(PlatformRules.SEPTEMBER_2026), PAYMENT_FINAL_NOTICE(PlatformRules.SEPTEMBER_2026),
    SUBSCRIPTION_CANCELLED(PlatformRules.SEPTEMBER_2026), SUBSCRIPTION_RESUMED(PlatformRules.SEPTEMBER_2026),
    SUBSCRIPTION_ENDED(PlatformRules.SEPTEMBER_2026), TRIAL_UPDATE(PlatformRules.SEPTEMBER_2026);

    private final PlatformRules rules;

    NotificationType() {
        this(PlatformRules.EARLY_2026);
    }

    NotificationType(PlatformRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean existsUnder(PlatformRules other) {
        return rules == other;
    }
}
