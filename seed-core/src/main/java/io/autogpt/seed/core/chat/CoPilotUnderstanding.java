package io.autogpt.seed.core.chat;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "CoPilotUnderstanding"}: what CoPilot learned about a user (one per user), as the platform's
 * {@code {name, business: {...}}} JSON.
 */
public record CoPilotUnderstanding(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                                   @Nullable Json data) {
    public static final Table<CoPilotUnderstanding> TABLE = Table.insertOf(CoPilotUnderstanding.class);

    public CoPilotUnderstanding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
    }
}
