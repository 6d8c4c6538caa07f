package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;

/** Makes the {@code "AgentNode"} rows of a graph, laid out left to right. Thread-safe. */
public final class AgentNodeFactory {
    private final DatasetShape shape;
    private final AgentBlockFactory blocks;

    public AgentNodeFactory(DatasetShape shape) {
        this.shape = shape;
        this.blocks = new AgentBlockFactory(shape);
    }

    /** The block ordinal node (u, g, n) is an instance of. */
    public long block(long u, long g, long n) {
        return shape.rng("node/block", u, g, n).nextInt(shape.scale().blocks());
    }

    public AgentNode create(long u, long g, long n) {
        Rng rng = shape.rng("AgentNode", u, g, n);
        long b = block(u, g, n);
        Json constant = rng.chance(0.5)
                ? Json.obj("model", rng.pick(AgentVocabulary.LLM_MODELS))
                : Json.obj(blocks.inputPin(b), rng.pick(AgentVocabulary.GRAPH_SUBJECTS));
        Json metadata = Json.obj("position", Json.map("x", n * 420 + rng.nextInt(40), "y", rng.nextInt(300)));
        return new AgentNode(shape.nodeId(u, g, n), shape.blockId(b), shape.graphId(u, g), 1, null, constant,
                metadata);
    }
}
