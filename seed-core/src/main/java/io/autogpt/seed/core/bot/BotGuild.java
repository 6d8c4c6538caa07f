package io.autogpt.seed.core.bot;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "BotGuild"} (today's platform): a server the bot joined; {@code leftAt} once it was removed.
 */
public record BotGuild(String id, PlatformType platform, String serverId, @Nullable String name,
                       LocalDateTime joinedAt, @Nullable LocalDateTime leftAt, LocalDateTime lastSeenAt) {
    public static final Table<BotGuild> TABLE = Table.insertOf(BotGuild.class);

    public BotGuild {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
