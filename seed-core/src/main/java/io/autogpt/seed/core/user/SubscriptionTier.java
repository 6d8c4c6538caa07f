package io.autogpt.seed.core.user;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.table.PlatformLabel;

/**
 * Mirrors the PostgreSQL enum {@code "SubscriptionTier"} of newer schemas: a user's plan. Early 2026 knew
 * {@code FREE PRO BUSINESS ENTERPRISE}; today's platform dropped {@code FREE} for {@code NO_TIER} and added
 * {@code TRIAL BASIC MAX}.
 */
public enum SubscriptionTier implements PlatformLabel {
    FREE(true, false), NO_TIER(false, true), TRIAL(false, true), BASIC(false, true), PRO(true, true),
    MAX(false, true), BUSINESS(true, true), ENTERPRISE(true, true);

    private final boolean early;
    private final boolean september;

    SubscriptionTier(boolean early, boolean september) {
        this.early = early;
        this.september = september;
    }

    @Override
    public boolean existsUnder(PlatformRules rules) {
        return rules == PlatformRules.EARLY_2026 ? early : september;
    }
}
