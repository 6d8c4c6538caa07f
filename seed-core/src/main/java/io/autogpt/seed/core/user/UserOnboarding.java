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
    public static final Table<UserOnboarding> TABLE = Table.insertOf(UserOnboarding.class);

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
