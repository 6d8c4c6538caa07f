package io.autogpt.seed.core.org;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OrgMember"}: a user's membership of an organisation, unique per (orgId, userId). The role is the
 * flags: the one owner has {@code isOwner} and {@code isAdmin}; a billing manager without {@code isAdmin} sees
 * billing, not resources.
 */
public record OrgMember(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String orgId, String userId,
                        boolean isOwner, boolean isAdmin, boolean isBillingManager, OrgMemberStatus status,
                        LocalDateTime joinedAt, @Nullable String invitedByUserId) {
    public static final Table<OrgMember> TABLE = Table.insertOf(OrgMember.class);

    public OrgMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
