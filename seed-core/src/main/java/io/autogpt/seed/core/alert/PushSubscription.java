package io.autogpt.seed.core.alert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PushSubscription"} (today's platform): a browser's Web Push subscription of a user
 * ({@code endpoint} unique per user, {@code p256dh} and {@code auth} the browser's keys, base64url).
 */
public record PushSubscription(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                               String endpoint, String p256dh, String auth, @Nullable String userAgent, int failCount,
                               @Nullable LocalDateTime lastFailedAt) {
    public static final Table<PushSubscription> TABLE = Table.insertOf(PushSubscription.class);

    public PushSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(p256dh, "p256dh");
        Objects.requireNonNull(auth, "auth");
    }
}
