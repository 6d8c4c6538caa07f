package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.Block;
import io.autogpt.seed.core.block.BlockType;
import io.autogpt.seed.core.block.Pin;
import io.autogpt.seed.core.block.PinType;
import io.autogpt.seed.core.execution.AgentNodeExecutionInputOutput;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the inputs and outputs of a node execution on the block's real pins. Once the node was queued: one input per
 * pin a link feeds (an input block receives its {@code value}). Once it ended: on completion one output per pin a
 * link leaves (an output block records {@code output} and {@code name}; on today's platform the {@code output} of a
 * run that returned a workspace file is {@code workspace://<file id>}, see {@link RunFiles}); on failure one on
 * {@code error}. Nodes that
 * never ran, or were terminated, have no output. Data is of each pin's type. Thread-safe.
 */
final class AgentNodeExecutionInputOutputFactory {
    private static final List<String> FAILURES = List.of("timeout after 30s", "rate limited by upstream service",
            "invalid input: value could not be converted", "connection reset by peer");

    private final DatasetShape shape;
    private final RunFiles files;

    public AgentNodeExecutionInputOutputFactory(DatasetShape shape) {
        this.shape = shape;
        this.files = new RunFiles(shape);
    }

    public List<AgentNodeExecutionInputOutput> create(Run run, int n, ExecutionTimeline timeline) {
        ExecutionTimeline.NodeTiming timing = timeline.nodes().get(n);
        List<AgentNodeExecutionInputOutput> rows = new ArrayList<>(3);
        if (timing.queued() == null) {
            return rows;
        }
        GraphDesign design = shape.design(run.owner(), run.g());
        Block block = design.nodes().get(n).block();
        Rng rng = shape.rng(run, "AgentNodeExecutionInputOutput", n);
        String execId = shape.nodeExecutionId(run, n);
        int k = 0;
        for (String pin : inputPins(design, n)) {
            Json data = data(block.type() == BlockType.INPUT ? block.output("result") : block.input(pin), pin, rng);
            rows.add(new AgentNodeExecutionInputOutput(shape.id(run, "AgentNodeExecutionInputOutput", n, k++),
                    pin, timing.queued(), execId, null, null, data));
        }
        switch (timing.status()) {
            case COMPLETED -> {
                for (String pin : outputPins(design, n)) {
                    Json data = data(block.output(pin), pin, rng);
                    // Today's platform: a run of the user's own graph that returned one of their workspace files names
                    // it on its output block.
                    if (!run.ofOthersGraph() && pin.equals("output") && block.type() == BlockType.OUTPUT
                            && n == files.outputNode(run.owner(), run.g())) {
                        data = files.returned(run.owner(), run.g(), run.k(), timeline)
                                .map(f -> Json.of(RunFiles.SCHEME + f.id())).orElse(data);
                    }
                    rows.add(new AgentNodeExecutionInputOutput(
                            shape.id(run, "AgentNodeExecutionInputOutput", n, k++), pin,
                            Objects.requireNonNull(timing.ended()), null,
                            execId, null, data));
                }
            }
            case FAILED -> rows.add(new AgentNodeExecutionInputOutput(
                    shape.id(run, "AgentNodeExecutionInputOutput", n, k), "error",
                    Objects.requireNonNull(timing.ended()), null, execId,
                    null, Json.of(block.name() + " failed: " + rng.pick(FAILURES))));
            default -> { }
        }
        return rows;
    }

    /** The pins a run of node {@code n} receives data on. */
    private static Set<String> inputPins(GraphDesign design, int n) {
        Block block = design.nodes().get(n).block();
        Set<String> pins = new LinkedHashSet<>();
        if (block.type() == BlockType.INPUT) {
            pins.add("value");
            return pins;
        }
        design.linksInto(n).forEach(l -> pins.add(l.sinkName()));
        if (pins.isEmpty()) {
            block.inputs().stream().filter(Pin::required).findFirst().ifPresent(p -> pins.add(p.name()));
        }
        return pins;
    }

    /** The pins a completed run of node {@code n} produces data on. */
    private static Set<String> outputPins(GraphDesign design, int n) {
        Block block = design.nodes().get(n).block();
        Set<String> pins = new LinkedHashSet<>();
        if (block.type() == BlockType.OUTPUT) {
            pins.add("output");
            pins.add("name");
            return pins;
        }
        design.linksFrom(n).forEach(l -> pins.add(l.sourceName()));
        if (pins.isEmpty()) {
            block.outputs().stream().filter(p -> !p.name().equals("error")).findFirst()
                    .ifPresent(p -> pins.add(p.name()));
        }
        return pins;
    }

    private static Json data(java.util.Optional<Pin> pin, String name, Rng rng) {
        if (pin.isPresent() && pin.get().type() != PinType.ANY && !Block.isDynamic(name)) {
            var value = PinValues.of(pin.get(), rng);
            if (value.isPresent()) {
                return Json.of(value.get());
            }
        }
        return Json.of(rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " report #" + rng.nextInt(10_000));
    }
}
