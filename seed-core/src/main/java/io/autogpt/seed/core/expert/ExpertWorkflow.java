package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "ExpertWorkflow"}: one of the owner's library agents installed on their expert, with the
 * marketplace version it came from when it came from the store. A cadence with a schedule id runs; a cadence
 * without one "needs setup".
 */
public record ExpertWorkflow(String id, LocalDateTime createdAt, String expertId,
                             @Nullable String storeListingVersionId, @Nullable String libraryAgentId,
                             @Nullable String scheduleCron, @Nullable String scheduleId) {
    public static final Table<ExpertWorkflow> TABLE = Table.insertOf(ExpertWorkflow.class);

    public ExpertWorkflow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expertId, "expertId");
        if (scheduleId != null && scheduleCron == null) {
            throw new IllegalArgumentException("workflow " + id + ": a schedule needs its cadence");
        }
    }
}
