package io.autogpt.seed.core.bot;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PlatformUserLink"} (today's platform): a user's own account on a chat platform, for direct
 * messages with the bot. ({@code platform}, {@code platformUserId}) is unique.
 */
public record PlatformUserLink(String id, String userId, PlatformType platform, String platformUserId,
                               @Nullable String platformUsername, LocalDateTime linkedAt) {
    public static final Table<PlatformUserLink> TABLE = Table.insertOf(PlatformUserLink.class);

    public PlatformUserLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformUserId, "platformUserId");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
