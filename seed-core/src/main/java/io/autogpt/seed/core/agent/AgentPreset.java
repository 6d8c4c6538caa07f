package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AgentPreset"}: saved inputs for running one of the user's graphs. */
public record AgentPreset(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String name,
                          String description, boolean isActive, String userId, String agentGraphId,
                          int agentGraphVersion, boolean isDeleted, @Nullable String webhookId,
                          @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<AgentPreset> TABLE = Table.insertOf(AgentPreset.class);

    public AgentPreset {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(agentGraphId, "agentGraphId");
    }
}
