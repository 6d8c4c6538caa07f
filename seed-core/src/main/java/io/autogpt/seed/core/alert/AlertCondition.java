package io.autogpt.seed.core.alert;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "AlertCondition"} (today's platform): one problem of a user's, under a stable {@code causeKey}
 * (unique per user: raising the same problem again updates the row). {@code SENT} has {@code sentAt}; {@code RESOLVED}
 * has {@code resolvedAt}; {@code briefedAt} is when a briefing carried it.
 */
public record AlertCondition(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                             AlertCause cause, String causeKey, Json data, AlertConditionStatus status,
                             @Nullable LocalDateTime sentAt, @Nullable LocalDateTime resolvedAt,
                             @Nullable LocalDateTime briefedAt) {
    public static final Table<AlertCondition> TABLE = Table.insertOf(AlertCondition.class);

    public AlertCondition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(causeKey, "causeKey");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(status, "status");
    }
}
