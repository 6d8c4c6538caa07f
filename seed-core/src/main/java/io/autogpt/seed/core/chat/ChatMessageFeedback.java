package io.autogpt.seed.core.chat;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "ChatMessageFeedback"} (today's platform): a user's score of an assistant message of their own
 * chat. {@code scoreName} {@code user-feedback} scores 1 (up) or 0 (down), maybe with a comment; {@code copy} always
 * scores 1. {@code sessionId} is the message's; {@code langfuseTraceId} the message's trace ({@code null}: none).
 */
public record ChatMessageFeedback(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                                  String messageId, String sessionId, String scoreName, int scoreValue,
                                  @Nullable String comment, @Nullable String langfuseTraceId) {
    public static final Table<ChatMessageFeedback> TABLE = Table.insertOf(ChatMessageFeedback.class);

    public ChatMessageFeedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(scoreName, "scoreName");
    }
}
