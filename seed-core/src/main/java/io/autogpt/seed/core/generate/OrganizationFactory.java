package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.OrgBalance;
import io.autogpt.seed.core.org.OrgCreditTransaction;
import io.autogpt.seed.core.org.OrgInvitation;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.OrgMemberStatus;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.org.OrganizationProfile;
import io.autogpt.seed.core.org.OrganizationSeatAssignment;
import io.autogpt.seed.core.org.SeatStatus;
import io.autogpt.seed.core.org.SeatType;
import io.autogpt.seed.core.org.Team;
import io.autogpt.seed.core.org.TeamJoinPolicy;
import io.autogpt.seed.core.org.TeamMember;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.generate.Tenancy.Member;
import io.autogpt.seed.core.generate.Tenancy.SharedOrg;
import io.autogpt.seed.core.generate.Tenancy.TeamPlan;
import io.autogpt.seed.core.generate.Tenancy.TeamSeat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tenancy tables of user {@code u}: their personal organisation as the platform creates it at sign-up (the
 * organisation, its profile, the owner's membership, the Default team and its membership, the owner's seat, a zero
 * balance), and the shared organisations {@code u} owns, with every member, team, invitation and ledger entry. A
 * shared organisation's rows come with its owner, who is of the same cohort as every member.
 *
 * <p>Under the early-2026 rules every method returns no rows. Thread-safe.
 */
final class OrganizationFactory {
    private final DatasetShape shape;
    private final Tenancy tenancy;
    private final ProfileFactory profiles;
    private final UserFactory users;

    public OrganizationFactory(DatasetShape shape) {
        this.shape = shape;
        this.tenancy = shape.tenancy();
        this.profiles = new ProfileFactory(shape);
        this.users = new UserFactory(shape);
    }

    /**
     * The platform's slug rule: lowercase, every character outside {@code [a-z0-9-]} a dash, runs of dashes one,
     * none at either end, {@code "user"} when nothing is left.
     */
    static String sanitizeSlug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        return s.isEmpty() ? "user" : s;
    }

    /**
     * A personal organisation's slug: the sign-up's profile handle, sanitised. Handles carry the seed tag, so it is
     * unique without the platform's {@code -1}, {@code -2} suffixes.
     */
    public String personalSlug(long u) {
        return sanitizeSlug(profiles.username(u));
    }

    /** A shared organisation's slug: its name and where it comes from (seed, cohort, ordinal), unique. */
    public String sharedSlug(SharedOrg org) {
        return sanitizeSlug(org.name() + "-s" + shape.plan().seed() + "c" + org.cohortStart() + "k" + org.k());
    }

    private String personalName(long u) {
        // The platform's display name: the profile's name (the seeded profile shows the person's full name).
        return users.name(u);
    }

    public List<Organization> organizations(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<Organization> rows = new ArrayList<>();
        LocalDateTime at = shape.userCreatedAt(u);
        rows.add(new Organization(tenancy.personalOrgId(u), at, at, personalName(u), personalSlug(u), null, null,
                true, Json.EMPTY_OBJECT, null, null, null, null, null, shape.userId(u)));
        for (SharedOrg org : tenancy.ownedBy(u)) {
            rows.add(new Organization(tenancy.sharedOrgId(org), org.createdAt(), org.createdAt(), org.name(),
                    sharedSlug(org), null, description(org), false, Json.EMPTY_OBJECT, null, null, null, null, null,
                    shape.userId(u)));
        }
        return rows;
    }

    private static String description(SharedOrg org) {
        return org.name() + ": agents we build and run together.";
    }

    public List<OrganizationProfile> profiles(long u) {
        return organizations(u).stream().map(o -> new OrganizationProfile(o.id(), o.slug(), o.name(), null,
                o.description(), null, o.createdAt(), o.createdAt())).toList();
    }

    public List<OrgMember> members(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<OrgMember> rows = new ArrayList<>();
        LocalDateTime at = shape.userCreatedAt(u);
        rows.add(new OrgMember(shape.id("OrgMember/personal", u), at, at, tenancy.personalOrgId(u), shape.userId(u),
                true, true, false, OrgMemberStatus.ACTIVE, at, null));
        for (SharedOrg org : tenancy.ownedBy(u)) {
            for (int j = 0; j < org.members().size(); j++) {
                Member m = org.members().get(j);
                // Added by the owner, directly or by accepting the owner's invitation; the owner by no one.
                rows.add(new OrgMember(shape.id("OrgMember/shared", org.cohortStart(), org.k(), j), m.joinedAt(),
                        m.joinedAt(), tenancy.sharedOrgId(org), shape.userId(m.u()), m.isOwner(), m.isAdmin(),
                        m.isBillingManager(), OrgMemberStatus.ACTIVE, m.joinedAt(),
                        m.isOwner() ? null : shape.userId(org.owner().u())));
            }
        }
        return rows;
    }

    public List<Team> teams(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<Team> rows = new ArrayList<>();
        LocalDateTime at = shape.userCreatedAt(u);
        rows.add(new Team(tenancy.personalTeamId(u), at, at, "Default", null, null, true, TeamJoinPolicy.OPEN,
                tenancy.personalOrgId(u), null, shape.userId(u)));
        for (SharedOrg org : tenancy.ownedBy(u)) {
            for (TeamPlan t : org.teams()) {
                rows.add(new Team(tenancy.teamId(org, t.t()), t.createdAt(), t.createdAt(), t.name(), null,
                        t.t() == 0 ? null : t.name() + " at " + org.name(), t.t() == 0, t.joinPolicy(),
                        tenancy.sharedOrgId(org), null, shape.userId(t.createdBy())));
            }
        }
        return rows;
    }

    public List<TeamMember> teamMembers(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<TeamMember> rows = new ArrayList<>();
        LocalDateTime at = shape.userCreatedAt(u);
        rows.add(new TeamMember(shape.id("TeamMember/personal", u), at, at, tenancy.personalTeamId(u),
                shape.userId(u), true, false, OrgMemberStatus.ACTIVE, at, null));
        for (SharedOrg org : tenancy.ownedBy(u)) {
            for (TeamPlan t : org.teams()) {
                for (TeamSeat s : t.members()) {
                    rows.add(new TeamMember(shape.id("TeamMember/shared", org.cohortStart(), org.k(), t.t(), s.u()),
                            s.joinedAt(), s.joinedAt(), tenancy.teamId(org, t.t()), shape.userId(s.u()), s.isAdmin(),
                            s.isBillingManager(), OrgMemberStatus.ACTIVE, s.joinedAt(),
                            s.invitedBy() == null ? null : shape.userId(s.invitedBy())));
                }
            }
        }
        return rows;
    }

    /** The owner's seat of each organisation: the only seat the platform writes (members added later get none). */
    public List<OrganizationSeatAssignment> seats(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<OrganizationSeatAssignment> rows = new ArrayList<>();
        LocalDateTime at = shape.userCreatedAt(u);
        String user = shape.userId(u);
        rows.add(new OrganizationSeatAssignment(shape.id("OrganizationSeatAssignment/personal", u),
                tenancy.personalOrgId(u), user, SeatType.FREE, SeatStatus.ACTIVE, user, at, at));
        for (SharedOrg org : tenancy.ownedBy(u)) {
            rows.add(new OrganizationSeatAssignment(shape.id("OrganizationSeatAssignment/shared", org.cohortStart(),
                    org.k()), tenancy.sharedOrgId(org), user, SeatType.FREE, SeatStatus.ACTIVE, user,
                    org.createdAt(), org.createdAt()));
        }
        return rows;
    }

    /**
     * Invitations of the shared organisations {@code u} owns: an accepted one per member who joined by invitation,
     * then a few to people not on the platform yet, pending (some past their expiry) or revoked.
     */
    public List<OrgInvitation> invitations(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<OrgInvitation> rows = new ArrayList<>();
        String owner = shape.userId(u);
        for (SharedOrg org : tenancy.ownedBy(u)) {
            String orgId = tenancy.sharedOrgId(org);
            for (int j = 1; j < org.members().size(); j++) {
                Member m = org.members().get(j);
                if (!m.invited()) {
                    continue;
                }
                Rng rng = shape.rng("OrgInvitation/accepted", org.cohortStart(), org.k(), j);
                // Sent within the week before it was accepted, after the organisation and the invitee existed.
                LocalDateTime from = Tenancy.max(Tenancy.max(org.createdAt(), shape.userCreatedAt(m.u())),
                        m.joinedAt().minus(Tenancy.INVITATION_TTL).plusHours(1));
                LocalDateTime sent = DatasetShape.between(rng, from, m.joinedAt());
                rows.add(new OrgInvitation(shape.id("OrgInvitation/accepted", org.cohortStart(), org.k(), j), sent,
                        orgId, users.email(m.u()), shape.userId(m.u()), m.isAdmin(), m.isBillingManager(),
                        shape.id("OrgInvitation/token/accepted", org.cohortStart(), org.k(), j), null,
                        sent.plus(Tenancy.INVITATION_TTL), m.joinedAt(), null, owner, List.of()));
            }
            Rng count = shape.rng("OrgInvitation/open", org.cohortStart(), org.k());
            int open = count.between(1, 3);
            for (int i = 0; i < open; i++) {
                Rng rng = shape.rng("OrgInvitation/open", org.cohortStart(), org.k(), i);
                LocalDateTime sent = DatasetShape.between(rng, org.createdAt(), shape.now().minusHours(1));
                LocalDateTime expires = sent.plus(Tenancy.INVITATION_TTL);
                LocalDateTime revoked = rng.chance(0.25) ? DatasetShape.between(rng, sent,
                        expires.isBefore(shape.now()) ? expires : shape.now()) : null;
                List<String> teams = org.teams().stream().filter(t -> t.t() > 0 && rng.chance(0.4))
                        .map(t -> tenancy.teamId(org, t.t())).toList();
                rows.add(new OrgInvitation(shape.id("OrgInvitation/open", org.cohortStart(), org.k(), i), sent, orgId,
                        "invitee." + i + "." + sharedSlug(org) + "@example.com", null, rng.chance(0.2),
                        rng.chance(0.1), shape.id("OrgInvitation/token/open", org.cohortStart(), org.k(), i), null,
                        expires, null, revoked, owner, teams));
            }
        }
        return rows;
    }

    /**
     * The ledgers of the shared organisations {@code u} owns, oldest first: a first top-up by the owner, then spends
     * by members who see resources (attributed to one of their teams, or to the organisation) and top-ups by the
     * owner or a billing manager. A spend never takes the balance below zero; {@code runningBalance} is the running
     * sum. Personal organisations have none: the platform bills them on their owner's user ledger.
     */
    public List<OrgCreditTransaction> transactions(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<OrgCreditTransaction> rows = new ArrayList<>();
        for (SharedOrg org : tenancy.ownedBy(u)) {
            rows.addAll(ledger(org));
        }
        return rows;
    }

    private List<OrgCreditTransaction> ledger(SharedOrg org) {
        int count = shape.rng("count/org-credit", org.cohortStart(), org.k()).between(2, 12);
        List<OrgCreditTransaction> rows = new ArrayList<>(count);
        String orgId = tenancy.sharedOrgId(org);
        int balance = 0;
        LocalDateTime at = org.createdAt();
        for (int t = 0; t < count; t++) {
            Rng rng = shape.rng("OrgCreditTransaction", org.cohortStart(), org.k(), t);
            // Strictly increasing times, spread over the time left, keep "running" well defined and before now.
            LocalDateTime from = at.plusSeconds(1);
            at = DatasetShape.between(rng, from, from.plus(Duration.between(from, shape.now()).dividedBy(count - t)));
            LocalDateTime when = at;
            List<Member> present = org.members().stream().filter(m -> !m.joinedAt().isAfter(when)).toList();
            CreditTransactionType type;
            int amount;
            Member by;
            String team = null;
            Json metadata;
            List<Member> spenders = present.stream().filter(Member::seesResources).toList();
            if (t > 0 && balance > 0 && rng.chance(0.7)) {
                type = CreditTransactionType.USAGE;
                amount = -rng.between(1, balance);
                by = rng.pick(spenders);
                List<TeamPlan> teams = org.teams().stream().filter(p -> p.seatOf(by.u())
                        .filter(s -> !s.joinedAt().isAfter(when)).isPresent()).toList();
                if (!teams.isEmpty() && rng.chance(0.8)) {
                    team = tenancy.teamId(org, rng.pick(teams).t());
                }
                metadata = Json.obj("reason", "Ran agent", "graph_exec_id",
                        shape.id("org-usage", org.cohortStart(), org.k(), t));
            } else {
                // The platform writes grants as top-ups too, telling them apart by the reason.
                type = CreditTransactionType.TOP_UP;
                amount = rng.between(10, 200) * 100;
                List<Member> payers = present.stream().filter(m -> m.isOwner() || m.isBillingManager()).toList();
                by = rng.pick(payers);
                metadata = Json.obj("reason", t == 0 && rng.chance(0.5) ? "Welcome grant" : "Top up");
            }
            balance += amount;
            rows.add(new OrgCreditTransaction(shape.id("OrgCreditTransaction", org.cohortStart(), org.k(), t), at,
                    orgId, shape.userId(by.u()), team, amount, type, balance, true, metadata));
        }
        return rows;
    }

    /** Each organisation's balance: the last running balance of a shared one, 0 for the personal one. */
    public List<OrgBalance> balances(long u) {
        if (!tenancy.enabled()) {
            return List.of();
        }
        List<OrgBalance> rows = new ArrayList<>();
        rows.add(new OrgBalance(tenancy.personalOrgId(u), 0, shape.userCreatedAt(u)));
        for (SharedOrg org : tenancy.ownedBy(u)) {
            List<OrgCreditTransaction> ledger = ledger(org);
            OrgCreditTransaction last = ledger.get(ledger.size() - 1);
            rows.add(new OrgBalance(tenancy.sharedOrgId(org), Objects.requireNonNull(last.runningBalance()),
                    last.createdAt()));
        }
        return rows;
    }
}
