package io.autogpt.seed.core.block;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The blocks a platform registers, by id and by name. Immutable and thread-safe.
 *
 * <p>{@link #platform()} is AutoGPT's catalogue as extracted from the platform's source (2026-01: 465 blocks), shipped
 * in this jar from the repository's {@code reference/blocks.json}.
 */
public final class BlockCatalogue {
    private static final String RESOURCE = "blocks.json";

    private final List<Block> blocks;
    private final Map<String, Block> byId;
    private final Map<String, Block> byName;

    public BlockCatalogue(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        this.byId = index(this.blocks, Block::id);
        this.byName = index(this.blocks, Block::name);
    }

    /** AutoGPT's catalogue (2026-01), read once. */
    public static BlockCatalogue platform() {
        return Platform.CATALOGUE;
    }

    /** Every block, in catalogue order. */
    public List<Block> blocks() {
        return blocks;
    }

    public int size() {
        return blocks.size();
    }

    public Optional<Block> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The block of class {@code name}. @throws IllegalArgumentException when there is none */
    public Block named(String name) {
        Block block = byName.get(name);
        if (block == null) {
            throw new IllegalArgumentException("no block named " + name + " in the catalogue");
        }
        return block;
    }

    /** The {@linkplain Block#isCore() core} blocks, in catalogue order. */
    public List<Block> core() {
        return blocks.stream().filter(Block::isCore).toList();
    }

    private static Map<String, Block> index(List<Block> blocks, Function<Block, String> key) {
        return blocks.stream().collect(Collectors.toUnmodifiableMap(key, b -> b, (a, b) -> {
            throw new IllegalArgumentException("two blocks share " + key.apply(a));
        }));
    }

    /** Reads the shipped catalogue on first use. */
    private static final class Platform {
        static final BlockCatalogue CATALOGUE = read();

        @SuppressWarnings("unchecked")
        private static BlockCatalogue read() {
            try (InputStream in = BlockCatalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the block catalogue " + RESOURCE + " is missing from the jar");
                }
                Map<String, Object> doc = (Map<String, Object>) JsonText.read(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                List<Block> blocks = new ArrayList<>();
                for (Object b : (List<Object>) Objects.requireNonNull(Objects.requireNonNull(doc).get("blocks"))) {
                    blocks.add(block((Map<String, Object>) b));
                }
                return new BlockCatalogue(blocks);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the block catalogue", e);
            }
        }

        @SuppressWarnings("unchecked")
        private static Block block(Map<String, Object> b) {
            return new Block(text(b, "id"), text(b, "name"), text(b, "module"), text(b, "description"),
                    (List<String>) b.getOrDefault("categories", List.of()), BlockType.valueOf(text(b, "block_type")),
                    Boolean.TRUE.equals(b.get("disabled")), Boolean.TRUE.equals(b.get("static_output")),
                    Boolean.TRUE.equals(b.get("needs_credentials")), pins(b.get("inputs")), pins(b.get("outputs")));
        }

        @SuppressWarnings("unchecked")
        private static List<Pin> pins(@Nullable Object list) {
            List<Pin> pins = new ArrayList<>();
            for (Object o : list == null ? List.of() : (List<Object>) list) {
                Map<String, Object> p = (Map<String, Object>) o;
                pins.add(new Pin(text(p, "name"), text(p, "annotation"), PinType.of(text(p, "json_type")),
                        Boolean.TRUE.equals(p.get("required")), Boolean.TRUE.equals(p.get("advanced")),
                        Boolean.TRUE.equals(p.get("credentials")), p.containsKey("default"), p.get("default"),
                        (List<String>) p.getOrDefault("enum_values", List.of()), text(p, "description")));
            }
            return pins;
        }

        private static String text(Map<String, Object> map, String key) {
            Object v = map.get(key);
            return v == null ? "" : v.toString();
        }
    }

    @Override
    public String toString() {
        return "BlockCatalogue[" + blocks.size() + " blocks]";
    }
}
