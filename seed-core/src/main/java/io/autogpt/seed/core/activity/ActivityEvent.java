package io.autogpt.seed.core.activity;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "ActivityEvent"} (today's platform): an entry of the user's activity feed. Its references
 * (session, run, schedule) are soft, as the platform keeps them: events outlive what produced them.
 */
public record ActivityEvent(String id, LocalDateTime createdAt, String userId, @Nullable String organizationId,
                            @Nullable String expertId, @Nullable String sessionId, @Nullable String graphExecId,
                            @Nullable String nodeExecId, @Nullable String scheduleId, ActivityEventCategory category,
                            String eventType, @Nullable String provider, @Nullable String objectId, String title,
                            Json data) {
    public static final Table<ActivityEvent> TABLE = Table.insertOf(ActivityEvent.class);

    public ActivityEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(data, "data");
    }
}
