package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;

/** Makes {@code "AgentGraphExecution"} rows from their {@link ExecutionTimeline}. Thread-safe. */
public final class AgentGraphExecutionFactory {
    private final DatasetShape shape;

    public AgentGraphExecutionFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public AgentGraphExecution create(long u, long g, long e, ExecutionTimeline timeline) {
        Rng rng = shape.rng("AgentGraphExecution", u, g, e);
        int nodes = timeline.nodes().size();
        long reached = timeline.nodes().stream().filter(n -> n.started() != null).count();
        Json stats = null;
        if (timeline.endedAt() != null) {
            double seconds = Duration.between(timeline.startedAt(), timeline.endedAt()).toMillis() / 1000.0;
            stats = Json.obj("cost", (int) reached * rng.between(0, 12), "duration", seconds, "node_count", nodes,
                    "node_exec_count", (int) reached, "walltime", seconds);
        }
        boolean shared = timeline.endedAt() != null && rng.chance(0.05);
        LocalDateTime sharedAt = shared ? DatasetShape.between(rng, timeline.endedAt(), shape.now()) : null;
        // Share tokens are unique in the whole database: derive them from a seed-specific id.
        String shareToken = shared ? shape.id("shareToken", u, g, e).replace("-", "") : null;
        // A run happens where its graph lives.
        Tenancy.Placement where = shape.tenancy().graph(u, g);
        return new AgentGraphExecution(shape.graphExecutionId(u, g, e), shape.graphId(u, g), 1, shape.userId(u),
                timeline.createdAt(), timeline.lastEvent(), timeline.status(), timeline.startedAt(), null, stats,
                false, null, Json.obj("input", rng.pick(AgentVocabulary.GRAPH_SUBJECTS)), null, shared, shareToken,
                sharedAt, null, timeline.endedAt(), where.organizationId(), where.teamId(), where.visibility());
    }
}
