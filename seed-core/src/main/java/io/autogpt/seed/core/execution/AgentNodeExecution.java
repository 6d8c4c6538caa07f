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
            Table.insertOf(AgentNodeExecution.class);

    public AgentNodeExecution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentGraphExecutionId, "agentGraphExecutionId");
        Objects.requireNonNull(agentNodeId, "agentNodeId");
        Objects.requireNonNull(addedTime, "addedTime");
        Objects.requireNonNull(executionStatus, "executionStatus");
    }
}
