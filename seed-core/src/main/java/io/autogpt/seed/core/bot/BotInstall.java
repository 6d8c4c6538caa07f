package io.autogpt.seed.core.bot;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "BotInstall"} (today's platform): the app installed in a Slack-style workspace, its bot token
 * encrypted under the platform's {@code ENCRYPTION_KEY} (a Fernet token of a JSON object).
 */
public record BotInstall(String id, PlatformType platform, String platformServerId, String credentials,
                         @Nullable String botUserId, @Nullable String appId, @Nullable String name,
                         LocalDateTime installedAt, @Nullable LocalDateTime updatedAt,
                         @Nullable LocalDateTime revokedAt) {
    public static final Table<BotInstall> TABLE = Table.insertOf(BotInstall.class);

    public BotInstall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformServerId, "platformServerId");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(installedAt, "installedAt");
    }
}
