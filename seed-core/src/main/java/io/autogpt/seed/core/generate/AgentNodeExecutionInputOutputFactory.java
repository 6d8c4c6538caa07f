package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.execution.AgentNodeExecutionInputOutput;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the inputs and outputs of a node execution: one input on the block's input pin once the node was queued,
 * and one output once it ended: on the block's output pin when it completed, on {@code error} when it failed.
 * Nodes that never ran, or were terminated, have no output. Thread-safe.
 */
public final class AgentNodeExecutionInputOutputFactory {
    private final DatasetShape shape;
    private final AgentNodeFactory nodes;
    private final AgentBlockFactory blocks;

    public AgentNodeExecutionInputOutputFactory(DatasetShape shape) {
        this.shape = shape;
        this.nodes = new AgentNodeFactory(shape);
        this.blocks = new AgentBlockFactory(shape);
    }

    public List<AgentNodeExecutionInputOutput> create(long u, long g, long e, int n, ExecutionTimeline timeline) {
        ExecutionTimeline.NodeTiming timing = timeline.nodes().get(n);
        List<AgentNodeExecutionInputOutput> rows = new ArrayList<>(2);
        if (timing.queued() == null) {
            return rows;
        }
        Rng rng = shape.rng("AgentNodeExecutionInputOutput", u, g, e, n);
        long block = nodes.block(u, g, n);
        String execId = shape.nodeExecutionId(u, g, e, n);
        String subject = rng.pick(AgentVocabulary.GRAPH_SUBJECTS);
        rows.add(new AgentNodeExecutionInputOutput(shape.id("AgentNodeExecutionInputOutput", u, g, e, n, 0),
                blocks.inputPin(block), timing.queued(), execId, null, null, Json.of("Tell me about " + subject)));
        String outputName = switch (timing.status()) {
            case COMPLETED -> blocks.outputPin(block);
            case FAILED -> "error";
            default -> null;
        };
        if (outputName != null) {
            Json data = timing.status() == AgentExecutionStatus.COMPLETED
                    ? Json.of(subject + " report #" + rng.nextInt(10_000))
                    : Json.of("Block execution failed: " + rng.pick(List.of("timeout", "rate limited", "bad input")));
            rows.add(new AgentNodeExecutionInputOutput(shape.id("AgentNodeExecutionInputOutput", u, g, e, n, 1),
                    outputName, timing.ended(), null, execId, null, data));
        }
        return rows;
    }
}
