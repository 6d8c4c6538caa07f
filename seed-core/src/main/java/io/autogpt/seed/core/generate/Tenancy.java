package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.org.TeamJoinPolicy;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who belongs to which organisation and team, as pure functions of (seed, ordinals, plan), and where a user's
 * resource lives. Under the early-2026 rules there are no organisations: every placement is {@link Placement#NONE}.
 *
 * <p>Every user has a personal organisation with its Default team. A share of users (ActivityProfile's
 * {@code sharedOrgShare}) also belong to one shared organisation formed <em>within their cohort</em>, so a slice of
 * whole cohorts still references no one outside itself. A cohort's shared organisations are derived from the cohort
 * alone ({@link #cohort}); the last cohort's is kept, since rows are made user by user, cohort by cohort.
 *
 * <p>Thread-safe: the kept cohort is an immutable value, and two threads computing it at once compute the same.
 */
final class Tenancy {
    /** Names of the teams a shared organisation adds to its Default team. */
    private static final List<String> TEAM_NAMES = List.of("Research", "Growth", "Operations", "Support",
            "Engineering", "Sales", "Content", "Data");
    private static final List<String> ORG_WORDS = List.of("Northwind", "Bluefin", "Cobalt", "Juniper", "Larkspur",
            "Meridian", "Quarry", "Saffron", "Tidewater", "Vantage", "Willow", "Zephyr");
    private static final List<String> ORG_KINDS = List.of("Labs", "Studio", "Collective", "Works", "Partners",
            "Agency", "Group");

    /**
     * Where a resource lives: its organisation, team (null: the organisation's home, seen by all its members) and
     * the visibility that says the same. {@link #NONE} under the early rules, where those columns do not exist.
     */
    public record Placement(@Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
        public static final Placement NONE = new Placement(null, null, ResourceVisibility.PRIVATE);
    }

    /**
     * A member of a shared organisation.
     *
     * @param u        the user's ordinal
     * @param joinedAt when they joined (the organisation's creation for its owner)
     * @param invited  whether they joined by accepting an invitation (else an admin added them)
     */
    public record Member(long u, boolean isOwner, boolean isAdmin, boolean isBillingManager, LocalDateTime joinedAt,
                         boolean invited) {
        /** A billing manager who is not an admin sees billing, not resources: the platform's team ids skip them. */
        public boolean seesResources() {
            return isOwner || isAdmin || !isBillingManager;
        }
    }

    /**
     * A team of a shared organisation: {@code t == 0} is the Default team, which every member is in with their
     * organisation flags; the others hold their creator (an admin) first, then members who joined.
     */
    public record TeamPlan(int t, String name, TeamJoinPolicy joinPolicy, long createdBy, LocalDateTime createdAt,
                           List<TeamSeat> members) {
        public TeamPlan {
            members = List.copyOf(members);
        }

        public Optional<TeamSeat> seatOf(long u) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).u() == u) {
                    return Optional.of(members.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /** A user's place in a team. */
    public record TeamSeat(long u, boolean isAdmin, boolean isBillingManager, LocalDateTime joinedAt,
                           @Nullable Long invitedBy) {
    }

    /** Shared organisation {@code k} of the cohort starting at {@code cohortStart}; its first member owns it. */
    public record SharedOrg(long cohortStart, int k, String name, LocalDateTime createdAt, List<Member> members,
                            List<TeamPlan> teams) {
        public SharedOrg {
            members = List.copyOf(members);
            teams = List.copyOf(teams);
        }

        public Member owner() {
            return members.get(0);
        }

        // Loops, not streams, here and in seatOf: every graph, run and preset asks where its owner belongs.
        public Optional<Member> memberOf(long u) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).u() == u) {
                    return Optional.of(members.get(i));
                }
            }
            return Optional.empty();
        }
    }

    private record Cohort(long start, List<SharedOrg> orgs) {
    }

    private final DatasetShape shape;
    private volatile @Nullable Cohort kept;

    Tenancy(DatasetShape shape) {
        this.shape = shape;
    }

    /** Whether the rows follow rules that have organisations at all. */
    public boolean enabled() {
        return shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
    }

    // ---- ids --------------------------------------------------------------------------------------------------

    public String personalOrgId(long u) {
        return shape.id("Organization/personal", u);
    }

    public String personalTeamId(long u) {
        return shape.id("Team/personal", u);
    }

    public String sharedOrgId(SharedOrg org) {
        return shape.id("Organization/shared", org.cohortStart(), org.k());
    }

    public String teamId(SharedOrg org, int t) {
        return shape.id("Team/shared", org.cohortStart(), org.k(), t);
    }

    // ---- memberships ------------------------------------------------------------------------------------------

    /** The shared organisations user {@code u} owns (its cohort's organisations whose first member is {@code u}). */
    public List<SharedOrg> ownedBy(long u) {
        return enabled() ? cohort(u).stream().filter(o -> o.owner().u() == u).toList() : List.of();
    }

    /** The shared organisation {@code u} belongs to, if any. */
    public Optional<SharedOrg> sharedOrgOf(long u) {
        if (!enabled()) {
            return Optional.empty();
        }
        for (SharedOrg org : cohort(u)) {
            if (org.memberOf(u).isPresent()) {
                return Optional.of(org);
            }
        }
        return Optional.empty();
    }

    /** The shared organisations of {@code u}'s cohort, in order. */
    public List<SharedOrg> cohort(long u) {
        long start = shape.cohortStart(u);
        Cohort c = kept;
        if (c == null || c.start() != start) {
            c = new Cohort(start, build(start));
            kept = c;
        }
        return c.orgs();
    }

    private List<SharedOrg> build(long start) {
        int size = shape.cohortSize(start);
        double share = shape.scale().activity().sharedOrgShare();
        List<Long> joining = new ArrayList<>();
        for (long u = start; u < start + size; u++) {
            if (shape.rng("tenancy/shared", u).chance(share)) {
                joining.add(u);
            }
        }
        List<SharedOrg> orgs = new ArrayList<>();
        int i = 0;
        for (int k = 0; joining.size() - i >= 2; k++) {
            Rng rng = shape.rng("tenancy/shared-org", start, k);
            int n = Math.min(rng.between(3, 7), joining.size() - i);
            if (joining.size() - i - n == 1) {
                n++; // no organisation of one: the last one left over joins this one
            }
            orgs.add(org(start, k, joining.subList(i, i + n), rng));
            i += n;
        }
        return List.copyOf(orgs);
    }

    private SharedOrg org(long start, int k, List<Long> users, Rng rng) {
        long owner = users.get(0);
        String name = rng.pick(ORG_WORDS) + " " + rng.pick(ORG_KINDS);
        // Created after its owner signed up, a few days before the anchor at the latest, so members join after it.
        LocalDateTime createdAt = DatasetShape.between(rng, shape.userCreatedAt(owner), shape.now().minusDays(3));
        LocalDateTime lastJoin = shape.now().minusDays(1);
        List<Member> members = new ArrayList<>();
        members.add(new Member(owner, true, true, false, createdAt, false));
        for (int j = 1; j < users.size(); j++) {
            long u = users.get(j);
            Rng m = shape.rng("tenancy/member", start, k, j);
            // Roles in turn, so an organisation of five has every one: admin, member, billing manager, both.
            int role = (j - 1) % 4;
            LocalDateTime joinedAt = DatasetShape.between(m, max(createdAt, shape.userCreatedAt(u)), lastJoin);
            members.add(new Member(u, false, role == 0 || role == 3, role == 2 || role == 3, joinedAt,
                    m.chance(0.7)));
        }
        List<TeamPlan> teams = new ArrayList<>();
        teams.add(new TeamPlan(0, "Default", TeamJoinPolicy.OPEN, owner, createdAt, members.stream()
                .map(m -> new TeamSeat(m.u(), m.isAdmin(), m.isBillingManager(), m.joinedAt(), null)).toList()));
        List<Member> creators = members.stream().filter(m -> m.isOwner() || m.isAdmin() || m.isBillingManager())
                .toList();
        int extra = rng.between(1, 3);
        int first = rng.nextInt(TEAM_NAMES.size());
        for (int t = 1; t <= extra; t++) {
            Rng r = shape.rng("tenancy/team", start, k, t);
            Member creator = r.pick(creators);
            TeamJoinPolicy policy = r.chance(0.6) ? TeamJoinPolicy.OPEN : TeamJoinPolicy.PRIVATE;
            LocalDateTime teamAt = DatasetShape.between(r, creator.joinedAt(), lastJoin);
            List<TeamSeat> seats = new ArrayList<>();
            // The creator administers the team; the rest joined an open team themselves or were added by them.
            seats.add(new TeamSeat(creator.u(), true, false, teamAt, null));
            for (Member m : members) {
                if (m.u() != creator.u() && r.chance(0.5)) {
                    seats.add(new TeamSeat(m.u(), false, false,
                            DatasetShape.between(r, max(teamAt, m.joinedAt()), lastJoin),
                            policy == TeamJoinPolicy.PRIVATE ? creator.u() : null));
                }
            }
            teams.add(new TeamPlan(t, TEAM_NAMES.get((first + t) % TEAM_NAMES.size()), policy, creator.u(), teamAt,
                    seats));
        }
        return new SharedOrg(start, k, name, createdAt, members, teams);
    }

    // ---- placements -------------------------------------------------------------------------------------------

    /** User {@code u}'s personal organisation and its Default team, private: where the platform puts system rows. */
    public Placement personal(long u) {
        return enabled() ? new Placement(personalOrgId(u), personalTeamId(u), ResourceVisibility.PRIVATE)
                : Placement.NONE;
    }

    /**
     * Where a resource {@code u} made at {@code createdAt} lives: mostly their personal organisation's Default team;
     * when they were by then a member of a shared organisation who sees resources, sometimes that organisation, in
     * one of their teams (visible to the team) or at its home (visible to all members). {@code rng} is the
     * resource's own tenancy stream, so no other value of its row changes.
     */
    public Placement placement(long u, LocalDateTime createdAt, Rng rng) {
        if (!enabled()) {
            return Placement.NONE;
        }
        Optional<SharedOrg> shared = sharedOrgOf(u);
        if (shared.isEmpty() || !rng.chance(0.5)) {
            return personal(u);
        }
        SharedOrg org = shared.get();
        Member me = org.memberOf(u).orElseThrow();
        if (!me.seesResources() || me.joinedAt().isAfter(createdAt)) {
            return personal(u);
        }
        List<TeamPlan> mine = org.teams().stream()
                .filter(t -> t.seatOf(u).filter(s -> !s.joinedAt().isAfter(createdAt)).isPresent()).toList();
        if (mine.isEmpty() || rng.chance(0.25)) {
            return new Placement(sharedOrgId(org), null, ResourceVisibility.ORG);
        }
        return new Placement(sharedOrgId(org), teamId(org, rng.pick(mine).t()), ResourceVisibility.TEAM);
    }

    /** Where graph (u, g) lives; its runs, presets, reviews and store listing live there too. */
    public Placement graph(long u, long g) {
        return enabled() ? placement(u, shape.graphCreatedAt(u, g), shape.rng("tenancy/AgentGraph", u, g))
                : Placement.NONE;
    }

    static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    /** The platform's invitation lifetime. */
    static final Duration INVITATION_TTL = Duration.ofDays(7);
}
