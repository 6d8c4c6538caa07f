package io.autogpt.seed.core.activity;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "ExperimentAssignment"} (today's platform): the variant of one experiment a user was
 * bucketed into, once ({@code source} {@code posthog} or {@code backend}).
 */
public record ExperimentAssignment(String id, LocalDateTime createdAt, String userId, String experimentKey,
                                   String variant, String source) {
    public static final Table<ExperimentAssignment> TABLE = Table.insertOf(ExperimentAssignment.class);

    public ExperimentAssignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(experimentKey, "experimentKey");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(source, "source");
    }
}
