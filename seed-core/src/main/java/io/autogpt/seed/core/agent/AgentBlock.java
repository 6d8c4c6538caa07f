package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.table.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "AgentBlock"}: a building block nodes are made of. Schemas are JSON Schema text. The descriptions
 * exist in newer schemas only (the platform fills {@code optimizedDescription} itself, for search).
 */
public record AgentBlock(String id, String name, String inputSchema, String outputSchema,
                         @Nullable String description, @Nullable String optimizedDescription) {
    public static final Table<AgentBlock> TABLE = Table.insertMissingOf(AgentBlock.class);

    public AgentBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(outputSchema, "outputSchema");
    }
}
