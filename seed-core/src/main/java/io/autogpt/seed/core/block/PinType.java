package io.autogpt.seed.core.block;

import java.util.Locale;

/** A pin's JSON type, as the catalogue gives it ({@code json_type}); {@code OTHER} is a model class or alias. */
public enum PinType {
    STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT, ENUM, ANY, OTHER;

    static PinType of(String jsonType) {
        return valueOf(jsonType.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a value leaving a pin of type {@code source} may enter a pin of this type. The platform converts a
     * link's value to the sink's type when it runs a node (numbers to text, integers to numbers); anything else must
     * match, or one side must take any value. A model class ({@code OTHER}) only meets itself or {@code ANY}.
     */
    public boolean accepts(PinType source) {
        if (this == ANY || source == ANY || this == source && this != OTHER) {
            return true;
        }
        return switch (this) {
            case NUMBER -> source == INTEGER;
            case STRING -> source == INTEGER || source == NUMBER || source == BOOLEAN || source == ENUM;
            default -> false;
        };
    }

    /** Whether {@code value} (as the catalogue's reader reads JSON) is of this type. */
    public boolean holds(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Long;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case ARRAY -> value instanceof java.util.List;
            case OBJECT -> value instanceof java.util.Map;
            case ENUM -> value instanceof String;
            case ANY, OTHER -> true;
        };
    }
}
