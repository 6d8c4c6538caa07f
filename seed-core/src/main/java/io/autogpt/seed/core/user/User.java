package io.autogpt.seed.core.user;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "User"}: a platform account. Timestamps are UTC. */
public record User(String id, String email, @Nullable String name, LocalDateTime createdAt, LocalDateTime updatedAt,
                   Json metadata, String integrations, @Nullable String stripeCustomerId, @Nullable Json topUpConfig,
                   int maxEmailsPerDay, boolean notifyOnAgentRun, boolean notifyOnBlockExecutionFailed,
                   boolean notifyOnContinuousAgentError, boolean notifyOnDailySummary, boolean notifyOnLowBalance,
                   boolean notifyOnMonthlySummary, boolean notifyOnWeeklySummary, boolean notifyOnZeroBalance,
                   boolean emailVerified, String timezone, boolean notifyOnAgentApproved,
                   boolean notifyOnAgentRejected) {
    public static final Table<User> TABLE = Table.insert("User", User.class)
            .text("id", User::id).text("email", User::email).nullableText("name", User::name)
            .timestamp("createdAt", User::createdAt).timestamp("updatedAt", User::updatedAt)
            .jsonb("metadata", User::metadata).text("integrations", User::integrations)
            .nullableText("stripeCustomerId", User::stripeCustomerId)
            .nullableJsonb("topUpConfig", User::topUpConfig)
            .integer("maxEmailsPerDay", User::maxEmailsPerDay)
            .bool("notifyOnAgentRun", User::notifyOnAgentRun)
            .bool("notifyOnBlockExecutionFailed", User::notifyOnBlockExecutionFailed)
            .bool("notifyOnContinuousAgentError", User::notifyOnContinuousAgentError)
            .bool("notifyOnDailySummary", User::notifyOnDailySummary)
            .bool("notifyOnLowBalance", User::notifyOnLowBalance)
            .bool("notifyOnMonthlySummary", User::notifyOnMonthlySummary)
            .bool("notifyOnWeeklySummary", User::notifyOnWeeklySummary)
            .bool("notifyOnZeroBalance", User::notifyOnZeroBalance)
            .bool("emailVerified", User::emailVerified).text("timezone", User::timezone)
            .bool("notifyOnAgentApproved", User::notifyOnAgentApproved)
            .bool("notifyOnAgentRejected", User::notifyOnAgentRejected)
            .build();

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(integrations, "integrations");
        Objects.requireNonNull(timezone, "timezone");
    }
}
