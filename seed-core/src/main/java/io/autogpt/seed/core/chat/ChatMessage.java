package io.autogpt.seed.core.chat;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "ChatMessage"}: one message of a conversation, ordered by {@code sequence} from 0. Roles are the
 * OpenAI chat roles the platform stores ({@code user}, {@code assistant}, {@code tool}); an assistant's tool calls are
 * answered by the tool messages that follow it, in order, each naming its call in {@code toolCallId}. Newer schemas
 * record how long an assistant message took ({@code durationMs}).
 */
public record ChatMessage(String id, LocalDateTime createdAt, String sessionId, String role,
                          @Nullable String content, @Nullable String name, @Nullable String toolCallId,
                          @Nullable String refusal, @Nullable Json toolCalls, @Nullable Json functionCall,
                          int sequence,
                          @Nullable Integer durationMs) {
    public static final Table<ChatMessage> TABLE = Table.insertOf(ChatMessage.class);

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
    }
}
