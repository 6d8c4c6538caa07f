package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AgentGraph"}: one version of a user's agent, keyed by (id, version). */
public record AgentGraph(String id, int version, @Nullable String name, @Nullable String description,
                         boolean isActive, String userId, LocalDateTime createdAt, @Nullable LocalDateTime updatedAt,
                         @Nullable String forkedFromId, @Nullable Integer forkedFromVersion,
                         @Nullable String recommendedScheduleCron, @Nullable String instructions) {
    public static final Table<AgentGraph> TABLE = Table.insert("AgentGraph", AgentGraph.class)
            .text("id", AgentGraph::id).integer("version", AgentGraph::version)
            .nullableText("name", AgentGraph::name).nullableText("description", AgentGraph::description)
            .bool("isActive", AgentGraph::isActive).text("userId", AgentGraph::userId)
            .timestamp("createdAt", AgentGraph::createdAt).nullableTimestamp("updatedAt", AgentGraph::updatedAt)
            .nullableText("forkedFromId", AgentGraph::forkedFromId)
            .nullableInteger("forkedFromVersion", AgentGraph::forkedFromVersion)
            .nullableText("recommendedScheduleCron", AgentGraph::recommendedScheduleCron)
            .nullableText("instructions", AgentGraph::instructions)
            .build();

    public AgentGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
