package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "ExpertPauseEvent"}: a pause of an expert's schedules, cleared when the owner resumed them. */
public record ExpertPauseEvent(String id, LocalDateTime createdAt, String expertId, String reason,
                               @Nullable LocalDateTime clearedAt) {
    public static final Table<ExpertPauseEvent> TABLE = Table.insertOf(ExpertPauseEvent.class);

    public ExpertPauseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expertId, "expertId");
        Objects.requireNonNull(reason, "reason");
    }
}
