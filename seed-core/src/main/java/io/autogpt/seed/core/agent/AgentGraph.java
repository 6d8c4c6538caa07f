package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AgentGraph"}: one version of a user's agent, keyed by (id, version). */
public record AgentGraph(String id, int version, @Nullable String name, @Nullable String description,
                         boolean isActive, String userId, LocalDateTime createdAt, @Nullable LocalDateTime updatedAt,
                         @Nullable String forkedFromId, @Nullable Integer forkedFromVersion,
                         @Nullable String recommendedScheduleCron, @Nullable String instructions,
                         @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<AgentGraph> TABLE = Table.insertOf(AgentGraph.class);

    public AgentGraph {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
