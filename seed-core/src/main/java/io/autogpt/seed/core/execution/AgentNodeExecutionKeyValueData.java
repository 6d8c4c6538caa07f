package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "AgentNodeExecutionKeyValueData"}, keyed by (userId, key): a value a node execution of the
 * user persisted.
 */
public record AgentNodeExecutionKeyValueData(String userId, String key, String agentNodeExecutionId,
                                             @Nullable Json data, LocalDateTime createdAt,
                                             @Nullable LocalDateTime updatedAt) {
    public static final Table<AgentNodeExecutionKeyValueData> TABLE = Table.insertOf(AgentNodeExecutionKeyValueData.class);

    public AgentNodeExecutionKeyValueData {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(agentNodeExecutionId, "agentNodeExecutionId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
