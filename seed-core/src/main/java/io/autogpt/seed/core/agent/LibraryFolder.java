package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "LibraryFolder"} (newer schemas): a folder of a user's library, at the top ({@code parentId} null)
 * or inside another folder of the same user. Names are unique among a user's folders.
 */
public record LibraryFolder(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId, String name,
                            @Nullable String icon, @Nullable String color, @Nullable String parentId,
                            boolean isDeleted,
                            @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<LibraryFolder> TABLE = Table.insertOf(LibraryFolder.class);

    public LibraryFolder {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
    }
}
