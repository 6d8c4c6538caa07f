package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentBlock;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;

/**
 * Makes {@code "AgentBlock"} rows: platform block names tagged with the seed (block names are unique in the whole
 * database) and JSON Schemas for their pins. Thread-safe.
 */
public final class AgentBlockFactory {
    private final DatasetShape shape;

    public AgentBlockFactory(DatasetShape shape) {
        this.shape = shape;
    }

    /** The input pin that nodes of block {@code b} read; links end at it. */
    public String inputPin(long b) {
        return shape.rng("pin/in", b).pick(AgentVocabulary.INPUT_PINS);
    }

    /** The output pin that nodes of block {@code b} write; links start at it. */
    public String outputPin(long b) {
        return shape.rng("pin/out", b).pick(AgentVocabulary.OUTPUT_PINS);
    }

    public AgentBlock create(long b) {
        Rng rng = shape.rng("AgentBlock", b);
        String name = rng.pick(AgentVocabulary.BLOCK_NAMES) + "-" + shape.tag(b);
        Json input = Json.obj("type", "object", "title", name + "Input",
                "properties", Json.map(inputPin(b), Json.map("type", "string", "title", inputPin(b))),
                "required", java.util.List.of(inputPin(b)));
        Json output = Json.obj("type", "object", "title", name + "Output",
                "properties", Json.map(outputPin(b), Json.map("type", "string", "title", outputPin(b)),
                        "error", Json.map("type", "string", "title", "Error")));
        String description = "Reads its " + inputPin(b) + " input and produces " + outputPin(b) + ".";
        return new AgentBlock(shape.blockId(b), name, input.text(), output.text(), description, null);
    }
}
