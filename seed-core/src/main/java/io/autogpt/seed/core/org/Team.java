package io.autogpt.seed.core.org;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "Team"}: every organisation has one {@code isDefault} team named "Default"; names unique per org. */
public record Team(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String name, @Nullable String slug,
                   @Nullable String description, boolean isDefault, TeamJoinPolicy joinPolicy, String orgId,
                   @Nullable LocalDateTime archivedAt, @Nullable String createdByUserId) {
    public static final Table<Team> TABLE = Table.insertOf(Team.class);

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(joinPolicy, "joinPolicy");
        Objects.requireNonNull(orgId, "orgId");
    }
}
