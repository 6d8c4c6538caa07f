package io.autogpt.seed.core.credit;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "SubscriptionTrialClaim"}: an identity (user, Stripe customer…) that has had a trial, keyed by the
 * SHA-256 hex of the compact JSON {@code [kind, value]}. No foreign key: claims outlive accounts.
 */
public record SubscriptionTrialClaim(String key, String trialId, LocalDateTime createdAt) {
    public static final Table<SubscriptionTrialClaim> TABLE = Table.insertOf(SubscriptionTrialClaim.class);

    public SubscriptionTrialClaim {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
