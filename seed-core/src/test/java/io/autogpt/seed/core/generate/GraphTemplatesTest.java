package io.autogpt.seed.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.agent.AgentNodeLink;
import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.block.GraphRules;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each template adds the nodes it declares and, built under many seeds, makes a graph that meets every rule. */
class GraphTemplatesTest {
    private static final BlockCatalogue CATALOGUE = BlockCatalogue.platform();

    @Test
    void everyTemplateHasItsDeclaredSizeAndIsValid() {
        assertThat(GraphTemplates.ALL).hasSizeGreaterThanOrEqualTo(10);
        for (GraphTemplates.Template t : GraphTemplates.ALL) {
            for (long seed = 0; seed < 20; seed++) {
                Composer c = new Composer(CATALOGUE, Rng.of(seed, "template", 0));
                t.build().accept(c);
                GraphDesign design = c.build(t.name());
                assertThat(design.nodes()).as(t.name()).hasSize(t.size());
                assertThat(new GraphRules(CATALOGUE).check(nodes(design), links(design))).as(t.name()).isEmpty();
            }
        }
    }

    static List<AgentNode> nodes(GraphDesign design) {
        List<AgentNode> nodes = new ArrayList<>();
        for (int n = 0; n < design.nodes().size(); n++) {
            GraphDesign.Node node = design.nodes().get(n);
            nodes.add(new AgentNode("n" + n, node.block().id(), "g", 1, null, Json.of(node.constants()),
                    Json.obj("position", Json.map("x", node.x(), "y", node.y()))));
        }
        return nodes;
    }

    static List<AgentNodeLink> links(GraphDesign design) {
        List<AgentNodeLink> links = new ArrayList<>();
        for (GraphDesign.Link l : design.links()) {
            links.add(new AgentNodeLink("l" + links.size(), "n" + l.source(), l.sourceName(), "n" + l.sink(),
                    l.sinkName(), l.isStatic()));
        }
        return links;
    }
}
