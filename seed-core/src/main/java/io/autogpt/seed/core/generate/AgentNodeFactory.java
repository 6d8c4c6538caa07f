package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.json.Json;

/** Makes the {@code "AgentNode"} rows of a graph from its design: block, constant inputs, builder position. */
final class AgentNodeFactory {
    private final DatasetShape shape;

    public AgentNodeFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public AgentNode create(long u, long g, int n, GraphDesign design) {
        GraphDesign.Node node = design.nodes().get(n);
        Json metadata = Json.obj("position", Json.map("x", node.x(), "y", node.y()));
        return new AgentNode(shape.nodeId(u, g, n), node.block().id(), shape.graphId(u, g), 1, null,
                Json.of(node.constants()), metadata);
    }
}
