package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.Block;
import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.block.BlockType;
import io.autogpt.seed.core.block.Pin;
import io.autogpt.seed.core.random.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one {@link GraphDesign}: nodes are added sources first, links only run forward, and {@link #build} sets
 * every required input nothing links to a value of its type, then lays the nodes out by depth. Not thread-safe.
 */
final class Composer {
    private static final int COLUMN = 420;
    private static final int ROW = 220;

    private final BlockCatalogue catalogue;
    private final Rng rng;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Map<String, Object>> constants = new ArrayList<>();
    private final List<GraphDesign.Link> links = new ArrayList<>();
    private final Set<String> ioNames = new HashSet<>();

    Composer(BlockCatalogue catalogue, Rng rng) {
        this.catalogue = catalogue;
        this.rng = rng;
    }

    Rng rng() {
        return rng;
    }

    int size() {
        return blocks.size();
    }

    /** Adds a node of block {@code name}; returns its index. */
    int node(String name) {
        blocks.add(catalogue.named(name));
        constants.add(new LinkedHashMap<>());
        return blocks.size() - 1;
    }

    /** Adds an input block named after {@code name} (made unique in the graph), sometimes with a default value. */
    int input(String block, String name) {
        int n = node(block);
        String unique = unique(name);
        set(n, "name", unique).set(n, "title", title(unique));
        set(n, "description", "The " + unique.replace('_', ' ') + " to work on.");
        Optional<Pin> value = blocks.get(n).input("value");
        if (value.isPresent() && rng.chance(0.5)) {
            PinValues.of(value.get(), rng).ifPresent(v -> set(n, "value", v));
        }
        return n;
    }

    /** Adds an output block named after {@code name}; link its {@code value}. */
    int output(String name) {
        int n = node("AgentOutputBlock");
        String unique = unique(name);
        set(n, "name", unique).set(n, "title", title(unique));
        return n;
    }

    Composer set(int node, String pin, Object value) {
        if (blocks.get(node).input(pin).isEmpty()) {
            throw new IllegalStateException(blocks.get(node).name() + " has no input " + pin);
        }
        constants.get(node).put(pin, value);
        return this;
    }

    Composer link(int source, String sourceName, int sink, String sinkName) {
        Block from = blocks.get(source);
        Block to = blocks.get(sink);
        if (source >= sink || from.output(sourceName).isEmpty() || to.input(sinkName).isEmpty()) {
            throw new IllegalStateException("bad link " + from.name() + "." + sourceName + " -> " + to.name() + "."
                    + sinkName);
        }
        links.add(new GraphDesign.Link(source, sourceName, sink, sinkName, from.staticOutput()));
        return this;
    }

    /** The output pins of node {@code n} a link may leave: none of an output block, never {@code error}. */
    List<Pin> sources(int n) {
        Block block = blocks.get(n);
        if (block.type() == BlockType.OUTPUT || block.type() == BlockType.NOTE) {
            return List.of();
        }
        return block.outputs().stream().filter(p -> !p.name().equals("error")).toList();
    }

    Pin pickOutput(int n, Rng r) {
        List<Pin> pins = sources(n);
        return pins.isEmpty() ? blocks.get(n).outputs().get(0) : r.pick(pins);
    }

    /** A node before {@code limit} with outputs, preferring one no link leaves yet (a branch's end). */
    int unconsumedSource(Rng r, int limit) {
        List<Integer> open = new ArrayList<>();
        List<Integer> any = new ArrayList<>();
        for (int n = 0; n < limit; n++) {
            if (sources(n).isEmpty()) {
                continue;
            }
            any.add(n);
            int node = n;
            if (links.stream().noneMatch(l -> l.source() == node)) {
                open.add(n);
            }
        }
        return r.pick(open.isEmpty() ? any : open);
    }

    /** Whether node {@code n} is an input block no link leaves yet. */
    boolean isUnconsumedInput(int n) {
        return blocks.get(n).type() == BlockType.INPUT && links.stream().noneMatch(l -> l.source() == n);
    }

    GraphDesign build(String template) {
        List<GraphDesign.Node> nodes = new ArrayList<>(blocks.size());
        int[] depth = new int[blocks.size()];
        int[] row = new int[blocks.size() + 1];
        for (int n = 0; n < blocks.size(); n++) {
            for (GraphDesign.Link l : links) {
                if (l.sink() == n) {
                    depth[n] = Math.max(depth[n], depth[l.source()] + 1);
                }
            }
            fillRequired(n);
            int x = depth[n] * COLUMN + rng.nextInt(40);
            int y = row[depth[n]]++ * ROW + rng.nextInt(40);
            nodes.add(new GraphDesign.Node(blocks.get(n), constants.get(n), x, y));
        }
        return new GraphDesign(template, nodes, links);
    }

    private void fillRequired(int n) {
        Block block = blocks.get(n);
        Set<String> linked = new HashSet<>();
        for (GraphDesign.Link l : links) {
            if (l.sink() == n) {
                linked.add(Block.pinName(l.sinkName()));
            }
        }
        for (Pin pin : block.inputs()) {
            if (pin.required() && !pin.credentials() && !linked.contains(pin.name())
                    && !constants.get(n).containsKey(pin.name())) {
                Object value = PinValues.of(pin, rng).orElseThrow(() -> new IllegalStateException(
                        block.name() + "." + pin.name() + " is required and no value of it can be made"));
                constants.get(n).put(pin.name(), value);
            }
        }
    }

    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !ioNames.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    private static String title(String name) {
        String spaced = name.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
