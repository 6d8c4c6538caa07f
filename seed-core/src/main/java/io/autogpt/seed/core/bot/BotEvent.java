package io.autogpt.seed.core.bot;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "BotEvent"} (today's platform): one metric event of a bot (a message received, a reply sent, a
 * command used), with no content.
 */
public record BotEvent(String id, LocalDateTime createdAt, PlatformType platform, String eventType,
                       @Nullable String serverId, @Nullable String channelType, @Nullable String commandName,
                       @Nullable String errorKind, @Nullable Integer charCount, @Nullable Integer durationMs) {
    public static final Table<BotEvent> TABLE = Table.insertOf(BotEvent.class);

    public BotEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(eventType, "eventType");
    }
}
