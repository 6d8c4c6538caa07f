package io.autogpt.seed.core.block;

import io.autogpt.seed.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A block as the platform's source registers it.
 *
 * @param id               the platform's fixed id (an {@code "AgentBlock"} row and every node of the block carry it)
 * @param name             the block's class name, which the platform stores as {@code "AgentBlock".name}
 * @param module           the source file under {@code backend/blocks/}, e.g. {@code text.py} or {@code github/issues.py}
 * @param description      what it does
 * @param categories       the builder's categories
 * @param type             the block type
 * @param disabled         disabled in the source (the platform still registers it; the builder hides it)
 * @param staticOutput     its outputs are static: the platform makes every link leaving it static
 * @param needsCredentials it has a credentials input
 * @param inputs           input pins, in declaration order
 * @param outputs          output pins, in declaration order
 */
public record Block(String id, String name, String module, String description, List<String> categories,
                    BlockType type, boolean disabled, boolean staticOutput, boolean needsCredentials,
                    List<Pin> inputs, List<Pin> outputs) {
    /** Link names address parts of a pin's value with these; the pin itself is the part before the first. */
    private static final String[] DYNAMIC_DELIMITERS = {"_$_", "_#_", "_@_"};

    public Block {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(description, "description");
        categories = List.copyOf(categories);
        Objects.requireNonNull(type, "type");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The input pin a link or constant named {@code name} reaches ({@code values_#_key} reaches {@code values}). */
    public Optional<Pin> input(String name) {
        return find(inputs, pinName(name));
    }

    /** The output pin a link named {@code name} leaves. */
    public Optional<Pin> output(String name) {
        return find(outputs, pinName(name));
    }

    /**
     * The pin a name addresses, as the platform sanitises it: dynamic suffixes dropped, any tool pin is
     * {@code tools}.
     */
    public static String pinName(String name) {
        String base = name;
        for (String d : DYNAMIC_DELIMITERS) {
            int at = base.indexOf(d);
            if (at >= 0) {
                base = base.substring(0, at);
            }
        }
        return isToolPin(base) ? "tools" : base;
    }

    /** A tool pin of an AI block, which any graph may link without the block declaring it. */
    public static boolean isToolPin(String name) {
        return name.startsWith("tools_^_") || name.equals("tools");
    }

    /** Whether {@code name} addresses a part of a pin (a key, index or attribute) rather than the whole pin. */
    public static boolean isDynamic(String name) {
        for (String d : DYNAMIC_DELIMITERS) {
            if (name.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a deployment always offers this block, so graphs of it run anywhere: one of the platform's own
     * modules (not a provider's folder), no credentials, not disabled, and a kind a graph is made of.
     */
    public boolean isCore() {
        return module.indexOf('/') < 0 && !needsCredentials && !disabled
                && inputs.stream().noneMatch(Pin::credentials)
                && switch (type) {
                    case STANDARD, INPUT, OUTPUT, NOTE -> true;
                    default -> false;
                };
    }

    /** The JSON Schema of the inputs, as {@code "AgentBlock"."inputSchema"} holds it. */
    public Json inputSchema() {
        return schema("Input", inputs);
    }

    /** The JSON Schema of the outputs, as {@code "AgentBlock"."outputSchema"} holds it. */
    public Json outputSchema() {
        return schema("Output", outputs);
    }

    private Json schema(String suffix, List<Pin> pins) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Pin pin : pins) {
            properties.put(pin.name(), property(pin));
            if (pin.required()) {
                required.add(pin.name());
            }
        }
        return Json.obj("title", name + suffix, "type", "object", "properties", properties, "required", required);
    }

    private static Map<String, Object> property(Pin pin) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title(pin.name()));
        p.put("description", pin.description());
        p.put("advanced", pin.advanced());
        switch (pin.type()) {
            case ANY, OTHER -> { }
            case ENUM -> {
                p.put("type", "string");
                p.put("enum", pin.enumValues());
            }
            default -> p.put("type", pin.type().name().toLowerCase(Locale.ROOT));
        }
        if (pin.credentials()) {
            p.put("credentials", true);
        }
        if (pin.hasDefault()) {
            p.put("default", pin.defaultValue());
        }
        return p;
    }

    /** {@code input_xml} → {@code Input Xml}, as the platform's schema titles read. */
    private static String title(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                out.append(' ');
                start = true;
            } else {
                out.append(start ? Character.toUpperCase(c) : c);
                start = false;
            }
        }
        return out.toString();
    }

    // A loop, not a stream: every node input and output of every run looks its pins up here.
    private static Optional<Pin> find(List<Pin> pins, String name) {
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            if (pin.name().equals(name)) {
                return Optional.of(pin);
            }
        }
        return Optional.empty();
    }
}
