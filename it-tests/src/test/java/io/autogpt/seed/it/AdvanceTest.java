package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Reference;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.SchemaVersion;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code advance}: days added to a database seeded through the CLI keep every rule of the seeder (judged at the new
 * anchor), are the same rows whether added at once or a day at a time, are recorded, reset and sharded with the
 * seed's runs, and go in all at once or not at all. Each case works on a copy of one seeded database per version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvanceTest {
    private static final String SCHEMA = "platform";
    private static final String TODAY = "platform-2026-09";
    private static final String EARLY = "platform-2026-01";
    /** Two cohorts of 60, so each of two shards holds one. */
    private static final String[] SEED_ARGS = {"--users", "120", "--cohort-users", "60", "--seed", "42", "--now",
            Invariants.ANCHOR};

    private final Map<String, TestDatabase> seeded = new HashMap<>();
    private final List<TestDatabase> copies = new ArrayList<>();

    @BeforeAll
    void seed() {
        for (String version : List.of(TODAY, EARLY)) {
            TestDatabase db = TestDatabase.create(getClass());
            db.installVector();
            CliRun run = CliRun.of(CliRun.concat(new String[] {"seed", "--create-schema", "--schema-version", version,
                    "--db", db.cliUrl(SCHEMA)}, SEED_ARGS));
            assertThat(run.exitCode()).as(run.all()).isZero();
            seeded.put(version, db);
        }
    }

    @AfterAll
    void drop() {
        copies.forEach(TestDatabase::close);
        seeded.values().forEach(TestDatabase::close);
    }

    private TestDatabase copy(String version) {
        TestDatabase db = seeded.get(version).copy();
        copies.add(db);
        return db;
    }

    private static CliRun advance(TestDatabase db, String... args) {
        return CliRun.of(CliRun.concat(new String[] {"advance", "--db", db.cliUrl(SCHEMA), "--seed", "42"}, args));
    }

    private static Map<String, String> digests(TestDatabase db) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            Map<String, String> d = new java.util.LinkedHashMap<>(Sql.digests(c));
            boolean ledger = Sql.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'autogpt_seed' "
                    + "AND tablename = 'advances'") > 0;
            d.put("autogpt_seed.advances", !ledger ? "" : Sql.strings(c, "SELECT coalesce(string_agg(format("
                    + "'%s %s %s %s %s %s', from_user, to_user, day, anchor, row_count, signup_user_ids), ';' "
                    + "ORDER BY from_user, day), '') FROM autogpt_seed.advances").get(0));
            return d;
        }
    }

    static Stream<Arguments> versionsAndDays() {
        return Stream.of(TODAY, EARLY).flatMap(v -> Stream.of(1, 7, 30).map(d -> Arguments.of(v, d)));
    }

    @ParameterizedTest(name = "{0} after {1} days")
    @MethodSource("versionsAndDays")
    void everyInvariantHoldsAtTheNewAnchor(String version, int days) throws Exception {
        TestDatabase db = copy(version);
        CliRun run = advance(db, "--days", String.valueOf(days));
        assertThat(run.exitCode()).as(run.all()).isZero();
        String anchor = LocalDateTime.parse("2025-06-01T00:00:00").plusDays(days).toString().replace('T', ' ') + ":00";
        assertThat(run.out()).contains("day 0 → " + days);
        Set<String> tables = Reference.rows(version, "columns.csv").stream().map(r -> r.get("table_name"))
                .collect(Collectors.toSet());
        PlatformRules rules = SchemaVersion.byId(version).orElseThrow().rules();
        List<String> broken = new ArrayList<>();
        try (Connection c = db.connect(SCHEMA)) {
            for (Invariants.Invariant i : Invariants.ALL) {
                if (i.appliesTo(tables, rules)) {
                    long n = Sql.count(c, i.at(anchor).check());
                    if (n != 0) {
                        broken.add(i.name() + " (" + n + ")");
                    }
                }
            }
            // The days did happen: runs, usage and reviews on every day, and nothing before the new anchor is left
            // running from the seed.
            assertThat(Sql.count(c, "SELECT count(DISTINCT date_trunc('day', \"createdAt\")) FROM "
                    + "\"AgentGraphExecution\" WHERE \"createdAt\" >= '2025-06-01'")).isEqualTo(days);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"CreditTransaction\" WHERE type = 'USAGE' "
                    + "AND \"createdAt\" >= '2025-06-01'")).isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListingReview\" WHERE \"createdAt\" >= '2025-06-01'"))
                    .isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraphExecution\" WHERE \"executionStatus\" = 'FAILED' "
                    + "AND \"createdAt\" < '2025-06-01' AND \"endedAt\" >= '2025-06-01'"))
                    .as("the seed's running runs finished on day 1").isPositive();
            // The store's reviewers decided waiting versions, and their owners were told as each platform tells them.
            if (days >= 7) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"NotificationEvent\" WHERE \"createdAt\" >= '2025-06-01' AND "
                        + "type::text IN " + (rules.atLeast(PlatformRules.SEPTEMBER_2026) ? "('VERDICT')"
                        : "('AGENT_APPROVED', 'AGENT_REJECTED')"))).as("store decisions told").isPositive();
            }
            if (rules.atLeast(PlatformRules.SEPTEMBER_2026)) {
                // Today's platform alerted each user who keeps alerts on about every run of theirs that failed
                // within its day (not those left going and failed the next morning, which the seeder does not alert).
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraphExecution\" e JOIN \"User\" u ON u.id = e.\"userId\" "
                        + "WHERE u.\"alertsEnabled\" AND e.\"executionStatus\" = 'FAILED' AND e.\"createdAt\" >= '2025-06-01' "
                        + "AND e.\"endedAt\" <= date_trunc('day', e.\"createdAt\") + interval '1 day' AND NOT EXISTS (SELECT 1 "
                        + "FROM " + ALERTS + " WHERE b.\"userId\" = e.\"userId\" AND v.data -> 'primary' -> 'facts' "
                        + "@> jsonb_build_array(jsonb_build_object('label', 'Run', 'value', e.id)))"))
                        .as("failed runs of the days without their alert").isZero();
                // And about every usage of the days that took their balance below $5.00.
                assertThat(Sql.count(c, "SELECT count(*) FROM \"CreditTransaction\" t JOIN \"User\" u ON u.id = t.\"userId\" "
                        + "WHERE u.\"alertsEnabled\" AND t.type = 'USAGE' AND t.\"createdAt\" >= '2025-06-01' "
                        + "AND t.\"runningBalance\" < 500 AND t.\"runningBalance\" - t.amount >= 500 AND NOT EXISTS (SELECT 1 "
                        + "FROM " + ALERTS + " WHERE b.\"userId\" = t.\"userId\" AND v.\"createdAt\" >= t.\"createdAt\" "
                        + "AND v.data -> 'primary' ->> 'headline' = 'Your balance is low' AND v.data -> 'primary' -> 'facts' "
                        + "@> jsonb_build_array(jsonb_build_object('label', 'Balance', 'value', '$' || (t.\"runningBalance\" / 100) "
                        + "|| '.' || lpad((t.\"runningBalance\" % 100)::text, 2, '0'))))"))
                        .as("usage of the days below the line without its warning").isZero();
                if (days >= 7) {
                    assertThat(Sql.count(c, "SELECT count(*) FROM " + ALERTS + " WHERE v.\"createdAt\" >= '2025-06-01'"))
                            .as("alerts of the days").isPositive();
                }
            } else {
                // The platform before today's queued an AGENT_RUN notice for every completed run of a user who keeps
                // notifyOnAgentRun (the invariants check each names a real completed run with its node count).
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraphExecution\" e JOIN \"User\" u ON u.id = e.\"userId\" "
                        + "WHERE u.\"notifyOnAgentRun\" AND e.\"executionStatus\" = 'COMPLETED' AND e.\"createdAt\" >= '2025-06-01' "
                        + "AND NOT EXISTS (SELECT 1 FROM \"NotificationEvent\" v JOIN \"UserNotificationBatch\" b "
                        + "ON b.id = v.\"userNotificationBatchId\" WHERE b.\"userId\" = e.\"userId\" AND v.type = 'AGENT_RUN' "
                        + "AND v.\"createdAt\" = e.\"endedAt\" AND v.data ->> 'graph_id' = e.\"agentGraphId\")"))
                        .as("completed runs of the days without their notice").isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"NotificationEvent\" WHERE type = 'AGENT_RUN' "
                        + "AND \"createdAt\" >= '2025-06-01'")).as("agent-run notices of the days").isPositive();
            }
        }
        assertThat(broken).as("invariants broken after " + days + " days").isEmpty();
    }

    @Test
    void theStoreMovesAndUsersChatAndSearchOnTheDays() throws Exception {
        TestDatabase db = copy(TODAY);
        Map<String, Long> before = new HashMap<>();
        try (Connection c = db.connect(SCHEMA)) {
            before.put("pending", Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" WHERE \"submissionStatus\" = 'PENDING'"));
            before.put("onboardingRuns", Sql.count(c, "SELECT coalesce(sum(\"agentRuns\"), 0) FROM \"UserOnboarding\""));
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA test_before");
                st.execute("CREATE TABLE test_before.onboarding AS SELECT \"userId\", \"agentRuns\", \"lastRunAt\", "
                        + "\"consecutiveRunDays\" FROM \"UserOnboarding\"");
            }
        }
        CliRun run = advance(db, "--days", "7", "--submit-share", "0.05");
        assertThat(run.exitCode()).as(run.all()).isZero();
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" v WHERE v.\"createdAt\" >= '2025-06-01' "
                    + "AND v.version = (SELECT max(w.version) FROM \"StoreListingVersion\" w WHERE w.\"storeListingId\" "
                    + "= v.\"storeListingId\") AND v.version > 1")).as("new versions, numbered after the latest").isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListing\" l JOIN \"StoreListingVersion\" v "
                    + "ON v.id = l.\"activeVersionId\" WHERE v.\"reviewedAt\" >= '2025-06-01'"))
                    .as("versions approved on the days are active").isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" WHERE \"submissionStatus\" = 'REJECTED' "
                    + "AND \"reviewedAt\" >= '2025-06-01' AND NOT \"isAvailable\" AND \"reviewComments\" IS NOT NULL"))
                    .as("versions rejected on the days").isPositive();
            // The summary counts the decisions the database holds.
            long approved = Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" WHERE \"submissionStatus\" = "
                    + "'APPROVED' AND \"reviewedAt\" >= '2025-06-01'");
            long rejected = Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" WHERE \"submissionStatus\" = "
                    + "'REJECTED' AND \"reviewedAt\" >= '2025-06-01'");
            assertThat(run.out()).contains(String.format("store versions approved: %,d, rejected: %,d, re-categorised: ",
                    approved, rejected));
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" WHERE \"createdAt\" < '2025-06-01' "
                    + "AND \"submissionStatus\" = 'PENDING'")).as("seeded versions still waiting")
                    .isLessThan(before.get("pending"));
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListingVersion\" v JOIN \"UnifiedContentEmbedding\" e "
                    + "ON e.\"contentId\" = v.id WHERE v.\"createdAt\" < '2025-06-01' AND v.\"updatedAt\" >= '2025-06-01' "
                    + "AND e.\"createdAt\" >= '2025-06-01' AND v.\"reviewedAt\" < '2025-06-01'"))
                    .as("active versions whose categories changed, re-embedded").isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"NotificationEvent\" WHERE type = 'VERDICT' "
                    + "AND \"createdAt\" >= '2025-06-01'")).as("verdicts of the days").isPositive();
            assertThat(Sql.count(c, "SELECT count(DISTINCT date_trunc('day', \"createdAt\")) FROM \"ChatSession\" "
                    + "WHERE \"createdAt\" >= '2025-06-01'")).as("chats on every day").isEqualTo(7);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"ChatSession\" s, LATERAL (SELECT sum(\"inputTokens\")::int AS i, "
                    + "sum(\"outputTokens\")::int AS o FROM \"PlatformCostLog\" l WHERE l.\"chatSessionId\" = s.id) t "
                    + "WHERE s.\"createdAt\" >= '2025-06-01' AND (s.\"totalPromptTokens\" IS DISTINCT FROM t.i "
                    + "OR s.\"totalCompletionTokens\" IS DISTINCT FROM t.o)"))
                    .as("chats whose cost logs do not add up to their tokens").isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"SearchTerms\" WHERE \"createdDate\" >= '2025-06-01'"))
                    .as("store searches of the days").isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"BuilderSearchHistory\" WHERE \"createdAt\" >= '2025-06-01'"))
                    .as("builder searches of the days").isPositive();
            assertThat(Sql.count(c, "SELECT coalesce(sum(\"agentRuns\"), 0) FROM \"UserOnboarding\""))
                    .as("onboarding counts the days' runs").isGreaterThan(before.get("onboardingRuns"));
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserOnboarding\" o JOIN test_before.onboarding p "
                    + "ON p.\"userId\" = o.\"userId\" WHERE o.\"agentRuns\" <> p.\"agentRuns\" + (SELECT count(*) "
                    + "FROM \"AgentGraphExecution\" e WHERE e.\"userId\" = o.\"userId\" AND e.\"createdAt\" >= '2025-06-01') "
                    + "OR o.\"lastRunAt\" IS DISTINCT FROM coalesce((SELECT max(e.\"createdAt\") FROM \"AgentGraphExecution\" e "
                    + "WHERE e.\"userId\" = o.\"userId\" AND e.\"createdAt\" >= '2025-06-01'), p.\"lastRunAt\") "
                    + "OR o.\"consecutiveRunDays\" > 7 + p.\"consecutiveRunDays\""))
                    .as("onboarding counters that do not follow the days' runs").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void theAdvancedDaysReadBackThroughThePlatformsPrisma(String version) throws Exception {
        TestDatabase db = copy(version);
        CliRun run = advance(db, "--days", "7", "--submit-share", "0.05");
        assertThat(run.exitCode()).as(run.all()).isZero();
        io.autogpt.seed.it.support.PrismaReadBack.Summary summary =
                io.autogpt.seed.it.support.PrismaReadBack.read(version, db.cliUrl(SCHEMA));
        assertThat(summary.problems()).as(summary.table()).isEmpty();
        assertThat(summary.model("StoreListingVersion").read()).as(summary.table())
                .isEqualTo(summary.model("StoreListingVersion").count()).isPositive();
    }

    static Stream<String> versions() {
        return Stream.of(TODAY, EARLY);
    }

    /** Alert notices in their batches, as {@code v} and {@code b}. */
    private static final String ALERTS = "\"NotificationEvent\" v JOIN \"UserNotificationBatch\" b "
            + "ON b.id = v.\"userNotificationBatchId\" AND v.type = 'ALERT'";

    @Test
    void alertsGoToTheBatchTheUserHolds() throws Exception {
        TestDatabase db = copy(TODAY);
        try (Connection c = db.connect(SCHEMA)) {
            // As if the platform had made the users' alert batches itself, under ids of its own.
            assertThat(Sql.count(c, "WITH r AS (UPDATE \"UserNotificationBatch\" SET id = 'platform-' || id "
                    + "WHERE type = 'ALERT' RETURNING 1) SELECT count(*) FROM r")).isPositive();
        }
        CliRun run = advance(db, "--days", "7");
        assertThat(run.exitCode()).as(run.all()).isZero();
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM " + ALERTS + " WHERE v.\"createdAt\" >= '2025-06-01' "
                    + "AND b.id LIKE 'platform-%'")).as("the days' alerts in the platform's batches").isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"NotificationEvent\" v LEFT JOIN \"UserNotificationBatch\" b "
                    + "ON b.id = v.\"userNotificationBatchId\" WHERE b.id IS NULL OR b.type <> v.type "
                    + "OR v.\"createdAt\" NOT BETWEEN b.\"createdAt\" AND b.\"updatedAt\"")).isZero();
        }
    }

    @Test
    void sevenSingleDaysGiveTheRowsOfOneWeek() throws Exception {
        TestDatabase week = copy(TODAY);
        assertThat(advance(week, "--days", "7").exitCode()).isZero();
        TestDatabase daily = copy(TODAY);
        for (int d = 1; d <= 7; d++) {
            // Alternately one more day and up to the day's end: the same days either way.
            CliRun run = d % 2 == 0 ? advance(daily, "--to", "2025-06-0" + (1 + d) + "T00:00:00Z")
                    : advance(daily, "--days", "1");
            assertThat(run.exitCode()).as(run.all()).isZero();
        }
        assertThat(digests(daily)).isEqualTo(digests(week));
    }

    @Test
    void aDayAlreadyReachedChangesNothing() throws Exception {
        TestDatabase db = copy(TODAY);
        assertThat(advance(db, "--days", "3").exitCode()).isZero();
        Map<String, String> before = digests(db);
        CliRun again = advance(db, "--to", "2025-06-03T12:00:00Z");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).startsWith("already advanced: seed 42 (users 0..119) is at 2025-06-04T00:00Z (day 3)");
        assertThat(digests(db)).isEqualTo(before);
    }

    @Test
    void aResetOfTheSeedRemovesTheAdvancedDays() throws Exception {
        TestDatabase db = copy(TODAY);
        Map<String, String> seededRows = digests(db);
        assertThat(advance(db, "--days", "5").exitCode()).isZero();
        Map<String, String> advanced = digests(db);
        // The store's new versions and decisions, the chats and their costs, the searches and onboarding counters too.
        for (String table : List.of("StoreListingVersion", "StoreListing", "UnifiedContentEmbedding", "ChatSession",
                "ChatMessage", "PlatformCostLog", "SearchTerms", "BuilderSearchHistory", "UserOnboarding")) {
            assertThat(advanced.get(table)).as(table).isNotNull().isNotEqualTo(seededRows.get(table));
        }
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, SIGN_UPS)).as("users who signed up on the days").isPositive();
        }
        CliRun reset = CliRun.of(CliRun.concat(new String[] {"seed", "--reset", "--db", db.cliUrl(SCHEMA)}, SEED_ARGS));
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(digests(db)).isEqualTo(seededRows);
    }

    /** A database of {@code version} seeded in two shards (two recorded runs, a cohort each), as an Indexed Job does. */
    private TestDatabase seededInShards() {
        TestDatabase db = TestDatabase.create(getClass());
        copies.add(db);
        db.installVector();
        for (String shard : List.of("0/2", "1/2")) {
            CliRun run = CliRun.of(CliRun.concat(new String[] {"seed", "--create-schema", "--db", db.cliUrl(SCHEMA),
                    "--shard", shard}, SEED_ARGS));
            assertThat(run.exitCode()).as(run.all()).isZero();
        }
        return db;
    }

    @Test
    void shardsAdvanceOnlyTheirUsersAndTogetherTheWhole() throws Exception {
        TestDatabase whole = copy(TODAY);
        assertThat(advance(whole, "--days", "2").exitCode()).isZero();
        TestDatabase sharded = seededInShards();
        Map<String, String> seededRows = digests(sharded);
        seededRows.remove("autogpt_seed.advances");
        Map<String, String> wholeSeed = digests(seeded.get(TODAY));
        wholeSeed.remove("autogpt_seed.advances");
        assertThat(seededRows).as("shards seed the rows of one run").isEqualTo(wholeSeed);
        CliRun first = advance(sharded, "--days", "2", "--shard", "1/2");
        assertThat(first.exitCode()).as(first.all()).isZero();
        try (Connection c = sharded.connect(SCHEMA)) {
            List<String> cohort0 = io.autogpt.seed.core.run.Dataset.userIds(42, 0, 60).toList();
            String in0 = "('" + String.join("','", cohort0) + "')";
            assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraphExecution\" WHERE \"createdAt\" >= '2025-06-01' "
                    + "AND \"userId\" IN " + in0)).as("shard 0's users had no day").isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraphExecution\" WHERE \"createdAt\" >= '2025-06-01' "
                    + "AND \"userId\" NOT IN " + in0)).as("shard 1's users had two").isPositive();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"LibraryAgent\" a JOIN \"AgentGraph\" g ON g.id = a.\"agentGraphId\" "
                    + "JOIN \"User\" u ON u.id = a.\"userId\" WHERE u.\"createdAt\" >= '2025-06-01' AND g.\"userId\" IN " + in0))
                    .as("shard 1's sign-ups hold agents of shard 1's cohort only").isZero();
        }
        assertThat(advance(sharded, "--days", "2", "--shard", "0/2").exitCode()).isZero();
        Map<String, String> a = digests(whole);
        Map<String, String> b = digests(sharded);
        a.remove("autogpt_seed.advances");
        b.remove("autogpt_seed.advances");
        assertThat(b).isEqualTo(a);
        // A shard that cuts a recorded run in two is refused: its days are the whole run's.
        CliRun cut = advance(whole, "--days", "1", "--shard", "0/2");
        assertThat(cut.exitCode()).isEqualTo(3);
        assertThat(cut.err()).startsWith("error: shard 0/2 (users 0..59) cuts the seeded run of users 0..119 in two")
                .hasLineCount(1);
    }

    /** The users who signed up on the advanced days: those the ledger records. */
    private static final String SIGN_UPS = "SELECT count(*) FROM \"User\" u JOIN (SELECT unnest(signup_user_ids) AS id "
            + "FROM autogpt_seed.advances) s ON s.id = u.id";

    @Test
    void signUpsJoinOnTheirDayInTheirReferrersCohortWithWhatTheSeederGivesAUser() throws Exception {
        TestDatabase db = copy(TODAY);
        CliRun run = advance(db, "--days", "4", "--sign-up-share", "0.1");
        assertThat(run.exitCode()).as(run.all()).isZero();
        try (Connection c = db.connect(SCHEMA)) {
            long signUps = Sql.count(c, SIGN_UPS);
            assertThat(signUps).as("about 0.1 x 120 x 4").isBetween(20L, 80L);
            assertThat(run.out()).contains("sign-ups: " + signUps + ";");
            // Every user created after the seeded anchor is a recorded sign-up, created within the day recorded.
            assertThat(Sql.count(c, "SELECT count(*) FROM \"User\" WHERE \"createdAt\" >= '2025-06-01'"))
                    .isEqualTo(signUps);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"User\" u JOIN (SELECT unnest(signup_user_ids) AS id, anchor "
                    + "FROM autogpt_seed.advances) s ON s.id = u.id WHERE u.\"createdAt\" < s.anchor - interval '1 day' "
                    + "OR u.\"createdAt\" > s.anchor")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"User\" u WHERE u.\"createdAt\" >= '2025-06-01' AND ("
                    + "NOT EXISTS (SELECT 1 FROM \"Profile\" p WHERE p.\"userId\" = u.id) "
                    + "OR NOT EXISTS (SELECT 1 FROM \"UserOnboarding\" o WHERE o.\"userId\" = u.id AND o.\"agentRuns\" = 0) "
                    + "OR NOT EXISTS (SELECT 1 FROM \"UserBalance\" b WHERE b.\"userId\" = u.id) "
                    + "OR NOT EXISTS (SELECT 1 FROM \"Organization\" o WHERE o.\"bootstrapUserId\" = u.id AND o.\"isPersonal\"))"))
                    .as("sign-ups without profile, onboarding, balance or personal organisation").isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"LibraryAgent\" a JOIN \"User\" u ON u.id = a.\"userId\" "
                    + "WHERE u.\"createdAt\" >= '2025-06-01'")).as("their library").isPositive();
            // A sign-up's store agents are approved ones of a single cohort (the referrer's).
            List<String> cohort0 = io.autogpt.seed.core.run.Dataset.userIds(42, 0, 60).toList();
            String in0 = "('" + String.join("','", cohort0) + "')";
            assertThat(Sql.count(c, "SELECT count(*) FROM (SELECT a.\"userId\" FROM \"LibraryAgent\" a "
                    + "JOIN \"AgentGraph\" g ON g.id = a.\"agentGraphId\" JOIN \"User\" u ON u.id = a.\"userId\" "
                    + "WHERE u.\"createdAt\" >= '2025-06-01' GROUP BY a.\"userId\" "
                    + "HAVING count(DISTINCT g.\"userId\" IN " + in0 + ") > 1) x")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"LibraryAgent\" a JOIN \"User\" u ON u.id = a.\"userId\" "
                    + "WHERE u.\"createdAt\" >= '2025-06-01' AND NOT EXISTS (SELECT 1 FROM \"StoreListingVersion\" v "
                    + "WHERE v.\"agentGraphId\" = a.\"agentGraphId\" AND v.\"submissionStatus\" = 'APPROVED')")).isZero();
            // Seeded without --auth-users: the referrers have no login, so neither do the sign-ups.
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthIdentity\"")).isZero();
        }
        // A later advance goes on from there: the sign-ups of day 5 are new ones, and the earlier stay.
        CliRun next = advance(db, "--days", "1", "--sign-up-share", "0.1");
        assertThat(next.exitCode()).as(next.all()).isZero();
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM \"User\" WHERE \"createdAt\" >= '2025-06-05'"))
                    .isEqualTo(Sql.count(c, "SELECT cardinality(signup_user_ids) FROM autogpt_seed.advances WHERE day = 5"))
                    .isPositive();
        }
    }

    @Test
    void signUpsOfASeedWithLoginsLogInWithTheirReferrersPasswordAndGoWithAReset() throws Exception {
        String password = "advance-sign-ups-pw-1";
        TestDatabase db = TestDatabase.create(getClass());
        copies.add(db);
        db.installVector();
        CliRun seeded = CliRun.with(Map.of("LOADTEST_PASSWORD", password), CliRun.concat(new String[] {"seed",
                "--create-schema", "--schema-version", TODAY, "--db", db.cliUrl(SCHEMA), "--auth-users"}, SEED_ARGS));
        assertThat(seeded.exitCode()).as(seeded.all()).isZero();
        CliRun run = advance(db, "--days", "3", "--sign-up-share", "0.1");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).doesNotContain("$2");
        try (Connection c = db.connect(SCHEMA)) {
            long signUps = Sql.count(c, SIGN_UPS);
            assertThat(signUps).isPositive();
            assertThat(run.out()).containsPattern("LoginAccount +" + signUps + "\\b");
            // Better Auth's rows as the seeder writes them, with the one password hash of the run.
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthIdentity\" i JOIN \"User\" u ON u.id = i.id "
                    + "AND i.email = u.email AND i.\"emailVerified\" AND i.role = 'user' JOIN \"UserAuthAccount\" a "
                    + "ON a.\"userId\" = i.id AND a.\"accountId\" = i.id AND a.\"providerId\" = 'credential' "
                    + "WHERE u.\"createdAt\" >= '2025-06-01'")).isEqualTo(signUps);
            assertThat(Sql.count(c, "SELECT count(DISTINCT password) FROM \"UserAuthAccount\"")).isEqualTo(1);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public");
            }
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthAccount\" WHERE password = public.crypt('" + password
                    + "', password)")).isEqualTo(120 + signUps);
        }
        CliRun reset = CliRun.of(CliRun.concat(new String[] {"seed", "--reset", "--db", db.cliUrl(SCHEMA)}, SEED_ARGS));
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(120);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthIdentity\"")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"Organization\" WHERE \"createdAt\" >= '2025-06-01'")).isZero();
        }
    }

    @Test
    void aFailedAdvanceLeavesNothing() throws Exception {
        TestDatabase db = copy(TODAY);
        try (Connection c = db.connect(SCHEMA); Statement st = c.createStatement()) {
            // The platform refusing a row of day 4: days 1 to 3 went in before it, in the same transaction.
            st.execute("CREATE FUNCTION platform.refuse_day_4() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.\"createdAt\" >= '2025-06-04' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                    + "RETURN NEW; END $$");
            st.execute("CREATE TRIGGER refuse_day_4 BEFORE INSERT ON platform.\"AgentGraphExecution\" FOR EACH ROW "
                    + "EXECUTE FUNCTION platform.refuse_day_4()");
        }
        Map<String, String> before = digests(db);
        CliRun run = advance(db, "--days", "7");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("error: ").contains("refused by the test").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(digests(db)).isEqualTo(before);
    }

    @Test
    void badInputGetsOneLineAndANonZeroExit() {
        TestDatabase db = seeded.get(TODAY);
        assertThat(advance(db)).satisfies(r -> usage(r, "error: give either --days N or --to INSTANT"));
        assertThat(advance(db, "--days", "2", "--to", "2025-06-09T00:00:00Z"))
                .satisfies(r -> usage(r, "error: give either --days N or --to INSTANT"));
        assertThat(advance(db, "--days", "0")).satisfies(r -> usage(r, "error: --days: days must be between 1 and"));
        assertThat(advance(db, "--to", "next week")).satisfies(r -> usage(r, "error: --to must be an ISO-8601"));
        assertThat(advance(db, "--days", "1", "--shard", "2/2")).satisfies(r -> usage(r, "error: --shard must be I/N"));
        assertThat(advance(db, "--days", "1", "--active-share", "1.5"))
                .satisfies(r -> usage(r, "error: active share must be between 0 and 1, got 1.5"));
        assertThat(advance(db, "--days", "1", "--submit-share", "-0.1"))
                .satisfies(r -> usage(r, "error: submit share must be between 0 and 1, got -0.1"));
        assertThat(advance(db, "--days", "1", "--chat-share", "2"))
                .satisfies(r -> usage(r, "error: chat share must be between 0 and 1, got 2.0"));
        CliRun unseeded = CliRun.of("advance", "--db", db.cliUrl(SCHEMA), "--seed", "7", "--days", "1");
        assertThat(unseeded.exitCode()).isEqualTo(3);
        assertThat(unseeded.err()).startsWith("error: seed 7 has not been seeded in schema \"platform\"")
                .hasLineCount(1);
    }

    private static void usage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).startsWith(message).hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }
}
