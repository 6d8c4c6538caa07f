package io.autogpt.seed.core.workspace;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/** A row of {@code "UserWorkspace"} (newer schemas): the one file workspace of a user. */
public record UserWorkspace(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId) {
    public static final Table<UserWorkspace> TABLE = Table.insertOf(UserWorkspace.class);

    public UserWorkspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
    }
}
