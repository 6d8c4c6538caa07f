package io.autogpt.seed.core.workspace;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "UserWorkspaceFolder"} (today's platform): a folder of a user's workspace, at the root
 * ({@code parentId} null) or in a folder of the same workspace, without cycles. Names are unique among a folder's
 * live children; deleting a folder marks its whole subtree deleted (there is no {@code deletedAt}).
 */
public record UserWorkspaceFolder(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String workspaceId,
                                  String name, @Nullable String icon, @Nullable String parentId, boolean isDeleted) {
    public static final Table<UserWorkspaceFolder> TABLE = Table.insertOf(UserWorkspaceFolder.class);

    public UserWorkspaceFolder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
    }
}
