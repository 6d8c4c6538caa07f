package io.autogpt.seed.core.workspace;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "UserWorkspaceFile"} (newer schemas): a file in a user's workspace. {@code path} is what the user
 * sees, unique in the workspace; {@code storagePath} is where the bytes live in the platform's object storage; a
 * deleted file keeps its row with {@code deletedAt} set. On today's platform a file may sit in a live
 * {@link UserWorkspaceFolder} of its workspace ({@code folderId}; folders are a layer of their own, apart from
 * {@code path}).
 */
public record UserWorkspaceFile(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String workspaceId,
                                String name, String path, String storagePath, String mimeType, long sizeBytes,
                                @Nullable String checksum, boolean isDeleted, @Nullable LocalDateTime deletedAt,
                                Json metadata, @Nullable String folderId) {
    public static final Table<UserWorkspaceFile> TABLE = Table.insertOf(UserWorkspaceFile.class);

    public UserWorkspaceFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(metadata, "metadata");
    }
}
