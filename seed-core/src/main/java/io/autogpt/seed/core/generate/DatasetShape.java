package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Ids;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The skeleton of a dataset, as pure functions of the plan: ids, per-parent counts, a few anchor timestamps and the
 * facts several tables must agree on (a graph's name, when its owner signed up).
 *
 * <p>Rows are addressed by ordinal paths: user {@code u}; graph {@code (u, g)}; node {@code (u, g, n)}; execution
 * {@code (u, g, e)}; node execution {@code (u, g, e, n)}. A child calls the same function its parent's factory
 * called, so it never looks anything up and any slice of users can be generated alone. Thread-safe: its one piece of
 * state is the last graph design it made, kept to hand out again.
 */
final class DatasetShape {
    /** The last day before the anchor is kept free of graph creation, so runs of new graphs end before "now". */
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Spans and years {@link #plusMillis} works out itself: far from overflow and from java.time's range ends. */
    private static final long PLAIN_SPAN_MILLIS = 10_000L * 366 * MILLIS_PER_DAY;
    private static final int PLAIN_YEARS = 100_000_000;
    private static final Duration QUIET_DAY = Duration.ofDays(1);
    /** Users signed up over 700 days, ending a month before the anchor. */
    private static final long SIGN_UP_SPAN_MILLIS = Duration.ofDays(700).toMillis();

    private final SeedPlan plan;
    private final long seed;
    private final ScaleProfile scale;
    private final GraphDesigner designer;
    private final Tenancy tenancy;
    /**
     * The last graph designed: tables walk graphs in order and ask for one design many times in a row (per node, link,
     * run, run file and alert), and designing is a few hundred draws. Immutable, swapped whole, so threads share it.
     */
    /** The latest a user signs up: a month before the anchor. */
    private final LocalDateTime lastSignUp;
    /** The start of the quiet day before the anchor. */
    private final LocalDateTime quietDay;
    private volatile LastDesign lastDesign = new LastDesign(-1, -1, null);

    /** Graph (u, g)'s design, once made. */
    private record LastDesign(long u, long g, @Nullable GraphDesign design) {
    }

    public DatasetShape(SeedPlan plan) {
        this.plan = plan;
        this.seed = plan.seed();
        this.scale = plan.scale();
        this.designer = new GraphDesigner(this);
        this.tenancy = new Tenancy(this);
        this.lastSignUp = plan.now().minus(Duration.ofDays(30));
        this.quietDay = plan.now().minus(QUIET_DAY);
    }

    /** Organisations, teams and memberships, and where each resource lives (nowhere, under the early rules). */
    public Tenancy tenancy() {
        return tenancy;
    }

    public SeedPlan plan() {
        return plan;
    }

    /** The generation of the platform's rules the rows follow. */
    public PlatformRules rules() {
        return plan.rules();
    }

    public ScaleProfile scale() {
        return scale;
    }

    public LocalDateTime now() {
        return plan.now();
    }

    /** The random source of one row or decision: {@code stream} names it, {@code path} gives the ordinals. */
    public Rng rng(String stream, long... path) {
        return Rng.of(seed, stream, path);
    }

    /** The random source of the stream {@code stream + part}, {@code part} made from a value (see {@link Rng}). */
    public Rng rng(String stream, String part, long... path) {
        return Rng.of(seed, stream, part, path);
    }

    /**
     * A tag unique to (seed, user) for values the platform keeps unique across the whole database (emails,
     * usernames), so datasets of different seeds load side by side.
     */
    public String tag(long ordinal) {
        return "s" + seed + "n" + ordinal;
    }

    // ---- ids ------------------------------------------------------------------------------------------------

    public String userId(long u) {
        return Ids.uuid(seed, "User", u);
    }

    /** The ids of users {@code [from, to)} of any plan of {@code seed}: ids depend on seed and ordinal only. */
    public static java.util.stream.Stream<String> userIds(long seed, int from, int to) {
        return java.util.stream.LongStream.range(from, to).mapToObj(u -> Ids.uuid(seed, "User", u));
    }

    public String graphId(long u, long g) {
        return Ids.uuid(seed, "AgentGraph", u, g);
    }

    public String nodeId(long u, long g, long n) {
        return Ids.uuid(seed, "AgentNode", u, g, n);
    }

    public String profileId(long u) {
        return Ids.uuid(seed, "Profile", u);
    }

    public String graphExecutionId(long u, long g, long e) {
        return Ids.uuid(seed, "AgentGraphExecution", u, g, e);
    }

    public String nodeExecutionId(long u, long g, long e, long n) {
        return Ids.uuid(seed, "AgentNodeExecution", u, g, e, n);
    }

    /** The id of {@code run}'s graph execution: an own run's as {@link #graphExecutionId(long, long, long)}. */
    public String graphExecutionId(Run run) {
        return Ids.uuid(seed, run.stream("AgentGraphExecution"), run.path());
    }

    /** The id of node {@code n}'s execution in {@code run}. */
    public String nodeExecutionId(Run run, long n) {
        return Ids.uuid(seed, run.stream("AgentNodeExecution"), run.path(n));
    }

    /** Another id of a row of {@code run}'s: {@code table} and the ordinals under the run. */
    public String id(Run run, String table, long... more) {
        return Ids.uuid(seed, run.stream(table), run.path(more));
    }

    /** The random source of one decision about {@code run}: an own run draws as it always did. */
    public Rng rng(Run run, String stream, long... more) {
        return Rng.of(seed, run.stream(stream), run.path(more));
    }

    /** User {@code u}'s {@code e}-th run of their own graph {@code g}. */
    public Run run(long u, long g, long e) {
        return new Run(u, u, g, -1, e, graphCreatedAt(u, g));
    }

    public String listingId(long u, long g) {
        return Ids.uuid(seed, "StoreListing", u, g);
    }

    public String listingVersionId(long u, long g) {
        return Ids.uuid(seed, "StoreListingVersion", u, g);
    }

    public String libraryFolderId(long u, long f) {
        return Ids.uuid(seed, "LibraryFolder", u, f);
    }

    public String workspaceId(long u) {
        return Ids.uuid(seed, "UserWorkspace", u);
    }

    /** Any other row's id: {@code table} and its ordinal path. */
    public String id(String table, long... path) {
        return Ids.uuid(seed, table, path);
    }

    /** The id of the row of {@code table + part} at {@code path}, {@code part} made from a value (see {@link Ids}). */
    public String id(String table, String part, long... path) {
        return Ids.uuid(seed, table, part, path);
    }

    // ---- counts ---------------------------------------------------------------------------------------------

    public int graphs(long u) {
        return draw(scale.graphsPerUser(), rng("count/graphs", u));
    }

    /** How many nodes graph (u, g) has: its {@linkplain #design design's} size. */
    public int nodes(long u, long g) {
        return designer.size(u, g);
    }

    /** What graph (u, g) is made of: real blocks, their links and constants. */
    public GraphDesign design(long u, long g) {
        LastDesign last = lastDesign;
        GraphDesign design = last.design();
        if (last.u() != u || last.g() != g || design == null) {
            design = designer.design(u, g);
            lastDesign = new LastDesign(u, g, design);
        }
        return design;
    }

    public int executions(long u, long g) {
        return draw(scale.executionsPerGraph(), rng("count/executions", u, g));
    }

    /**
     * How often user {@code u} ran the graph of their library entry {@code i}, another user's graph: at least once,
     * so every listing someone added shows runs, and up to a quarter of what an owner runs a graph (none when the
     * scale runs nothing at all).
     */
    public int runsOfLibraryEntry(long u, long i) {
        int most = scale.executionsPerGraph().max();
        return most == 0 ? 0 : rng("count/library-runs", u, i).between(1, Math.max(1, most / 4));
    }

    public int presets(long u) {
        return draw(scale.presetsPerUser(), rng("count/presets", u));
    }

    public int libraryAgents(long u) {
        return draw(scale.libraryAgentsPerUser(), rng("count/library", u));
    }

    public int creditTransactions(long u) {
        return draw(scale.creditTransactionsPerUser(), rng("count/credit", u));
    }

    public int analytics(long u) {
        return draw(scale.analyticsPerUser(), rng("count/analytics", u));
    }

    public int apiKeys(long u) {
        return draw(scale.apiKeysPerUser(), rng("count/apikeys", u));
    }

    public int webhooks(long u) {
        Rng rng = rng("count/webhooks", u);
        return rng.chance(scale.webhookShare()) ? draw(scale.webhooksPerUser(), rng) : 0;
    }

    public int libraryFolders(long u) {
        return draw(scale.libraryFoldersPerUser(), rng("count/folders", u));
    }

    public int workspaceFiles(long u) {
        return draw(scale.workspaceFilesPerUser(), rng("count/workspace-files", u));
    }

    // ---- the newer tables' counts ------------------------------------------------------------------------

    public int chats(long u) {
        return draw(scale.activity().chatsPerUser(), rng("count/chats", u));
    }

    public int turns(long u, long c) {
        return draw(scale.activity().turnsPerChat(), rng("count/turns", u, c));
    }

    public boolean hasUnderstanding(long u) {
        return rng("count/understanding", u).chance(scale.activity().understandingShare());
    }

    public int notifications(long u) {
        return draw(scale.activity().notificationsPerUser(), rng("count/notifications", u));
    }

    public int keyValues(long u) {
        return draw(scale.activity().keyValuesPerUser(), rng("count/key-values", u));
    }

    public boolean asksRefund(long u) {
        return rng("count/refund", u).chance(scale.activity().refundShare());
    }

    /** Whether finished {@code run} stopped once for a human review on its way. */
    public boolean hadReview(Run run) {
        return rng(run, "count/reviewed-run").chance(scale.activity().reviewedRunShare());
    }

    public int storeSearches(long u) {
        return draw(scale.activity().storeSearchesPerUser(), rng("count/store-searches", u));
    }

    public int builderSearches(long u) {
        return draw(scale.activity().builderSearchesPerUser(), rng("count/builder-searches", u));
    }

    public boolean ownsOAuthApp(long u) {
        return rng("count/oauth-app", u).chance(scale.activity().oauthAppShare());
    }

    /** Users who authorised {@code u}'s app: distinct users of the owner's cohort, never more than it has. */
    public int oauthGrants(long u) {
        return Math.min(draw(scale.activity().grantsPerOauthApp(), rng("count/oauth-grants", u)), cohortSize(u));
    }

    /** The {@code k}-th user to authorise {@code u}'s app: the owner's cohort in turn, starting after the owner. */
    public long oauthGrantee(long u, int k) {
        long start = cohortStart(u);
        return start + (u - start + 1 + k) % cohortSize(u);
    }

    /**
     * The id of user {@code u}'s {@code i}-th logged search: {@code "SearchTerms"} has a bigint sequence, so seeded
     * rows take a block of ids far above anything it hands out ({@link #searchTermIds}).
     */
    public long searchTermId(long u, int i) {
        return searchTermIds(seed, u, u + 1)[0] + i;
    }

    /**
     * The ids {@code [from, to)} the search terms of users {@code [fromUser, toUser)} of {@code seed} lie in: from
     * 2^40 up (a sequence that hands out a million ids a day needs three thousand years to get there), a block of
     * 2^36 per seed (keyed on the seed's hash, so seeds loaded side by side do not collide), {@value
     * io.autogpt.seed.core.plan.ActivityProfile#MAX_STORE_SEARCHES} per user within it.
     */
    public static long[] searchTermIds(long seed, long fromUser, long toUser) {
        long block = (1L << 40) + Long.remainderUnsigned(Rng.mix(seed), (1L << 26) - 1) * (1L << 36);
        int perUser = io.autogpt.seed.core.plan.ActivityProfile.MAX_STORE_SEARCHES;
        return new long[] {block + fromUser * perUser, block + toUser * perUser};
    }

    public boolean hasOnboarding(long u) {
        return rng("count/onboarding", u).chance(scale.onboardingShare());
    }

    // ---- cohorts --------------------------------------------------------------------------------------------

    /** The first user of {@code u}'s cohort. */
    public long cohortStart(long u) {
        // A sign-up of advance belongs to the cohort of the user who brought them.
        long of = SignUps.isSignUp(u) ? SignUps.referrer(u) : u;
        return of - of % scale.cohortUsers();
    }

    /** How many users {@code u}'s cohort has (the last one may be short). */
    public int cohortSize(long u) {
        return (int) Math.min(scale.cohortUsers(), scale.users() - cohortStart(u));
    }

    /** A user of {@code u}'s cohort, {@code u} included: the only users {@code u} interacts with. */
    public long userInCohort(Rng rng, long u) {
        return cohortStart(u) + rng.nextInt(cohortSize(u));
    }

    /** A user of {@code u}'s cohort other than {@code u}; {@code u} itself when the cohort has no one else. */
    public long otherUserInCohort(Rng rng, long u) {
        int size = cohortSize(u);
        if (size == 1) {
            return u;
        }
        long other = cohortStart(u) + rng.nextInt(size - 1);
        return other >= u ? other + 1 : other;
    }

    /** A count drawn uniformly from {@code range}. */
    static int draw(IntRange range, Rng rng) {
        return rng.between(range.min(), range.max());
    }

    // ---- shared facts ---------------------------------------------------------------------------------------

    /**
     * When user {@code u} signed up: between two years and a month before the anchor; a {@linkplain SignUps sign-up}
     * during the last day before it.
     */
    public LocalDateTime userCreatedAt(long u) {
        Rng rng = rng("time/user", u);
        if (SignUps.isSignUp(u)) {
            // A sign-up of advance joined on the day that ends at this shape's anchor (SignUps builds it there).
            return between(rng, now().minusDays(1), now());
        }
        return plusMillis(lastSignUp, -rng.nextLong(SIGN_UP_SPAN_MILLIS));
    }

    /** When graph (u, g) was created: after its owner signed up, and at least a day before the anchor. */
    public LocalDateTime graphCreatedAt(long u, long g) {
        return between(rng("time/graph", u, g), userCreatedAt(u), quietDay);
    }

    /** When folder (u, f) was made: after its owner signed up, and at least a day before the anchor. */
    public LocalDateTime libraryFolderCreatedAt(long u, long f) {
        return between(rng("time/folder", u, f), userCreatedAt(u), quietDay);
    }

    /** The graph's display name; the store listing and version of the graph show the same name. */
    public String graphName(long u, long g) {
        Rng rng = rng("name/graph", u, g);
        return rng.pick(AgentVocabulary.GRAPH_ADJECTIVES) + " " + rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " "
                + rng.pick(AgentVocabulary.GRAPH_ROLES);
    }

    /**
     * A version-4 UUID in the platform's spelling (lowercase, hyphenated), as Python's {@code uuid4()} gives: share
     * tokens. Drawn from {@code rng}, so a seed's tokens are its own and tokens of different seeds collide no more
     * often than real ones.
     */
    public static String uuid4(Rng rng) {
        String h = rng.hex(32);
        char variant = "89ab".charAt(rng.nextInt(4));
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** A lowercase, dash-separated form of {@code text} for slugs and usernames. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /**
     * A time uniformly between {@code from} and {@code span} later, but never after the anchor: chains of events
     * (listed, submitted, reviewed) add offsets, and only a clamp at each link keeps the last one before "now".
     */
    public LocalDateTime soonAfter(Rng rng, LocalDateTime from, Duration span) {
        LocalDateTime to = from.plus(span);
        return between(rng, from, to.isAfter(now()) ? now() : to);
    }

    /** A time uniformly between {@code from} and {@code to} (returns {@code from} when the span is empty). */
    public static LocalDateTime between(Rng rng, LocalDateTime from, LocalDateTime to) {
        long span = millisBetween(from, to);
        return span <= 0 ? from : plusMillis(from, rng.nextLong(span + 1));
    }

    /**
     * {@code t} plus {@code millis}: what {@code t.plus(Duration.ofMillis(millis))} gives, for the times every run's
     * nodes are stamped with. A time of whole milliseconds (all of the dataset's) is worked out in {@code int}
     * milliseconds of the day, and the date moved only when the day changes: the JIT the launcher uses (C1) divides
     * {@code long}s in a runtime call, and {@code LocalDateTime.plus} makes several such divisions a call.
     */
    static LocalDateTime plusMillis(LocalDateTime t, long millis) {
        if (millis == 0) {
            return t;
        }
        int nano = t.getNano();
        if (nano % 1_000_000 != 0 || Math.abs(millis) > PLAIN_SPAN_MILLIS || Math.abs(t.getYear()) > PLAIN_YEARS) {
            // Not a time of the dataset's: java.time's own answer, its errors at the ends of its range included.
            return t.plus(Duration.ofMillis(millis));
        }
        long millisOfDay = t.toLocalTime().toSecondOfDay() * 1000L + nano / 1_000_000 + millis;
        if (millisOfDay >= 0 && millisOfDay < MILLIS_PER_DAY) {
            return LocalDateTime.of(t.toLocalDate(), timeOfDay((int) millisOfDay));
        }
        long days = Math.floorDiv(millisOfDay, MILLIS_PER_DAY);
        return LocalDateTime.of(t.toLocalDate().plusDays(days), timeOfDay((int) (millisOfDay - days * MILLIS_PER_DAY)));
    }

    /** The time of day {@code millis} (0 to a day, exclusive) after midnight, in {@code int} arithmetic. */
    private static LocalTime timeOfDay(int millis) {
        int seconds = millis / 1000;
        return LocalTime.of(seconds / 3600, seconds / 60 % 60, seconds % 60, millis % 1000 * 1_000_000);
    }

    /**
     * Whole milliseconds from {@code from} to {@code to}, truncated towards zero: what
     * {@code Duration.between(from, to).toMillis()} gives, without making the duration.
     */
    static long millisBetween(LocalDateTime from, LocalDateTime to) {
        long seconds = to.toEpochSecond(ZoneOffset.UTC) - from.toEpochSecond(ZoneOffset.UTC);
        long nanos = Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), to.getNano() - from.getNano());
        return nanos / 1_000_000L;
    }
}
