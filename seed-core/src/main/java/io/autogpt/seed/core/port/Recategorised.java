package io.autogpt.seed.core.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * New categories for a listing's active version.
 *
 * @param versionId  the version
 * @param categories its categories from now on
 * @param at         when they changed
 */
public record Recategorised(String versionId, List<String> categories, LocalDateTime at) {
    public Recategorised {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(at, "at");
        categories = List.copyOf(categories);
    }
}
