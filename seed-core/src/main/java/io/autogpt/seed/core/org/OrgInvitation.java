package io.autogpt.seed.core.org;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OrgInvitation"}. Its state is its timestamps: pending (neither accepted nor revoked; expired once
 * {@code expiresAt} passed), accepted ({@code acceptedAt} and the accepting {@code targetUserId}), or revoked.
 */
public record OrgInvitation(String id, LocalDateTime createdAt, String orgId, String email,
                            @Nullable String targetUserId, boolean isAdmin, boolean isBillingManager, String token,
                            @Nullable String tokenHash, LocalDateTime expiresAt, @Nullable LocalDateTime acceptedAt,
                            @Nullable LocalDateTime revokedAt, String invitedByUserId, List<String> teamIds) {
    public static final Table<OrgInvitation> TABLE = Table.insertOf(OrgInvitation.class);

    public OrgInvitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(invitedByUserId, "invitedByUserId");
        teamIds = List.copyOf(teamIds);
    }
}
