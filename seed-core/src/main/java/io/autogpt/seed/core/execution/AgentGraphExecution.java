package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AgentGraphExecution"}: one run of a graph version by its owner. */
public record AgentGraphExecution(String id, String agentGraphId, int agentGraphVersion, String userId,
                                  LocalDateTime createdAt, @Nullable LocalDateTime updatedAt,
                                  AgentExecutionStatus executionStatus, @Nullable LocalDateTime startedAt,
                                  @Nullable String agentPresetId, @Nullable Json stats, boolean isDeleted,
                                  @Nullable Json credentialInputs, @Nullable Json inputs,
                                  @Nullable Json nodesInputMasks, boolean isShared, @Nullable String shareToken,
                                  @Nullable LocalDateTime sharedAt, @Nullable String parentGraphExecutionId,
                                  @Nullable LocalDateTime endedAt,
                                  @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<AgentGraphExecution> TABLE =
            Table.insertOf(AgentGraphExecution.class);

    public AgentGraphExecution {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentGraphId, "agentGraphId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(executionStatus, "executionStatus");
    }
}
