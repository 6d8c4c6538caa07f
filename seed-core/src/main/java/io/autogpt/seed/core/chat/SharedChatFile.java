package io.autogpt.seed.core.chat;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "SharedChatFile"} (today's platform): a workspace file the public page of a shared chat may serve.
 * The file is a live one of the chat owner's workspace that the chat's messages name ({@code file_id=<uuid>} in an
 * attachment block, {@code "file_id"} in tool JSON); {@code shareToken} is the chat's current token, one row per token
 * and file.
 */
public record SharedChatFile(String id, LocalDateTime createdAt, String sessionId, String fileId, String shareToken) {
    public static final Table<SharedChatFile> TABLE = Table.insertOf(SharedChatFile.class);

    public SharedChatFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(shareToken, "shareToken");
    }
}
