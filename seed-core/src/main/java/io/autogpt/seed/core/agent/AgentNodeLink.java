package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.table.Table;
import java.util.Objects;

/** A row of {@code "AgentNodeLink"}: an edge from a source node's output pin to a sink node's input pin. */
public record AgentNodeLink(String id, String agentNodeSourceId, String sourceName, String agentNodeSinkId,
                            String sinkName, boolean isStatic) {
    public static final Table<AgentNodeLink> TABLE = Table.insertOf(AgentNodeLink.class);

    public AgentNodeLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentNodeSourceId, "agentNodeSourceId");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(agentNodeSinkId, "agentNodeSinkId");
        Objects.requireNonNull(sinkName, "sinkName");
    }
}
