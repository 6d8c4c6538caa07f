package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "AgentGraphExecution"}: one run of a graph version by its owner or, on today's platform, by a user
 * who added a listed graph to their library. The last seven (today's platform): how interesting the finished run is
 * for a briefing, its expert (none yet), how it was started and by what, and how a shared run came to be shared.
 */
public record AgentGraphExecution(String id, String agentGraphId, int agentGraphVersion, String userId,
                                  LocalDateTime createdAt, @Nullable LocalDateTime updatedAt,
                                  AgentExecutionStatus executionStatus, @Nullable LocalDateTime startedAt,
                                  @Nullable String agentPresetId, @Nullable Json stats, boolean isDeleted,
                                  @Nullable Json credentialInputs, @Nullable Json inputs,
                                  @Nullable Json nodesInputMasks, boolean isShared, @Nullable String shareToken,
                                  @Nullable LocalDateTime sharedAt, @Nullable String parentGraphExecutionId,
                                  @Nullable LocalDateTime endedAt, @Nullable Double interestingness,
                                  @Nullable String expertId, @Nullable String triggerSource,
                                  @Nullable String triggerRef, @Nullable String scheduleId, @Nullable String webhookId,
                                  @Nullable SharedVia sharedVia, @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
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
