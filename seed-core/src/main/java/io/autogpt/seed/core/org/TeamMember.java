package io.autogpt.seed.core.org;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "TeamMember"}: always an ACTIVE member of the team's organisation too. */
public record TeamMember(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String teamId, String userId,
                         boolean isAdmin, boolean isBillingManager, OrgMemberStatus status, LocalDateTime joinedAt,
                         @Nullable String invitedByUserId) {
    public static final Table<TeamMember> TABLE = Table.insertOf(TeamMember.class);

    public TeamMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
