package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentBlock;
import io.autogpt.seed.core.block.Block;

/**
 * Makes {@code "AgentBlock"} rows from the platform's catalogue: its fixed id and name, and JSON Schemas of its pins.
 * The platform rewrites the schemas from its source when it starts; until then the builder reads these. Thread-safe.
 */
final class AgentBlockFactory {
    public AgentBlock create(Block block) {
        return new AgentBlock(block.id(), block.name(), block.inputSchema().text(), block.outputSchema().text(),
                block.description().isEmpty() ? null : block.description(), null);
    }
}
