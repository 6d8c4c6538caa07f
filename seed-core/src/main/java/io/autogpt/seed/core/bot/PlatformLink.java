package io.autogpt.seed.core.bot;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PlatformLink"} (today's platform): a server (guild, workspace, group) on a chat platform whose
 * bot conversations a user owns. ({@code platform}, {@code platformServerId}) is unique.
 */
public record PlatformLink(String id, String userId, PlatformType platform, String platformServerId,
                           String ownerPlatformUserId, @Nullable String serverName, LocalDateTime linkedAt) {
    public static final Table<PlatformLink> TABLE = Table.insertOf(PlatformLink.class);

    public PlatformLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformServerId, "platformServerId");
        Objects.requireNonNull(ownerPlatformUserId, "ownerPlatformUserId");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
