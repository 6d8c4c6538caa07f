package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentNodeExecution;
import io.autogpt.seed.core.json.Json;
import java.time.Duration;

/**
 * Makes the {@code "AgentNodeExecution"} row of each node of a graph execution: of its graph's nodes, whoever ran
 * it. Thread-safe.
 */
final class AgentNodeExecutionFactory {
    private final DatasetShape shape;

    public AgentNodeExecutionFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public AgentNodeExecution create(Run run, int n, ExecutionTimeline timeline) {
        ExecutionTimeline.NodeTiming timing = timeline.nodes().get(n);
        Json stats = null;
        if (timing.ended() != null) {
            double seconds = Duration.between(timing.started(), timing.ended()).toMillis() / 1000.0;
            stats = Json.obj("walltime", seconds, "cputime", Math.round(seconds * 250) / 1000.0);
        }
        return new AgentNodeExecution(shape.nodeExecutionId(run, n), shape.graphExecutionId(run),
                shape.nodeId(run.owner(), run.g(), n), timing.added(), timing.queued(), timing.started(),
                timing.ended(), timing.status(), stats, null);
    }
}
