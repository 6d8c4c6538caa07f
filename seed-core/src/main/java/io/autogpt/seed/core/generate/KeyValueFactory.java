package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentNodeExecutionKeyValueData;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@code "AgentNodeExecutionKeyValueData"} rows: values a user's node executions persisted, keyed as the
 * platform's persistence blocks key them ({@code agent#<graph id>#<key>} for a graph's own, {@code global#<key>} for
 * the user's). Each row names a real node execution of the user and was written when that node ran. A user
 * without runs persisted nothing. Thread-safe.
 */
final class KeyValueFactory {
    private static final List<String> KEYS = List.of("last_seen_id", "counter", "cursor", "last_summary",
            "seen_urls", "preferences", "last_run_at", "state");

    private final DatasetShape shape;
    private final ExecutionTimelines timelines;

    public KeyValueFactory(DatasetShape shape) {
        this.shape = shape;
        this.timelines = new ExecutionTimelines(shape);
    }

    public List<AgentNodeExecutionKeyValueData> entries(long u) {
        int count = shape.keyValues(u);
        List<long[]> ran = new ArrayList<>();
        for (int g = 0; g < shape.graphs(u); g++) {
            int executions = shape.executions(u, g);
            if (executions > 0) {
                ran.add(new long[] {g, executions});
            }
        }
        List<AgentNodeExecutionKeyValueData> rows = new ArrayList<>(count);
        if (ran.isEmpty()) {
            return rows;
        }
        for (int i = 0; i < count; i++) {
            Rng rng = shape.rng("AgentNodeExecutionKeyValueData", u, i);
            long[] graph = rng.pick(ran);
            long g = graph[0];
            long e = rng.nextLong(graph[1]);
            ExecutionTimeline timeline = timelines.of(u, g, e);
            int n = rng.nextInt(timeline.nodes().size());
            ExecutionTimeline.NodeTiming node = timeline.nodes().get(n);
            LocalDateTime written = node.started() != null ? node.started() : node.added();
            // The ordinal keeps keys unique per user, as the primary key (userId, key) requires.
            String name = rng.pick(KEYS) + "_" + (i + 1);
            String key = rng.chance(0.7) ? "agent#" + shape.graphId(u, g) + "#" + name : "global#" + name;
            Json data = switch (rng.nextInt(3)) {
                case 0 -> Json.of(rng.between(0, 10_000));
                case 1 -> Json.of("item-" + rng.hex(8));
                default -> Json.obj("items", List.of(rng.hex(6), rng.hex(6)), "updated", written.toString());
            };
            LocalDateTime updated = rng.chance(0.5) ? DatasetShape.between(rng, written, shape.now()) : null;
            rows.add(new AgentNodeExecutionKeyValueData(shape.userId(u), key,
                    shape.nodeExecutionId(u, g, e, n), data, written, updated));
        }
        return rows;
    }
}
