package io.autogpt.seed.core.user;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "UserOnboarding"}: how far a user got through onboarding (at most one per user). */
public record UserOnboarding(String id, LocalDateTime createdAt, @Nullable String usageReason,
                             List<String> integrations, @Nullable String otherIntegrations,
                             @Nullable Json agentInput, String userId, List<OnboardingStep> completedSteps,
                             @Nullable String selectedStoreListingVersionId, @Nullable LocalDateTime updatedAt,
                             List<OnboardingStep> notified, List<OnboardingStep> rewardedFor,
                             @Nullable String onboardingAgentExecutionId, int agentRuns, int consecutiveRunDays,
                             @Nullable LocalDateTime lastRunAt, boolean walletShown) {
    public static final Table<UserOnboarding> TABLE = Table.insert("UserOnboarding", UserOnboarding.class)
            .text("id", UserOnboarding::id).timestamp("createdAt", UserOnboarding::createdAt)
            .nullableText("usageReason", UserOnboarding::usageReason)
            .textArray("integrations", UserOnboarding::integrations)
            .nullableText("otherIntegrations", UserOnboarding::otherIntegrations)
            .nullableJsonb("agentInput", UserOnboarding::agentInput).text("userId", UserOnboarding::userId)
            .enumArray("completedSteps", OnboardingStep.class, UserOnboarding::completedSteps)
            .nullableText("selectedStoreListingVersionId", UserOnboarding::selectedStoreListingVersionId)
            .nullableTimestamp("updatedAt", UserOnboarding::updatedAt)
            .enumArray("notified", OnboardingStep.class, UserOnboarding::notified)
            .enumArray("rewardedFor", OnboardingStep.class, UserOnboarding::rewardedFor)
            .nullableText("onboardingAgentExecutionId", UserOnboarding::onboardingAgentExecutionId)
            .integer("agentRuns", UserOnboarding::agentRuns)
            .integer("consecutiveRunDays", UserOnboarding::consecutiveRunDays)
            .nullableTimestamp("lastRunAt", UserOnboarding::lastRunAt)
            .bool("walletShown", UserOnboarding::walletShown)
            .build();

    public UserOnboarding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        integrations = List.copyOf(integrations);
        completedSteps = List.copyOf(completedSteps);
        notified = List.copyOf(notified);
        rewardedFor = List.copyOf(rewardedFor);
    }
}
