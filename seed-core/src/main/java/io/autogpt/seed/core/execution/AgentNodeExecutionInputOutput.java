package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "AgentNodeExecutionInputOutput"}: a value that entered a node execution (input, referenced by
 * {@code referencedByInputExecId}) or left it (output, referenced by {@code referencedByOutputExecId}).
 */
public record AgentNodeExecutionInputOutput(String id, String name, LocalDateTime time,
                                            @Nullable String referencedByInputExecId,
                                            @Nullable String referencedByOutputExecId,
                                            @Nullable String agentPresetId, @Nullable Json data) {
    public static final Table<AgentNodeExecutionInputOutput> TABLE =
            Table.insertOf(AgentNodeExecutionInputOutput.class);

    public AgentNodeExecutionInputOutput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
    }
}
