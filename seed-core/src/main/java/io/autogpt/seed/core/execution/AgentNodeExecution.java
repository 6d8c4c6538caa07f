package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AgentNodeExecution"}: one node's part of a graph execution. */
public record AgentNodeExecution(String id, String agentGraphExecutionId, String agentNodeId,
                                 LocalDateTime addedTime, @Nullable LocalDateTime queuedTime,
                                 @Nullable LocalDateTime startedTime, @Nullable LocalDateTime endedTime,
                                 AgentExecutionStatus executionStatus, @Nullable Json stats,
                                 @Nullable Json executionData) {
    public static final Table<AgentNodeExecution> TABLE =
            Table.insert("AgentNodeExecution", AgentNodeExecution.class)
                    .text("id", AgentNodeExecution::id)
                    .text("agentGraphExecutionId", AgentNodeExecution::agentGraphExecutionId)
                    .text("agentNodeId", AgentNodeExecution::agentNodeId)
                    .timestamp("addedTime", AgentNodeExecution::addedTime)
                    .nullableTimestamp("queuedTime", AgentNodeExecution::queuedTime)
                    .nullableTimestamp("startedTime", AgentNodeExecution::startedTime)
                    .nullableTimestamp("endedTime", AgentNodeExecution::endedTime)
                    .enumValue("executionStatus", AgentExecutionStatus.class, AgentNodeExecution::executionStatus)
                    .nullableJsonb("stats", AgentNodeExecution::stats)
                    .nullableJsonb("executionData", AgentNodeExecution::executionData)
                    .build();

    public AgentNodeExecution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentGraphExecutionId, "agentGraphExecutionId");
        Objects.requireNonNull(agentNodeId, "agentNodeId");
        Objects.requireNonNull(addedTime, "addedTime");
        Objects.requireNonNull(executionStatus, "executionStatus");
    }
}
