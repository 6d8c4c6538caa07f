package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.Block;
import java.util.List;
import java.util.Map;

/**
 * What graph (u, g) is made of: its nodes in an order every link respects (a node's sources come before it, so a run
 * visits them in order) and its links.
 *
 * @param template the template's name, or {@code composed} for a random composition
 * @param nodes    the nodes, sources first
 * @param links    the links
 */
record GraphDesign(String template, List<Node> nodes, List<Link> links) {
    public GraphDesign {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /**
     * A node: a block with its constant inputs, at a builder position.
     *
     * @param constants the node's {@code constantInput}, by pin name
     */
    public record Node(Block block, Map<String, Object> constants, int x, int y) {
        public Node {
            constants = Map.copyOf(constants);
        }
    }

    /**
     * A link from node {@code source}'s output pin to node {@code sink}'s input pin (indices into the nodes).
     * Static when the source block's output is, as the platform saves it.
     */
    public record Link(int source, String sourceName, int sink, String sinkName, boolean isStatic) {
    }

    /** The links entering node {@code n}. */
    public List<Link> linksInto(int n) {
        return links.stream().filter(l -> l.sink() == n).toList();
    }

    /** The links leaving node {@code n}. */
    public List<Link> linksFrom(int n) {
        return links.stream().filter(l -> l.source() == n).toList();
    }
}
