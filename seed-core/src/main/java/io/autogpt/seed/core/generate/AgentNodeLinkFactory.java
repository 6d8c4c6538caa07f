package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentNodeLink;

/**
 * Makes the {@code "AgentNodeLink"} rows of a graph: link {@code n} joins node {@code n}'s output pin to node
 * {@code n + 1}'s input pin, so a graph of k nodes has k − 1 links. Thread-safe.
 */
public final class AgentNodeLinkFactory {
    private final DatasetShape shape;
    private final AgentNodeFactory nodes;
    private final AgentBlockFactory blocks;

    public AgentNodeLinkFactory(DatasetShape shape) {
        this.shape = shape;
        this.nodes = new AgentNodeFactory(shape);
        this.blocks = new AgentBlockFactory(shape);
    }

    public AgentNodeLink create(long u, long g, long n) {
        String source = blocks.outputPin(nodes.block(u, g, n));
        String sink = blocks.inputPin(nodes.block(u, g, n + 1));
        return new AgentNodeLink(shape.id("AgentNodeLink", u, g, n), shape.nodeId(u, g, n), source,
                shape.nodeId(u, g, n + 1), sink, shape.rng("AgentNodeLink", u, g, n).chance(0.1));
    }
}
