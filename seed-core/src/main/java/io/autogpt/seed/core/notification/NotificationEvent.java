package io.autogpt.seed.core.notification;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "NotificationEvent"}: one notification in a batch, its {@code data} shaped like the platform's
 * model for its type.
 */
public record NotificationEvent(String id, LocalDateTime createdAt, LocalDateTime updatedAt,
                                @Nullable String userNotificationBatchId, NotificationType type, Json data) {
    public static final Table<NotificationEvent> TABLE = Table.insertOf(NotificationEvent.class);

    public NotificationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
