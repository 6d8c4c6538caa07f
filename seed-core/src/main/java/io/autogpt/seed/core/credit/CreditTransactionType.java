package io.autogpt.seed.core.credit;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.table.PlatformLabel;

/** Mirrors the PostgreSQL enum {@code "CreditTransactionType"}; {@code SUBSCRIPTION} is today's platform's only. */
public enum CreditTransactionType implements PlatformLabel {
    TOP_UP, USAGE, GRANT, REFUND, CARD_CHECK, SUBSCRIPTION;

    @Override
    public boolean existsUnder(PlatformRules rules) {
        return this != SUBSCRIPTION || rules.atLeast(PlatformRules.SEPTEMBER_2026);
    }
}
