package io.autogpt.seed.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.agent.AgentNodeLink;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.run.Dataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every seeded graph meets the platform's rules against the real catalogue, and each rule, shown on a small valid
 * graph, reports the one mistake made to break it.
 */
class GraphRulesTest {
    private static final BlockCatalogue CATALOGUE = BlockCatalogue.platform();
    private static final GraphRules RULES = new GraphRules(CATALOGUE);
    private static final SeedPlan SCALE_1 = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original());

    @Test
    void theCatalogueIsThePlatformsWithItsFixedIds() {
        assertThat(CATALOGUE.size()).isEqualTo(465);
        assertThat(CATALOGUE.named("AgentInputBlock").id()).isEqualTo("c0a8e994-ebf1-4a9c-a4d8-89d09c86741b");
        assertThat(CATALOGUE.named("AgentOutputBlock").id()).isEqualTo("363ae599-353e-4804-937e-b2ee3cef3da4");
        assertThat(CATALOGUE.named("AgentOutputBlock").input("name").orElseThrow().required()).isTrue();
        assertThat(CATALOGUE.core()).hasSizeGreaterThan(40)
                .allSatisfy(b -> assertThat(b.needsCredentials()).isFalse());
        assertThat(CATALOGUE.core()).extracting(Block::name).doesNotContain("AITextGeneratorBlock", "AgentExecutorBlock");
    }

    @Test
    void everyGraphOfAScaleOneDatasetMeetsEveryRule() {
        Graphs graphs = Graphs.of(new Dataset(SCALE_1));
        Map<String, List<GraphRules.Violation>> broken = new TreeMap<>();
        graphs.nodes.forEach((graph, nodes) -> {
            List<GraphRules.Violation> v = RULES.check(nodes, graphs.links.getOrDefault(graph, List.of()));
            if (!v.isEmpty()) {
                broken.put(graph, v);
            }
        });
        assertThat(broken).isEmpty();
        assertThat(graphs.nodes).hasSizeGreaterThan(200);
        Set<String> blocks = graphs.nodes.values().stream().flatMap(List::stream).map(AgentNode::agentBlockId)
                .collect(Collectors.toSet());
        assertThat(blocks).hasSizeGreaterThan(30);
        assertThat(blocks).allSatisfy(id -> assertThat(CATALOGUE.byId(id).orElseThrow().isCore()).isTrue());
        assertShaped(graphs);
    }

    @Test
    void largeCompositionsMeetEveryRuleAndKeepTheirSize() {
        SeedPlan plan = SeedPlan.of(5, Instant.parse("2025-06-01T00:00:00Z"), new ScaleProfile(30,
                IntRange.exactly(3), new IntRange(8, 14), IntRange.exactly(1), IntRange.exactly(1),
                IntRange.exactly(1), IntRange.exactly(1), IntRange.exactly(1), IntRange.exactly(1),
                IntRange.exactly(1), IntRange.exactly(1), 0.5, 0.5, IntRange.exactly(0), IntRange.exactly(0), 10));
        Graphs graphs = Graphs.of(new Dataset(plan));
        graphs.nodes.forEach((graph, nodes) -> {
            assertThat(nodes.size()).isBetween(8, 14);
            assertThat(RULES.check(nodes, graphs.links.getOrDefault(graph, List.of()))).isEmpty();
        });
        assertShaped(graphs);
    }

    /** Every graph of two or more nodes starts at input blocks and ends in output blocks; every node is linked. */
    private static void assertShaped(Graphs graphs) {
        graphs.nodes.forEach((graph, nodes) -> {
            if (nodes.size() < 2) {
                return;
            }
            assertThat(nodes).anySatisfy(n -> assertThat(type(n)).isEqualTo(BlockType.INPUT));
            assertThat(nodes).anySatisfy(n -> assertThat(type(n)).isEqualTo(BlockType.OUTPUT));
            Set<String> linked = new HashSet<>();
            graphs.links.getOrDefault(graph, List.of()).forEach(l -> {
                linked.add(l.agentNodeSourceId());
                linked.add(l.agentNodeSinkId());
            });
            assertThat(linked).as("nodes of graph %s all linked", graph)
                    .containsAll(nodes.stream().map(AgentNode::id).toList());
        });
    }

    // ---- each rule, broken on purpose ------------------------------------------------------------------------

    @Test
    void theSmallGraphIsValid() {
        assertThat(RULES.check(Small.nodes(), Small.links())).isEmpty();
    }

    @Test
    void anUnknownBlockIsReported() {
        assertBreaks(GraphRules.Rule.KNOWN_BLOCK, Small.replaceNode("replace",
                n -> node(n.id(), "00000000-0000-0000-0000-00000000beef", n.constantInput())), Small.links());
    }

    @Test
    void aLinkToANodeOutsideTheGraphIsReported() {
        assertBreaks(GraphRules.Rule.LINK_ENDS_IN_GRAPH, Small.nodes(), Small.replaceLink(1,
                l -> new AgentNodeLink(l.id(), l.agentNodeSourceId(), l.sourceName(), "elsewhere", l.sinkName(),
                        l.isStatic())));
    }

    @Test
    void aLinkFromAPinTheSourceLacksIsReported() {
        assertBreaks(GraphRules.Rule.LINK_FROM_OUTPUT_PIN, Small.nodes(), Small.replaceLink(0,
                l -> new AgentNodeLink(l.id(), l.agentNodeSourceId(), "answer", l.agentNodeSinkId(), l.sinkName(),
                        l.isStatic())));
    }

    @Test
    void aLinkIntoAPinTheSinkLacksIsReported() {
        // TextReplaceBlock's `text` is then neither linked nor set: two rules break, the pin one among them.
        List<GraphRules.Violation> v = RULES.check(Small.nodes(), Small.replaceLink(0,
                l -> new AgentNodeLink(l.id(), l.agentNodeSourceId(), l.sourceName(), l.agentNodeSinkId(), "body",
                        l.isStatic())));
        assertThat(v).extracting(GraphRules.Violation::rule)
                .containsExactlyInAnyOrder(GraphRules.Rule.LINK_TO_INPUT_PIN, GraphRules.Rule.REQUIRED_INPUTS);
    }

    @Test
    void aRequiredInputNeitherSetNorLinkedIsReported() {
        assertBreaks(GraphRules.Rule.REQUIRED_INPUTS, Small.replaceNode("replace",
                n -> node(n.id(), n.agentBlockId(), Json.obj("new", "y"))), Small.links());
    }

    @Test
    void aReservedInputNameIsReported() {
        assertBreaks(GraphRules.Rule.INPUT_NAME_NOT_RESERVED, Small.replaceNode("topic",
                n -> node(n.id(), n.agentBlockId(), Json.obj("name", "api_credentials"))), Small.links());
    }

    @Test
    void aNonStaticLinkFromAStaticBlockIsReported() {
        assertBreaks(GraphRules.Rule.STATIC_LINKS, Small.nodes(), Small.replaceLink(2,
                l -> new AgentNodeLink(l.id(), l.agentNodeSourceId(), l.sourceName(), l.agentNodeSinkId(),
                        l.sinkName(), false)));
    }

    @Test
    void aLinkBetweenIncompatibleTypesIsReported() {
        // A table input's rows (an array) into the text to edit (a string).
        List<AgentNode> nodes = new ArrayList<>(Small.nodes());
        nodes.add(node("table", "AgentTableInputBlock", Json.obj("name", "rows"), 0));
        assertBreaks(GraphRules.Rule.LINK_TYPES_COMPATIBLE, nodes, Small.replaceLink(0,
                l -> new AgentNodeLink(l.id(), "table", "result", l.agentNodeSinkId(), l.sinkName(), false)));
    }

    @Test
    void aConstantOfTheWrongTypeOrOutsideItsEnumIsReported() {
        assertBreaks(GraphRules.Rule.CONSTANTS_TYPED, Small.replaceNode("replace",
                n -> node(n.id(), n.agentBlockId(), Json.obj("old", 5, "new", "y"))), Small.links());
        List<AgentNode> nodes = new ArrayList<>(Small.nodes());
        nodes.add(node("check", "ConditionBlock", Json.obj("value1", 1, "operator", "~", "value2", 2), 5));
        assertBreaks(GraphRules.Rule.CONSTANTS_TYPED, nodes, Small.links());
        nodes.set(nodes.size() - 1, node("check", "ConditionBlock",
                Json.obj("value1", 1, "operator", ">=", "value2", 2), 5));
        assertThat(RULES.check(nodes, Small.links())).isEmpty();
    }

    @Test
    void aBlockThatNeedsCredentialsIsReported() {
        List<AgentNode> nodes = new ArrayList<>(Small.nodes());
        nodes.add(node("llm", "AITextGeneratorBlock", Json.obj("prompt", "Summarise"), 6));
        assertBreaks(GraphRules.Rule.NO_CREDENTIALS, nodes, Small.links());
    }

    @Test
    void aNodeWithoutAPositionIsReported() {
        assertBreaks(GraphRules.Rule.POSITIONED, Small.replaceNode("out",
                n -> new AgentNode(n.id(), n.agentBlockId(), "g", 1, null, n.constantInput(), Json.EMPTY_OBJECT)),
                Small.links());
    }

    private static void assertBreaks(GraphRules.Rule rule, List<AgentNode> nodes, List<AgentNodeLink> links) {
        assertThat(RULES.check(nodes, links)).isNotEmpty().extracting(GraphRules.Violation::rule).containsOnly(rule);
    }

    /** A valid graph: topic → TextReplace → output, and a stored value (static output) → a second output. */
    private static final class Small {
        static List<AgentNode> nodes() {
            return List.of(
                    node("topic", "AgentShortTextInputBlock", Json.obj("name", "topic"), 0),
                    node("replace", "TextReplaceBlock", Json.obj("old", "x", "new", "y"), 1),
                    node("out", "AgentOutputBlock", Json.obj("name", "result"), 2),
                    node("store", "StoreValueBlock", Json.obj("input", "go", "data", "kept"), 3),
                    node("out2", "AgentOutputBlock", Json.obj("name", "kept"), 4));
        }

        static List<AgentNodeLink> links() {
            return List.of(
                    new AgentNodeLink("l0", "topic", "result", "replace", "text", false),
                    new AgentNodeLink("l1", "replace", "output", "out", "value", false),
                    new AgentNodeLink("l2", "store", "output", "out2", "value", true));
        }

        static List<AgentNode> replaceNode(String id, UnaryOperator<AgentNode> change) {
            return nodes().stream().map(n -> n.id().equals(id) ? change.apply(n) : n).toList();
        }

        static List<AgentNodeLink> replaceLink(int index, UnaryOperator<AgentNodeLink> change) {
            List<AgentNodeLink> links = new ArrayList<>(links());
            links.set(index, change.apply(links.get(index)));
            return links;
        }
    }

    private static AgentNode node(String id, String block, Json constants, int column) {
        return new AgentNode(id, CATALOGUE.named(block).id(), "g", 1, null, constants,
                Json.obj("position", Json.map("x", column * 400, "y", 0)));
    }

    private static AgentNode node(String id, String blockId, Json constants) {
        return new AgentNode(id, blockId, "g", 1, null, constants, Json.obj("position", Json.map("x", 0, "y", 0)));
    }

    private static BlockType type(AgentNode node) {
        return CATALOGUE.byId(node.agentBlockId()).orElseThrow().type();
    }

    /** A dataset's nodes and links, by graph id. */
    private record Graphs(Map<String, List<AgentNode>> nodes, Map<String, List<AgentNodeLink>> links) {
        static Graphs of(Dataset dataset) {
            Map<String, List<AgentNode>> nodes = new HashMap<>();
            Map<String, String> graphOf = new HashMap<>();
            dataset.rows(AgentNode.TABLE).forEach(n -> {
                nodes.computeIfAbsent(n.agentGraphId(), k -> new ArrayList<>()).add(n);
                graphOf.put(n.id(), n.agentGraphId());
            });
            Map<String, List<AgentNodeLink>> links = new HashMap<>();
            Set<String> seen = new HashSet<>();
            dataset.rows(AgentNodeLink.TABLE).forEach(l -> {
                assertThat(seen.add(l.id())).isTrue();
                links.computeIfAbsent(graphOf.getOrDefault(l.agentNodeSourceId(), "?"), k -> new ArrayList<>()).add(l);
            });
            return new Graphs(nodes, links);
        }
    }
}
