package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.OrgBalance;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.org.OrganizationProfile;
import io.autogpt.seed.core.org.OrganizationSeatAssignment;
import io.autogpt.seed.core.org.Team;
import io.autogpt.seed.core.org.TeamMember;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.ReferredLogin;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.user.LoginAccount;
import io.autogpt.seed.core.user.Profile;
import io.autogpt.seed.core.user.SubscriptionTier;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.user.UserOnboarding;
import io.autogpt.seed.core.workspace.UserWorkspace;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The users who sign up on day {@code d} after a seeded dataset's anchor: the part of {@code advance} that adds users.
 * Each user of the plan brings a new one that day with the shape's {@linkplain AdvanceShape#signUpShare() sign-up
 * share} (their referrer); the sign-up joins the referrer's cohort, so a shard's sign-ups are its own and a slice's
 * days never reference another slice.
 *
 * <p><b>Ids.</b> Sign-up ordinal {@code s = }{@link #SIGN_UP_ORDINALS} {@code + d × 2^26 + referrer}: seeded users'
 * ordinals stay below {@value ScaleProfile#MAX_USERS} &lt; 2^26, so no seeded user and no other (day, referrer) has
 * it, and every id, email and username of a sign-up comes from the seeder's own functions of {@code s} (the seed's
 * tag keeps emails unique across seeds). Everything is a pure function of (seed, plan, shape's share, day).
 *
 * <p><b>Rows.</b> What the platform makes when someone signs up, as the seeder makes it for its users: the
 * {@code "User"} (no paid plan yet), the personal organisation with its profile, membership, Default team, seat and
 * balance (today's rules), the {@code "Profile"}, the workspace, an onboarding at its first steps, a few approved
 * store agents that others of the cohort already use added to the library after sign-up, and half the time a welcome grant with the balance
 * it gives. Nothing lies after the day's anchor. Sign-ups take no part in later days' activity (their ordinals lie
 * outside every plan's user range).
 *
 * <p>Not thread-safe (factories reuse a Datafaker instance).
 */
public final class SignUps {
    /** Where sign-up ordinals start: far above any seeded user's. */
    public static final long SIGN_UP_ORDINALS = 1L << 44;
    /** Ordinals a day's sign-ups span: one per possible referrer. */
    private static final long PER_DAY = 1L << 26;
    private static final int MAX_LIBRARY = 3;
    private static final int TRIES_PER_ENTRY = 8;

    static {
        if (ScaleProfile.MAX_USERS >= PER_DAY) {
            throw new AssertionError("sign-up ordinals would collide: MAX_USERS >= 2^26");
        }
    }

    private final SeedPlan plan;
    private final int day;
    /** The seeder's shape (seeded anchor): facts of the seeded users and their store agents. */
    private final DatasetShape seeded;
    /** The shape at the day's anchor: sign-ups' times lie within the day, nothing after it. */
    private final DatasetShape shape;
    private final long[] ordinals;
    private final UserFactory users;
    private final ProfileFactory profiles;
    private final OrganizationFactory orgs;
    private final UserWorkspaceFactory workspaces;
    private final ListingFacts listings;
    private final StoreListingVersionFactory versions;
    private final Map<Long, User> userOf = new HashMap<>();
    private final Map<Long, List<Added>> libraryOf = new HashMap<>();
    private final Map<Long, List<long[]>> popularOf = new HashMap<>();

    /** A library entry and the seeded graph (owner, g) it holds. */
    private record Added(long owner, long g, LibraryAgent row) {
    }

    private SignUps(SeedPlan plan, AdvanceShape advance, int day) {
        if (day < 1) {
            throw new IllegalArgumentException("days are numbered from 1, got " + day);
        }
        this.plan = plan;
        this.day = day;
        this.seeded = new DatasetShape(plan);
        this.shape = new DatasetShape(new SeedPlan(plan.seed(), plan.now().plusDays(day), plan.scale(),
                plan.fromUser(), plan.toUser(), plan.rules(), plan.encryptionKey()));
        this.ordinals = LongStream.range(plan.fromUser(), plan.toUser())
                .filter(u -> seeded.rng("advance/sign-up", day, u).chance(advance.signUpShare()))
                .map(u -> SIGN_UP_ORDINALS + day * PER_DAY + u).toArray();
        this.users = new UserFactory(shape);
        this.profiles = new ProfileFactory(shape);
        this.orgs = new OrganizationFactory(shape);
        this.workspaces = new UserWorkspaceFactory(shape);
        this.listings = new ListingFacts(seeded);
        this.versions = new StoreListingVersionFactory(seeded);
    }

    /** The sign-ups of day {@code day} (1 = the first after the seeded anchor) among {@code plan}'s users. */
    public static SignUps of(SeedPlan plan, AdvanceShape advance, int day) {
        return new SignUps(plan, advance, day);
    }

    /** Whether {@code u} is a sign-up's ordinal rather than a seeded user's. */
    static boolean isSignUp(long u) {
        return u >= SIGN_UP_ORDINALS;
    }

    /** The seeded user who brought sign-up {@code s}. */
    static long referrer(long s) {
        return (s - SIGN_UP_ORDINALS) % PER_DAY;
    }

    /** How many signed up that day. */
    public int count() {
        return ordinals.length;
    }

    /** The sign-ups' user ids, in referrer order. */
    public List<String> userIds() {
        return Arrays.stream(ordinals).mapToObj(shape::userId).toList();
    }

    public Stream<User> users() {
        return each(s -> Stream.of(user(s)));
    }

    public Stream<Organization> organizations() {
        return each(s -> orgs.organizations(s).stream());
    }

    public Stream<OrganizationProfile> organizationProfiles() {
        return each(s -> orgs.profiles(s).stream());
    }

    public Stream<OrgMember> orgMembers() {
        return each(s -> orgs.members(s).stream());
    }

    public Stream<Team> teams() {
        return each(s -> orgs.teams(s).stream());
    }

    public Stream<TeamMember> teamMembers() {
        return each(s -> orgs.teamMembers(s).stream());
    }

    public Stream<OrganizationSeatAssignment> seats() {
        return each(s -> orgs.seats(s).stream());
    }

    public Stream<OrgBalance> orgBalances() {
        return each(s -> orgs.balances(s).stream());
    }

    /** Profiles as the seeder makes them; no new user is a featured creator. */
    public Stream<Profile> profiles() {
        return each(s -> {
            Profile p = profiles.create(s);
            return Stream.of(new Profile(p.id(), p.createdAt(), p.updatedAt(), p.userId(), p.name(), p.username(),
                    p.description(), p.links(), p.avatarUrl(), false));
        });
    }

    public Stream<UserWorkspace> workspaces() {
        return each(s -> Stream.of(workspaces.workspace(s)));
    }

    /**
     * Library entries: one to three approved store agents that seeded users of the cohort added to their libraries
     * (never the same graph twice), each added after sign-up, filed in the personal organisation, never run yet.
     */
    public Stream<LibraryAgent> libraryAgents() {
        return each(s -> library(s).stream().map(Added::row));
    }

    /**
     * Onboarding at its first steps (one to three completed, nothing run yet); half of those who added a store agent
     * picked it there.
     */
    public Stream<UserOnboarding> onboardings() {
        return each(s -> Stream.of(onboarding(s)));
    }

    /** Half the sign-ups get the welcome grant the seeder's users may start with, soon after signing up. */
    public Stream<CreditTransaction> creditTransactions() {
        return each(s -> welcome(s).stream());
    }

    /** Every sign-up's balance: their welcome grant's, else zero at sign-up. */
    public Stream<UserBalance> balances() {
        return each(s -> {
            List<CreditTransaction> grant = welcome(s);
            User user = user(s);
            return Stream.of(grant.isEmpty() ? new UserBalance(user.id(), 0, user.createdAt())
                    : new UserBalance(user.id(), grant.get(0).amount(), grant.get(0).createdAt()));
        });
    }

    /** The login each sign-up gets where the referrer has one, with the referrer's password (see the target). */
    public List<ReferredLogin> logins() {
        return each(s -> Stream.of(new ReferredLogin(LoginAccount.of(user(s)), seeded.userId(referrer(s)))))
                .toList();
    }

    // ---- rows -----------------------------------------------------------------------------------------------

    private <R> Stream<R> each(LongFunction<Stream<R>> rows) {
        return Arrays.stream(ordinals).boxed().flatMap(rows::apply);
    }

    /** The seeder's user, without a plan, card or briefing yet: the platform's state right after sign-up. */
    private User user(long s) {
        return userOf.computeIfAbsent(s, k -> {
            User u = users.create(k);
            SubscriptionTier none = plan.rules().atLeast(PlatformRules.SEPTEMBER_2026) ? SubscriptionTier.NO_TIER
                    : SubscriptionTier.FREE;
            return new User(u.id(), u.email(), u.name(), u.createdAt(), u.updatedAt(), u.metadata(), u.integrations(),
                    null, null, u.maxEmailsPerDay(), u.notifyOnAgentRun(), u.notifyOnBlockExecutionFailed(),
                    u.notifyOnContinuousAgentError(), u.notifyOnDailySummary(), u.notifyOnLowBalance(),
                    u.notifyOnMonthlySummary(), u.notifyOnWeeklySummary(), u.notifyOnZeroBalance(), u.emailVerified(),
                    u.timezone(), u.notifyOnAgentApproved(), u.notifyOnAgentRejected(), none,
                    u.briefingFrequency(), u.alertsEnabled(), u.notifyOnStoreVerdict(), null, null,
                    u.defaultChatAuthProvider(), u.defaultChatCredentialId());
        });
    }

    private List<Added> library(long s) {
        return libraryOf.computeIfAbsent(s, k -> {
            Rng pick = shape.rng("SignUp/library", k);
            int wanted = pick.between(1, MAX_LIBRARY);
            List<long[]> popular = popular(shape.cohortStart(k));
            List<long[]> graphs = new ArrayList<>(wanted);
            for (int tries = 0; graphs.size() < wanted && tries < wanted * TRIES_PER_ENTRY && !popular.isEmpty();
                 tries++) {
                long[] candidate = popular.get(pick.nextInt(popular.size()));
                if (!graphs.contains(candidate)) {
                    graphs.add(candidate);
                }
            }
            Tenancy.Placement home = shape.tenancy().personal(k);
            boolean today = plan.rules().atLeast(PlatformRules.SEPTEMBER_2026);
            LocalDateTime joined = user(k).createdAt();
            List<Added> rows = new ArrayList<>(graphs.size());
            for (int i = 0; i < graphs.size(); i++) {
                long owner = graphs.get(i)[0];
                long g = graphs.get(i)[1];
                Rng rng = shape.rng("LibraryAgent", k, i);
                LocalDateTime createdAt = DatasetShape.between(rng, joined, shape.now());
                StoreListingVersion version = versions.create(owner, g);
                rows.add(new Added(owner, g, new LibraryAgent(shape.id("LibraryAgent", k, i), createdAt,
                        DatasetShape.between(rng, createdAt, shape.now()), shape.userId(k), seeded.graphId(owner, g),
                        1, rng.chance(0.1), false, false, false, false, seeded.profileId(owner),
                        "https://picsum.photos/seed/" + seeded.tag(owner) + "g" + g + "/400/300",
                        Json.obj("sensitive_action_safe_mode", false, "human_in_the_loop_safe_mode", true), null, null,
                        today ? version.name() : null, today ? version.description() : null, false,
                        home.organizationId(), home.teamId(), home.visibility())));
            }
            return rows;
        });
    }

    /**
     * The approved store agents users of the cohort starting at {@code start} added to their library in the seed,
     * as (owner, g), each once, in first-seen order: a new user adds what others of the cohort already use, so every
     * listing in someone's library still has runs by non-owners (as today's marketplace counts them).
     */
    private List<long[]> popular(long start) {
        return popularOf.computeIfAbsent(start, c -> {
            LibraryAgentFactory library = new LibraryAgentFactory(seeded);
            List<long[]> out = new ArrayList<>();
            java.util.Set<List<Long>> seen = new java.util.HashSet<>();
            for (long u = c; u < c + seeded.cohortSize(c); u++) {
                for (long[] graph : library.graphs(u)) {
                    if (graph[0] != u && listings.isApproved(graph[0], graph[1])
                            && seen.add(List.of(graph[0], graph[1]))) {
                        out.add(graph);
                    }
                }
            }
            return out;
        });
    }

    private UserOnboarding onboarding(long s) {
        Rng rng = shape.rng("SignUp/onboarding", s);
        LocalDateTime createdAt = shape.soonAfter(rng, user(s).createdAt(), Duration.ofHours(1));
        UserOnboardingFactory.Progress progress = UserOnboardingFactory.Progress.draw(rng, plan.rules(), 3, 0.1);
        List<Added> library = library(s);
        // The store agent they picked, if any, is the first they added (an approved version of its graph).
        @Nullable String selected = !library.isEmpty() && rng.chance(0.5)
                ? seeded.listingVersionId(library.get(0).owner(), library.get(0).g()) : null;
        return new UserOnboarding(shape.id("UserOnboarding", s), createdAt, rng.pick(AgentVocabulary.USAGE_REASONS),
                progress.integrations(), null, null, shape.userId(s), progress.completed(), selected,
                DatasetShape.between(rng, createdAt, shape.now()), progress.notified(), progress.rewarded(), null, 0, 0,
                null, false);
    }

    private List<CreditTransaction> welcome(long s) {
        Rng rng = shape.rng("SignUp/credit", s);
        if (!rng.chance(0.5)) {
            return List.of();
        }
        int amount = rng.between(5, 100) * 100;
        LocalDateTime at = shape.soonAfter(rng, user(s).createdAt(), Duration.ofMinutes(10));
        return List.of(new CreditTransaction(shape.id("CreditTransaction/sign-up", s), at, shape.userId(s), amount,
                CreditTransactionType.GRANT, true, Json.obj("reason", "Welcome bonus"), amount));
    }
}
