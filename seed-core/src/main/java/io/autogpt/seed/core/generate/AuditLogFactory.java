package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.AuditLog;
import io.autogpt.seed.core.org.OrgInvitation;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.org.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code "AuditLog"} of the shared organisations user {@code u} owns: what their tenancy rows record someone did,
 * each at the moment the row says and by whom it says. In the platform's audit style (entity type the model's name,
 * action in upper snake case, the state after in {@code afterJson}):
 * {@code ORG_CREATED} by the owner; {@code TEAM_CREATED} by the team's creator; {@code ORG_MEMBER_ADDED} by whoever
 * added the member; {@code ORG_INVITATION_CREATED} by the inviter, then {@code ORG_INVITATION_ACCEPTED} by the invitee
 * or {@code ORG_INVITATION_REVOKED} by the inviter. A personal organisation is the platform's own doing at sign-up:
 * nobody's action, no entry. Under the early rules, no rows. Thread-safe.
 */
final class AuditLogFactory {
    private final DatasetShape shape;
    private final OrganizationFactory orgs;

    AuditLogFactory(DatasetShape shape) {
        this.shape = shape;
        this.orgs = new OrganizationFactory(shape);
    }

    List<AuditLog> entries(long u) {
        List<Organization> shared = orgs.organizations(u).stream().filter(o -> !o.isPersonal()).toList();
        if (shared.isEmpty()) {
            return List.of();
        }
        Set<String> ids = shared.stream().map(Organization::id).collect(Collectors.toSet());
        List<AuditLog> rows = new ArrayList<>();
        for (Organization o : shared) {
            rows.add(entry(u, rows.size(), o.id(), null, Objects.requireNonNull(o.bootstrapUserId()), "Organization",
                    o.id(), "ORG_CREATED", Json.obj("name", o.name(), "slug", o.slug()), o.createdAt()));
        }
        for (Team t : orgs.teams(u)) {
            if (ids.contains(t.orgId())) {
                rows.add(entry(u, rows.size(), t.orgId(), t.id(), t.createdByUserId() != null ? t.createdByUserId()
                        : shape.userId(u), "Team", t.id(), "TEAM_CREATED", Json.obj("name", t.name(), "isDefault",
                        t.isDefault(), "joinPolicy", t.joinPolicy().name()), t.createdAt()));
            }
        }
        for (OrgMember m : orgs.members(u)) {
            if (ids.contains(m.orgId()) && !m.isOwner()) {
                rows.add(entry(u, rows.size(), m.orgId(), null, Objects.requireNonNull(m.invitedByUserId()),
                        "OrgMember", m.id(), "ORG_MEMBER_ADDED", Json.obj("userId", m.userId(), "isAdmin",
                                m.isAdmin(), "isBillingManager", m.isBillingManager()), m.joinedAt()));
            }
        }
        for (OrgInvitation i : orgs.invitations(u)) {
            Json after = Json.obj("isAdmin", i.isAdmin(), "isBillingManager", i.isBillingManager(), "teamIds",
                    i.teamIds(), "expiresAt", i.expiresAt().toString());
            rows.add(entry(u, rows.size(), i.orgId(), null, i.invitedByUserId(), "OrgInvitation", i.id(),
                    "ORG_INVITATION_CREATED", after, i.createdAt()));
            if (i.acceptedAt() != null) {
                rows.add(entry(u, rows.size(), i.orgId(), null, Objects.requireNonNull(i.targetUserId()),
                        "OrgInvitation", i.id(), "ORG_INVITATION_ACCEPTED", Json.obj("acceptedAt",
                                i.acceptedAt().toString()), i.acceptedAt()));
            } else if (i.revokedAt() != null) {
                rows.add(entry(u, rows.size(), i.orgId(), null, i.invitedByUserId(), "OrgInvitation", i.id(),
                        "ORG_INVITATION_REVOKED", Json.obj("revokedAt", i.revokedAt().toString()), i.revokedAt()));
            }
        }
        return rows;
    }

    private AuditLog entry(long u, int k, String orgId, @org.jspecify.annotations.Nullable String teamId,
                           String actor, String entityType, String entityId, String action, Json after,
                           java.time.LocalDateTime at) {
        return new AuditLog(shape.id("AuditLog", u, k), orgId, teamId, actor, entityType, entityId, action, null,
                after, null, at);
    }
}
