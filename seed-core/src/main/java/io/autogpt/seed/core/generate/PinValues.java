package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.Pin;
import io.autogpt.seed.core.block.PinType;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Values of a pin's type: constants a node is given, and the data a run passes through the pin. A name hints at
 * what a string holds (a URL, a delimiter, a pattern). Stateless.
 */
final class PinValues {
    private PinValues() {
    }

    /** Whether {@link #of} can make a value for {@code pin}. */
    static boolean canMake(Pin pin) {
        return pin.type() != PinType.OTHER || otherKind(pin.annotation()) != null;
    }

    /** A value of {@code pin}'s type, or empty when the pin is a model class this knows no value of. */
    static Optional<Object> of(Pin pin, Rng rng) {
        PinType type = pin.type() == PinType.OTHER ? otherKind(pin.annotation()) : pin.type();
        if (type == null) {
            return Optional.empty();
        }
        if (type == PinType.ENUM && pin.enumValues().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case STRING, ANY -> text(pin.name(), rng);
            case INTEGER -> (long) (pin.name().contains("index") ? rng.nextInt(3) : rng.between(1, 50));
            case NUMBER -> Math.round(rng.nextDouble() * 10_000) / 100.0;
            case BOOLEAN -> rng.chance(0.5);
            case ENUM -> rng.pick(pin.enumValues());
            case ARRAY -> List.of(subject(rng), subject(rng), subject(rng));
            case OBJECT -> Map.of("topic", subject(rng), "count", (long) rng.between(1, 9));
            case OTHER -> throw new IllegalStateException("resolved above");
        });
    }

    /** Which plain type a model-class annotation takes (the first it names), or null for a class of its own. */
    private static @Nullable PinType otherKind(String annotation) {
        String a = annotation.toLowerCase(Locale.ROOT);
        if (a.contains("str")) {
            return PinType.STRING;
        }
        if (a.contains("int")) {
            return PinType.INTEGER;
        }
        if (a.contains("dict")) {
            return PinType.OBJECT;
        }
        return null;
    }

    private static String text(String pinName, Rng rng) {
        String name = pinName.toLowerCase(Locale.ROOT);
        if (name.contains("url")) {
            return "https://example.com/" + DatasetShape.slug(subject(rng));
        }
        if (name.contains("delimiter")) {
            return rng.pick(List.of(",", ";", "\n", " | "));
        }
        if (name.contains("pattern") || name.equals("match")) {
            return rng.pick(List.of("\\d+", "[A-Z][a-z]+", "https?://\\S+", "#\\w+"));
        }
        if (name.contains("xml")) {
            return "<item><topic>" + subject(rng) + "</topic></item>";
        }
        if (name.contains("email")) {
            return DatasetShape.slug(subject(rng)) + "@example.com";
        }
        return subject(rng);
    }

    private static String subject(Rng rng) {
        return rng.pick(AgentVocabulary.GRAPH_SUBJECTS);
    }
}
