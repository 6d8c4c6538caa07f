package io.autogpt.seed.core.user;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "User"}: a platform account. Timestamps are UTC. {@code subscriptionTier} exists in newer schemas
 * only; writers leave it out where the target has no such column. The last seven (today's platform) are how the
 * user's briefings, alerts and store verdicts reach them, when they last had a briefing and a welcome mail (sent once,
 * on a first paid plan), and the chat route they chose ({@code null}: automatic).
 */
public record User(String id, String email, @Nullable String name, LocalDateTime createdAt, LocalDateTime updatedAt,
                   Json metadata, String integrations, @Nullable String stripeCustomerId, @Nullable Json topUpConfig,
                   int maxEmailsPerDay, boolean notifyOnAgentRun, boolean notifyOnBlockExecutionFailed,
                   boolean notifyOnContinuousAgentError, boolean notifyOnDailySummary, boolean notifyOnLowBalance,
                   boolean notifyOnMonthlySummary, boolean notifyOnWeeklySummary, boolean notifyOnZeroBalance,
                   boolean emailVerified, String timezone, boolean notifyOnAgentApproved,
                   boolean notifyOnAgentRejected, SubscriptionTier subscriptionTier,
                   BriefingFrequency briefingFrequency, boolean alertsEnabled, boolean notifyOnStoreVerdict,
                   @Nullable LocalDateTime lastBriefingAt, @Nullable LocalDateTime welcomeEmailSentAt,
                   @Nullable String defaultChatAuthProvider, @Nullable String defaultChatCredentialId) {
    public static final Table<User> TABLE = Table.insertOf(User.class);

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(integrations, "integrations");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(subscriptionTier, "subscriptionTier");
        Objects.requireNonNull(briefingFrequency, "briefingFrequency");
    }
}
