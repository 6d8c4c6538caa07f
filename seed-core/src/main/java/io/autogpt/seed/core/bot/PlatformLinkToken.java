package io.autogpt.seed.core.bot;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PlatformLinkToken"} (today's platform): the one-time token the bot hands out to link a server
 * or a person; {@code usedAt} once claimed, worthless after {@code expiresAt}.
 */
public record PlatformLinkToken(String id, String token, PlatformType platform, PlatformLinkType linkType,
                                @Nullable String platformServerId, @Nullable String serverName,
                                @Nullable String channelId, String platformUserId, @Nullable String platformUsername,
                                LocalDateTime expiresAt, @Nullable LocalDateTime usedAt, LocalDateTime createdAt) {
    public static final Table<PlatformLinkToken> TABLE = Table.insertOf(PlatformLinkToken.class);

    public PlatformLinkToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(platformUserId, "platformUserId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
