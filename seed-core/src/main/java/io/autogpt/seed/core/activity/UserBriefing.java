package io.autogpt.seed.core.activity;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "UserBriefing"} (today's platform): the briefing of one user for one local calendar day
 * ({@code briefingDate}, a {@code date}, in the user's timezone), its content as the briefing notice says, and when it
 * was posted to the user's copilot thread. One per user and day.
 */
public record UserBriefing(String id, LocalDateTime createdAt, String userId, LocalDate briefingDate, Json content,
                           @Nullable LocalDateTime deliveredAt) {
    public static final Table<UserBriefing> TABLE = Table.insertOf(UserBriefing.class);

    public UserBriefing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(briefingDate, "briefingDate");
        Objects.requireNonNull(content, "content");
    }
}
