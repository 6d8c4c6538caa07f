package io.autogpt.seed.core.credit;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "SubscriptionTrial"}: a user's one trial (unique per user), with the offer accepted as JSON.
 * A user of tier {@code TRIAL} has one in status {@code trialing}: card verified, started, ending after the anchor.
 */
public record SubscriptionTrial(String id, String userId, Json offer, String stripeCustomerId,
                                @Nullable String stripeCheckoutSessionId, @Nullable String stripeSubscriptionId,
                                @Nullable String stripeConversionInvoiceId, int notificationRevision,
                                int checkoutAttempt, String checkoutSuccessUrl, String checkoutCancelUrl,
                                Json checkoutMetadata, String status, @Nullable String rejectionReason,
                                @Nullable LocalDateTime cardVerifiedAt, @Nullable LocalDateTime startedAt,
                                @Nullable LocalDateTime endsAt, @Nullable LocalDateTime consumedAt,
                                @Nullable LocalDateTime convertedAt, boolean cancelAtPeriodEnd,
                                long costMicrodollars, LocalDateTime createdAt, LocalDateTime updatedAt) {
    public static final Table<SubscriptionTrial> TABLE = Table.insertOf(SubscriptionTrial.class);

    public SubscriptionTrial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(stripeCustomerId, "stripeCustomerId");
        Objects.requireNonNull(checkoutSuccessUrl, "checkoutSuccessUrl");
        Objects.requireNonNull(checkoutCancelUrl, "checkoutCancelUrl");
        Objects.requireNonNull(checkoutMetadata, "checkoutMetadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (costMicrodollars < 0) {
            // Upstream's SubscriptionTrial_cost_nonnegative, which the reference lacks.
            throw new IllegalArgumentException("costMicrodollars must be 0 or more, got " + costMicrodollars);
        }
    }
}
