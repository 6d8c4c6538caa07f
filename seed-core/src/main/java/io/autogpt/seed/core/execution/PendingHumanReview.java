package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PendingHumanReview"}, keyed by the node execution under review: waiting while its graph
 * execution waits in {@code REVIEW}, approved or rejected (and processed) for a finished one. A review belongs to a
 * graph run (its three graph columns set) or, on today's platform, to a chat whose tool call waited for the user
 * ({@code chatSessionId} set, the graph columns null), never both.
 */
public record PendingHumanReview(String nodeExecId, String userId, @Nullable String graphExecId,
                                 @Nullable String graphId, @Nullable Integer graphVersion, Json payload, @Nullable String instructions, boolean editable,
                                 ReviewStatus status, @Nullable String reviewMessage, @Nullable Boolean wasEdited,
                                 boolean processed, LocalDateTime createdAt, @Nullable LocalDateTime updatedAt,
                                 @Nullable LocalDateTime reviewedAt, @Nullable String chatSessionId, @Nullable String organizationId, @Nullable String teamId) {
    public static final Table<PendingHumanReview> TABLE = Table.insertOf(PendingHumanReview.class);

    public PendingHumanReview {
        Objects.requireNonNull(nodeExecId, "nodeExecId");
        Objects.requireNonNull(userId, "userId");
        boolean graph = graphExecId != null && graphId != null && graphVersion != null;
        boolean none = graphExecId == null && graphId == null && graphVersion == null;
        if (graph == (chatSessionId != null) || !(graph || none)) {
            throw new IllegalArgumentException("review " + nodeExecId + " belongs to a graph run or to a chat");
        }
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
