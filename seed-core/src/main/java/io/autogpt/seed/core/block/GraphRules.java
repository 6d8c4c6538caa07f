package io.autogpt.seed.core.block;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.agent.AgentNodeLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules a graph of nodes and links must meet for the platform to save and run it: those its own validation
 * ({@code backend/data/graph.py}, {@code GraphModel._validate_graph_get_errors} with {@code for_run}) applies, and a
 * few stricter ones the builder relies on (types across links, constants of the pin's type, a position to lay the node
 * out). Immutable and thread-safe.
 */
public final class GraphRules {
    /** One rule; {@link #platform()} tells whether the platform's validation applies it or only the builder needs it. */
    public enum Rule {
        /** A node's block is one the platform registers ("Invalid block …"). */
        KNOWN_BLOCK(true),
        /** Both ends of a link are nodes of the graph. */
        LINK_ENDS_IN_GRAPH(true),
        /** A link leaves an output pin of its source node's block. */
        LINK_FROM_OUTPUT_PIN(true),
        /** A link enters an input pin of its sink node's block. */
        LINK_TO_INPUT_PIN(true),
        /** Every required input (credentials aside) is set or linked ("This field is required"). */
        REQUIRED_INPUTS(true),
        /** An input block's name is not {@code credentials} or {@code *_credentials}. */
        INPUT_NAME_NOT_RESERVED(true),
        /** A link leaving a block with static output is static (the platform rewrites it so on save). */
        STATIC_LINKS(true),
        /** The sink pin's type accepts the source pin's. */
        LINK_TYPES_COMPATIBLE(false),
        /** Each constant input names an input pin and holds a value of its type (an enum's from its values). */
        CONSTANTS_TYPED(false),
        /** The node's block needs no credentials, so any deployment runs it. */
        NO_CREDENTIALS(false),
        /** The node's metadata carries a numeric builder position. */
        POSITIONED(false);

        private final boolean platform;

        Rule(boolean platform) {
            this.platform = platform;
        }

        public boolean platform() {
            return platform;
        }
    }

    /**
     * A broken rule.
     *
     * @param rule    the rule
     * @param nodeId  the node (for a link, its sink node) the problem is at
     * @param message what is wrong, as the platform would say it where it says it
     */
    public record Violation(Rule rule, String nodeId, String message) {
        public Violation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(message, "message");
        }
    }

    private final BlockCatalogue catalogue;

    public GraphRules(BlockCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** Every rule one graph's {@code nodes} and {@code links} break; empty when the graph is valid. */
    public List<Violation> check(Collection<AgentNode> nodes, Collection<AgentNodeLink> links) {
        List<Violation> found = new ArrayList<>();
        Map<String, AgentNode> byId = new HashMap<>();
        Map<String, Map<String, @Nullable Object>> constants = new HashMap<>();
        for (AgentNode node : nodes) {
            byId.put(node.id(), node);
            constants.put(node.id(), JsonText.object(node.constantInput()));
        }
        Map<String, Set<String>> linkedInputs = new HashMap<>();
        for (AgentNodeLink link : links) {
            checkLink(link, byId, constants, found);
            linkedInputs.computeIfAbsent(link.agentNodeSinkId(), k -> new HashSet<>())
                    .add(Block.pinName(link.sinkName()));
        }
        for (AgentNode node : nodes) {
            Optional<Block> block = catalogue.byId(node.agentBlockId());
            if (block.isEmpty()) {
                found.add(new Violation(Rule.KNOWN_BLOCK, node.id(),
                        "Invalid block " + node.agentBlockId() + " for node #" + node.id()));
                continue;
            }
            checkNode(node, block.get(), constants.getOrDefault(node.id(), Map.of()),
                    linkedInputs.getOrDefault(node.id(), Set.of()), found);
        }
        return found;
    }

    private void checkNode(AgentNode node, Block block, Map<String, @Nullable Object> constant, Set<String> linked,
                           List<Violation> found) {
        Set<String> provided = new HashSet<>(linked);
        constant.keySet().forEach(k -> provided.add(Block.pinName(k)));
        for (Pin pin : block.inputs()) {
            if (pin.required() && !pin.credentials() && !provided.contains(pin.name())) {
                found.add(new Violation(Rule.REQUIRED_INPUTS, node.id(),
                        block.name() + " `" + pin.name() + "`: This field is required"));
            }
        }
        if (block.type() == BlockType.INPUT && constant.get("name") instanceof String name
                && (name.equals("credentials") || name.endsWith("_credentials"))) {
            found.add(new Violation(Rule.INPUT_NAME_NOT_RESERVED, node.id(), "'" + name
                    + "' is a reserved input name: 'credentials' and `*_credentials` are reserved"));
        }
        for (Map.Entry<String, @Nullable Object> e : constant.entrySet()) {
            checkConstant(node, block, e.getKey(), e.getValue(), found);
        }
        if (block.needsCredentials()) {
            found.add(new Violation(Rule.NO_CREDENTIALS, node.id(), block.name() + " needs credentials"));
        }
        Object position = JsonText.object(node.metadata()).get("position");
        if (!(position instanceof Map<?, ?> p && p.get("x") instanceof Number && p.get("y") instanceof Number)) {
            found.add(new Violation(Rule.POSITIONED, node.id(), "no builder position in the node's metadata"));
        }
    }

    private static void checkConstant(AgentNode node, Block block, String key, @Nullable Object value,
                                      List<Violation> found) {
        Optional<Pin> pin = block.input(key);
        if (pin.isEmpty()) {
            found.add(new Violation(Rule.CONSTANTS_TYPED, node.id(),
                    block.name() + " has no input `" + key + "` for a constant"));
            return;
        }
        Pin p = pin.get();
        if (value == null) {
            if (p.required()) {
                found.add(new Violation(Rule.CONSTANTS_TYPED, node.id(),
                        block.name() + " `" + key + "` is required but set to null"));
            }
            return;
        }
        boolean whole = !Block.isDynamic(key);
        if (whole && !p.type().holds(value)
                || whole && p.type() == PinType.ENUM && !p.enumValues().isEmpty() && !p.enumValues().contains(value)) {
            found.add(new Violation(Rule.CONSTANTS_TYPED, node.id(), block.name() + " `" + key + "` expects "
                    + p.type().name().toLowerCase(java.util.Locale.ROOT) + (p.enumValues().isEmpty() ? ""
                    : " of " + p.enumValues()) + ", got " + value));
        }
    }

    private void checkLink(AgentNodeLink link, Map<String, AgentNode> byId,
                           Map<String, Map<String, @Nullable Object>> constants, List<Violation> found) {
        String where = "Link (" + link.agentNodeSourceId() + ", " + link.sourceName() + ") <-> ("
                + link.agentNodeSinkId() + ", " + link.sinkName() + ")";
        AgentNode source = byId.get(link.agentNodeSourceId());
        AgentNode sink = byId.get(link.agentNodeSinkId());
        if (source == null || sink == null) {
            found.add(new Violation(Rule.LINK_ENDS_IN_GRAPH, link.agentNodeSinkId(),
                    where + ", " + (source == null ? link.agentNodeSourceId() : link.agentNodeSinkId())
                            + " is invalid node id"));
            return;
        }
        Optional<Block> from = catalogue.byId(source.agentBlockId());
        Optional<Block> to = catalogue.byId(sink.agentBlockId());
        if (from.isEmpty() || to.isEmpty()) {
            return; // KNOWN_BLOCK reports the node.
        }
        Optional<PinType> out = pinType(from.get(), link.sourceName(), false, constants.getOrDefault(source.id(),
                Map.of()));
        Optional<PinType> in = pinType(to.get(), link.sinkName(), true, constants.getOrDefault(sink.id(), Map.of()));
        if (out.isEmpty()) {
            found.add(new Violation(Rule.LINK_FROM_OUTPUT_PIN, sink.id(),
                    where + ", `" + link.sourceName() + "` invalid, no such output of " + from.get().name()));
        }
        if (in.isEmpty()) {
            found.add(new Violation(Rule.LINK_TO_INPUT_PIN, sink.id(),
                    where + ", `" + link.sinkName() + "` invalid, no such input of " + to.get().name()));
        }
        if (from.get().staticOutput() && !link.isStatic()) {
            found.add(new Violation(Rule.STATIC_LINKS, sink.id(),
                    where + " leaves " + from.get().name() + ", whose output is static, but is not static"));
        }
        if (out.isPresent() && in.isPresent()) {
            // A link into a part of a pin (a dictionary key, a list item) carries any value.
            PinType sinkType = Block.isDynamic(link.sinkName()) ? PinType.ANY : in.get();
            PinType sourceType = Block.isDynamic(link.sourceName()) ? PinType.ANY : out.get();
            if (!sinkType.accepts(sourceType)) {
                found.add(new Violation(Rule.LINK_TYPES_COMPATIBLE, sink.id(), where + ": "
                        + sinkType.name().toLowerCase(java.util.Locale.ROOT) + " input cannot take "
                        + sourceType.name().toLowerCase(java.util.Locale.ROOT) + " output"));
            }
        }
    }

    /**
     * The type of the pin a link names; empty when the block has no such pin. A tool pin exists on any block; an
     * agent block's pins are those of the graph it runs, from its constant schemas, of any type.
     */
    private static Optional<PinType> pinType(Block block, String name, boolean input,
                                             Map<String, @Nullable Object> constant) {
        if (Block.isToolPin(Block.pinName(name))) {
            return Optional.of(PinType.ANY);
        }
        if (block.type() == BlockType.AGENT) {
            Object schema = constant.get(input ? "input_schema" : "output_schema");
            boolean has = schema instanceof Map<?, ?> s && s.get("properties") instanceof Map<?, ?> props
                    && props.containsKey(Block.pinName(name));
            return has ? Optional.of(PinType.ANY) : Optional.empty();
        }
        return (input ? block.input(name) : block.output(name)).map(Pin::type);
    }
}
