package io.autogpt.seed.core.block;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An input or output of a block.
 *
 * @param name         the pin's name (links name it; a node's constant inputs are keyed by it)
 * @param annotation   the Python type the platform declares, e.g. {@code str | None}
 * @param type         its JSON type
 * @param required     whether a node must set or link it (inputs) / the block always declares it (outputs)
 * @param advanced     shown under "advanced" in the builder
 * @param credentials  a credentials input: the executor fills it, a graph never links it
 * @param hasDefault   whether the platform declares a default (which may be null)
 * @param defaultValue that default
 * @param enumValues   the allowed values of an enum pin; empty otherwise
 * @param description  the builder's help text
 */
public record Pin(String name, String annotation, PinType type, boolean required, boolean advanced,
                  boolean credentials, boolean hasDefault, @Nullable Object defaultValue, List<String> enumValues,
                  String description) {
    public Pin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        Objects.requireNonNull(description, "description");
    }

    /** Whether the platform counts this input as having a value without the node setting it: a non-null default. */
    public boolean hasValueByDefault() {
        return hasDefault && defaultValue != null;
    }
}
