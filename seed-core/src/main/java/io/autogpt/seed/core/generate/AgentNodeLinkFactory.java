package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentNodeLink;

/** Makes the {@code "AgentNodeLink"} rows of a graph from its design. Thread-safe. */
final class AgentNodeLinkFactory {
    private final DatasetShape shape;

    public AgentNodeLinkFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public AgentNodeLink create(long u, long g, int k, GraphDesign design) {
        GraphDesign.Link link = design.links().get(k);
        return new AgentNodeLink(shape.id("AgentNodeLink", u, g, k), shape.nodeId(u, g, link.source()),
                link.sourceName(), shape.nodeId(u, g, link.sink()), link.sinkName(), link.isStatic());
    }
}
