package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AgentNode"}: a block placed in a graph version, with its constant inputs. */
public record AgentNode(String id, String agentBlockId, String agentGraphId, int agentGraphVersion,
                        @Nullable String webhookId, Json constantInput, Json metadata) {
    public static final Table<AgentNode> TABLE = Table.insertOf(AgentNode.class);

    public AgentNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentBlockId, "agentBlockId");
        Objects.requireNonNull(agentGraphId, "agentGraphId");
        Objects.requireNonNull(constantInput, "constantInput");
        Objects.requireNonNull(metadata, "metadata");
    }
}
