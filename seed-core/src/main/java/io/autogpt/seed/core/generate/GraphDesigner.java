package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.Block;
import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.block.BlockType;
import io.autogpt.seed.core.block.Pin;
import io.autogpt.seed.core.block.PinType;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Designs graph (u, g) from the platform's core blocks: a template modelled on the platform's own exported agents
 * when one has a size within {@code nodesPerGraph}, else a random composition of that size. Either way the graph
 * starts at input blocks, passes through processing blocks and ends in output blocks, every link joins an output pin
 * to an input pin of a compatible type, and every required input is linked or set (see
 * {@link io.autogpt.seed.core.block.GraphRules}). Pure: the same (seed, u, g) gives the same design. Thread-safe.
 */
final class GraphDesigner {
    /** Share of graphs made from a template, when templates of a fitting size exist. */
    private static final double TEMPLATE_SHARE = 0.6;
    /** Blocks a random composition leaves out: they need files or a feed a seeded run has not got. */
    private static final Set<String> NOT_COMPOSED = Set.of("FileStoreBlock", "FileReadBlock", "ReadRSSFeedBlock",
            "ReadSpreadsheetBlock", "DataSamplingBlock", "CountdownTimerBlock", "AddAudioToVideoBlock",
            "LoopVideoBlock", "MediaDurationBlock");
    private static final List<String> INPUT_BLOCKS = List.of("AgentInputBlock", "AgentShortTextInputBlock",
            "AgentLongTextInputBlock", "AgentNumberInputBlock", "AgentToggleInputBlock", "AgentTableInputBlock");
    private static final List<String> INPUT_NAMES = List.of("topic", "text", "url", "query", "company", "keyword",
            "question", "audience", "notes", "city", "limit", "language");
    private static final List<String> OUTPUT_NAMES = List.of("result", "summary", "report", "answer", "items",
            "status", "details", "draft");

    private static final BlockCatalogue CATALOGUE = BlockCatalogue.platform();
    /** The blocks a random composition picks from: core processing blocks whose required inputs it can set. */
    private static final List<Block> PROCESSING = CATALOGUE.core().stream()
            .filter(b -> b.type() == BlockType.STANDARD && !NOT_COMPOSED.contains(b.name()))
            .filter(b -> b.inputs().stream().filter(p -> p.required() && !p.credentials())
                    .allMatch(PinValues::canMake))
            .filter(b -> b.outputs().stream().anyMatch(p -> !p.name().equals("error")))
            .toList();

    private final DatasetShape shape;
    /** The templates whose size lies within the plan's nodes per graph. */
    private final List<GraphTemplates.Template> fitting;

    GraphDesigner(DatasetShape shape) {
        this.shape = shape;
        IntRange range = shape.scale().nodesPerGraph();
        this.fitting = GraphTemplates.ALL.stream()
                .filter(t -> t.size() >= range.min() && t.size() <= range.max()).toList();
    }

    /** How many nodes graph (u, g) has, without designing it. */
    public int size(long u, long g) {
        Choice choice = choose(u, g);
        return choice.template != null ? choice.template.size() : choice.size;
    }

    public GraphDesign design(long u, long g) {
        Choice choice = choose(u, g);
        Composer c = new Composer(CATALOGUE, shape.rng("graph/build", u, g));
        if (choice.template != null) {
            choice.template.build().accept(c);
            return c.build(choice.template.name());
        }
        compose(c, choice.size);
        return c.build("composed");
    }

    private record Choice(GraphTemplates.@Nullable Template template, int size) {
    }

    private Choice choose(long u, long g) {
        Rng rng = shape.rng("graph/design", u, g);
        if (!fitting.isEmpty() && rng.chance(TEMPLATE_SHARE)) {
            return new Choice(rng.pick(fitting), 0);
        }
        return new Choice(null, DatasetShape.draw(shape.scale().nodesPerGraph(), rng));
    }

    /** A random graph of {@code size} nodes: inputs, then blocks each fed by an earlier node, then outputs. */
    private void compose(Composer c, int size) {
        Rng rng = c.rng();
        int inputs = size >= 6 ? 1 + rng.nextInt(2) : 1;
        int outputs = size < 2 ? 0 : size >= 5 ? 1 + rng.nextInt(2) : 1;
        int middle = size - inputs - outputs;
        for (int i = 0; i < inputs; i++) {
            c.input(rng.pick(INPUT_BLOCKS), rng.pick(INPUT_NAMES));
        }
        for (int i = 0; i < middle; i++) {
            addFedBlock(c, rng);
        }
        int firstOutput = c.size();
        for (int i = 0; i < outputs; i++) {
            int source = c.unconsumedSource(rng, firstOutput);
            Pin pin = c.pickOutput(source, rng);
            int out = c.output(rng.pick(OUTPUT_NAMES));
            c.link(source, pin.name(), out, "value");
        }
    }

    /** Adds a processing block one of whose inputs an earlier node's output can feed, and links them. */
    private void addFedBlock(Composer c, Rng rng) {
        for (int attempt = 0; attempt < 24; attempt++) {
            Block block = rng.pick(PROCESSING);
            List<int[]> feeds = new ArrayList<>();
            List<Pin> feedPins = new ArrayList<>();
            for (int source = 0; source < c.size(); source++) {
                for (Pin out : c.sources(source)) {
                    for (Pin in : block.inputs()) {
                        if (!in.credentials() && in.type() != PinType.OTHER && in.type().accepts(out.type())
                                && in.type() != PinType.ENUM) {
                            feeds.add(new int[] {source, feedPins.size()});
                            feedPins.add(out);
                            feedPins.add(in);
                        }
                    }
                }
            }
            if (feeds.isEmpty()) {
                continue;
            }
            // An input nothing reads yet comes first: every input of the graph feeds something.
            List<int[]> fresh = feeds.stream().filter(f -> c.isUnconsumedInput(f[0])).toList();
            int[] feed = rng.pick(fresh.isEmpty() ? feeds : fresh);
            int node = c.node(block.name());
            c.link(feed[0], feedPins.get(feed[1]).name(), node, feedPins.get(feed[1] + 1).name());
            return;
        }
        // Takes any value, so any earlier output feeds it.
        int node = c.node("StoreValueBlock");
        int source = rng.nextInt(node);
        c.link(source, c.pickOutput(source, rng).name(), node, "input");
    }
}
