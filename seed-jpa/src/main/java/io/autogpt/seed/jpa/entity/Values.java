package io.autogpt.seed.jpa.entity;

import io.autogpt.seed.core.json.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Conversions from core values to the column values entities hold. */
final class Values {
    private Values() {
    }

    /** jsonb travels as text; the connection's {@code stringtype=unspecified} lets the server cast it. */
    static @Nullable String json(@Nullable Json json) {
        return json == null ? null : json.text();
    }

    /** Enum arrays travel as the labels' names. */
    static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
