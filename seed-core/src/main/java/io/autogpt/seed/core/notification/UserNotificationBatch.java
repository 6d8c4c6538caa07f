package io.autogpt.seed.core.notification;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "UserNotificationBatch"}: the notifications of one type waiting to be sent to a user, one batch
 * per (user, type).
 */
public record UserNotificationBatch(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                                    NotificationType type,
                                    @Nullable String organizationId, @Nullable String teamId) {
    public static final Table<UserNotificationBatch> TABLE = Table.insertOf(UserNotificationBatch.class);

    public UserNotificationBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
    }
}
