package io.autogpt.seed.core.chat;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "ChatLinkedShare"} (today's platform): a run its shared chat shares along with it. The chat is
 * shared with {@code autoShareExecutions}, the run is one of its owner's that the chat's tool messages name, and it
 * is shared itself (by its owner, or by the chat: {@code sharedVia = CHAT_LINK}). {@code createdAt} is when the link
 * was made: when the chat was shared, or when a run started later in the shared chat.
 */
public record ChatLinkedShare(String id, LocalDateTime createdAt, String sessionId, String executionId) {
    public static final Table<ChatLinkedShare> TABLE = Table.insertOf(ChatLinkedShare.class);

    public ChatLinkedShare {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(executionId, "executionId");
    }
}
