package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PendingHumanReview"}, keyed by the node execution under review: waiting while its graph
 * execution waits in {@code REVIEW}, approved or rejected (and processed) for a finished one.
 */
public record PendingHumanReview(String nodeExecId, String userId, String graphExecId, String graphId,
                                 int graphVersion, Json payload, @Nullable String instructions, boolean editable,
                                 ReviewStatus status, @Nullable String reviewMessage, @Nullable Boolean wasEdited,
                                 boolean processed, LocalDateTime createdAt, @Nullable LocalDateTime updatedAt,
                                 @Nullable LocalDateTime reviewedAt,
                                 @Nullable String organizationId, @Nullable String teamId) {
    public static final Table<PendingHumanReview> TABLE = Table.insertOf(PendingHumanReview.class);

    public PendingHumanReview {
        Objects.requireNonNull(nodeExecId, "nodeExecId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(graphExecId, "graphExecId");
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
