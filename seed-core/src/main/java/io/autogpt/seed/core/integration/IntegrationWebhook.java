package io.autogpt.seed.core.integration;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "IntegrationWebhook"}: a webhook registered with a third-party provider for a user. */
public record IntegrationWebhook(String id, LocalDateTime createdAt, @Nullable LocalDateTime updatedAt, String userId,
                                 String provider, String credentialsId, String webhookType, String resource,
                                 List<String> events, Json config, String secret, String providerWebhookId,
                                 @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<IntegrationWebhook> TABLE = Table.insertOf(IntegrationWebhook.class);

    public IntegrationWebhook {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credentialsId, "credentialsId");
        Objects.requireNonNull(webhookType, "webhookType");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(providerWebhookId, "providerWebhookId");
        events = List.copyOf(events);
    }
}
