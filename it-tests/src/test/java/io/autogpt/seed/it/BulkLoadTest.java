package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedReport;
import io.autogpt.seed.core.run.SeedRunner;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.it.support.CliProcess;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.DatabaseUrl;
import io.autogpt.seed.jpa.SchemaVersion;
import io.autogpt.seed.jpa.SeedTargets;
import io.autogpt.seed.jpa.SeedTargets.Indexes;
import io.autogpt.seed.jpa.SeedTargets.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Empty tables are loaded as {@code pg_restore} loads them: rows first, then the indexes and foreign keys the catalog
 * had, rebuilt under the same names from the same definitions, in the run's one transaction.
 */
class BulkLoadTest {
    private static final String NOW = "2025-06-01T00:00:00Z";
    private static final SeedPlan PLAN = SeedPlan.of(11, Instant.parse(NOW),
            ScaleProfile.original().withUsers(20));
    private static final AgentNode DANGLING = new AgentNode("dangling-node", "no-such-block", "no-such-graph", 1,
            null, Json.EMPTY_OBJECT, Json.EMPTY_OBJECT);

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aCreatedSchemaIsLoadedBareAndGetsExactlyItsIndexesAndKeysBack(Writer writer) throws Exception {
        try (TestDatabase bulk = TestDatabase.create(getClass()); TestDatabase kept = TestDatabase.create(getClass())) {
            SeedReport bare = run(bulk.url(), writer, SchemaVersion.newest(), Indexes.REBUILT_AFTER_LOAD);
            SeedReport indexed = run(kept.url(), writer, SchemaVersion.newest(), Indexes.KEPT);
            assertThat(paths(bare).values()).as("every table inserted into was empty").allMatch(path ->
                    path.startsWith("bulk") || path.equals("where missing") || path.equals("where none is active")
                            || path.equals("update"));
            assertThat(paths(indexed).values()).doesNotContain("bulk").contains("indexed (asked)");
            try (Connection b = bulk.connect("public"); Connection k = kept.connect("public")) {
                assertThat(Sql.catalog(b)).isEqualTo(Sql.catalog(k)).hasSizeGreaterThan(200);
                assertThat(Sql.digests(b)).as("the same rows either way").isEqualTo(Sql.digests(k));
            }
        }
    }

    /**
     * Rows COPYed into a table the run created go in frozen; into a table that was there (migrated, empty), as usual.
     * Frozen rows are what a snapshot older than the run sees too (COPY FREEZE's documented exception to MVCC): a
     * transaction that took its snapshot before the run began counts them, and counts nothing of the usual kind.
     */
    @Test
    void rowsGoInFrozenOnlyIntoTablesTheRunCreated() throws Exception {
        try (TestDatabase created = TestDatabase.create(getClass());
             TestDatabase migrated = TestDatabase.create(getClass())) {
            migrated(migrated, "public");
            for (TestDatabase db : List.of(created, migrated)) {
                try (Connection before = db.connect("public"); Statement st = before.createStatement()) {
                    before.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    before.setAutoCommit(false);
                    st.execute("SELECT 1"); // its snapshot, from before the run
                    SeedReport report = run(db.url(), Writer.COPY, db == created ? SchemaVersion.newest() : null,
                            Indexes.REBUILT_AFTER_LOAD);
                    assertThat(paths(report)).containsEntry("AgentGraph", "bulk");
                    long seen = Sql.count(before, "SELECT count(*) FROM \"AgentGraph\"");
                    before.rollback();
                    try (Connection now = db.connect("public")) {
                        long graphs = Sql.count(now, "SELECT count(*) FROM \"AgentGraph\"");
                        assertThat(graphs).isPositive();
                        assertThat(seen).as(db == created ? "created: frozen" : "migrated: as usual")
                                .isEqualTo(db == created ? graphs : 0);
                    }
                }
            }
        }
    }

    /**
     * A schema the run creates comes without its indexes and keys until the rows are in, as pg_restore's post-data:
     * built once, over the rows. A run that writes nothing still ends with every one of them, and one they refuse
     * fails with its name and leaves no schema behind.
     */
    @Test
    void aNewSchemasIndexesAndKeysComeOnceOverTheRowsAndAlways() throws Exception {
        try (TestDatabase empty = TestDatabase.create(getClass()); TestDatabase kept = TestDatabase.create(getClass());
             TestDatabase duplicate = TestDatabase.create(getClass())) {
            try (DatasetTransaction tx = SeedTargets.postgres(empty.url().withSchema("platform"), Writer.COPY,
                    SchemaVersion.newest()).begin(PLAN)) {
                tx.commit();
            }
            try (DatasetTransaction tx = SeedTargets.postgres(kept.url().withSchema("platform"), Writer.COPY,
                    SchemaVersion.newest(), Indexes.KEPT).begin(PLAN)) {
                tx.commit();
            }
            try (Connection e = empty.connect("platform"); Connection k = kept.connect("platform")) {
                assertThat(Sql.catalog(e)).as("nothing written, everything created").isEqualTo(Sql.catalog(k))
                        .hasSizeGreaterThan(400);
            }
            try (DatasetTransaction tx = SeedTargets.postgres(duplicate.url().withSchema("platform"), Writer.COPY,
                    SchemaVersion.newest()).begin(PLAN)) {
                List<User> users = new Dataset(tx.facts().fit(PLAN)).steps().stream()
                        .filter(step -> step.table() == User.TABLE).findFirst().orElseThrow().rows().get().limit(2)
                        .map(User.class::cast).toList();
                User twin = users.get(1);
                User sameEmail = new User(twin.id(), users.get(0).email(), twin.name(), twin.createdAt(),
                        twin.updatedAt(), twin.metadata(), twin.integrations(), twin.stripeCustomerId(),
                        twin.topUpConfig(), twin.maxEmailsPerDay(), twin.notifyOnAgentRun(),
                        twin.notifyOnBlockExecutionFailed(), twin.notifyOnContinuousAgentError(),
                        twin.notifyOnDailySummary(), twin.notifyOnLowBalance(), twin.notifyOnMonthlySummary(),
                        twin.notifyOnWeeklySummary(), twin.notifyOnZeroBalance(), twin.emailVerified(), twin.timezone(),
                        twin.notifyOnAgentApproved(), twin.notifyOnAgentRejected(), twin.subscriptionTier(),
                        twin.briefingFrequency(), twin.alertsEnabled(), twin.notifyOnStoreVerdict(),
                        twin.lastBriefingAt(), twin.welcomeEmailSentAt(), twin.defaultChatAuthProvider(),
                        twin.defaultChatCredentialId());
                assertThat(tx.write(User.TABLE, Stream.of(users.get(0), sameEmail))).isEqualTo(2);
                assertThat(tx.path(User.TABLE)).isEqualTo("bulk");
                assertThatThrownBy(tx::commit).isInstanceOf(TargetException.class).hasMessage("duplicate key in "
                        + "\"User\": unique index \"User_email_key\" cannot be built over the rows; nothing was "
                        + "written");
            }
            try (Connection c = duplicate.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'platform'")).isZero();
            }
        }
    }

    @Test
    void aMigratedSchemaKeepsEveryObjectOfItsOwn() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "platform");
            try (Connection c = db.connect("platform"); Statement st = c.createStatement()) {
                st.execute("CREATE INDEX active_graphs ON \"AgentGraph\" (\"userId\") WHERE \"isActive\"");
                st.execute("COMMENT ON INDEX active_graphs IS 'the builder lists active graphs'");
                st.execute("COMMENT ON CONSTRAINT \"AgentGraph_userId_fkey\" ON \"AgentGraph\" IS 'owner'");
                st.execute("CREATE TABLE graph_log (graph text, at timestamptz DEFAULT now())");
                st.execute("CREATE FUNCTION log_graph() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN INSERT INTO graph_log (graph) VALUES (NEW.id); RETURN NEW; END $$");
                st.execute("CREATE TRIGGER graph_logged AFTER INSERT ON \"AgentGraph\" FOR EACH ROW "
                        + "EXECUTE FUNCTION log_graph()");
                // A storage parameter the load borrows for a graph index's build: the table's own value stays.
                st.execute("ALTER TABLE \"UnifiedContentEmbedding\" SET (parallel_workers = 1)");
                st.execute("CREATE VIEW user_names AS SELECT id, name FROM \"User\"");
                // Selecting u.email while grouping by u.id relies on "User_pkey": it cannot be dropped meanwhile.
                st.execute("CREATE VIEW graphs_per_user AS SELECT u.id, u.email, count(g.id) AS graphs FROM "
                        + "\"User\" u LEFT JOIN \"AgentGraph\" g ON g.\"userId\" = u.id GROUP BY u.id");
            }
            List<String> before;
            try (Connection c = db.connect("platform")) {
                before = Sql.catalog(c);
            }
            SeedReport report = run(db.url().withSchema("platform"), Writer.COPY, null, Indexes.REBUILT_AFTER_LOAD);
            assertThat(paths(report)).containsEntry("User", "bulk (kept User_pkey)")
                    .containsEntry("AgentGraph", "bulk").containsEntry("UnifiedContentEmbedding", "bulk");
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.catalog(c)).isEqualTo(before);
                assertThat(Sql.count(c, "SELECT count(*) FROM graph_log"))
                        .as("the platform's own trigger fired for every graph")
                        .isEqualTo(Sql.count(c, "SELECT count(*) FROM \"AgentGraph\"")).isPositive();
                assertThat(Sql.count(c, "SELECT sum(graphs) FROM graphs_per_user"))
                        .isEqualTo(Sql.count(c, "SELECT count(*) FROM \"AgentGraph\""));
            }
        }
    }

    @Test
    void aDuplicateKeyFailsTheRunAndLeavesTheSchemaAsItWas() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "public");
            Map<String, Object> before = state(db);
            Dataset.Step<?> graphs = new Dataset(PLAN).steps().stream()
                    .filter(step -> step.table().name().equals("AgentGraph")).findFirst().orElseThrow();
            try (DatasetTransaction tx = SeedTargets.postgres(db.url(), Writer.COPY, null).begin(PLAN)) {
                assertThat(writeTwice(tx, graphs)).isEqualTo(2);
                assertThat(tx.path(graphs.table())).isEqualTo("bulk");
                assertThatThrownBy(tx::commit).isInstanceOf(TargetException.class).hasMessage("duplicate key in "
                        + "\"AgentGraph\": unique index \"AgentGraph_pkey\" cannot be built over the rows; nothing "
                        + "was written");
            }
            assertThat(state(db)).isEqualTo(before);
            // The run writes every table that refers to "User" here, so it loads bare too and fails at commit alike.
            Dataset.Step<?> users = new Dataset(PLAN).steps().get(0);
            try (DatasetTransaction tx = SeedTargets.postgres(db.url(), Writer.COPY, null).begin(PLAN)) {
                assertThat(writeTwice(tx, users)).isEqualTo(2);
                assertThat(tx.path(users.table())).isEqualTo("bulk");
                assertThatThrownBy(tx::commit).isInstanceOf(TargetException.class).hasMessageStartingWith(
                        "duplicate key in \"User\"");
            }
            assertThat(state(db)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aDuplicateKeyFoundWhileTheNextTableLoadsFailsTheRunThereAndLeavesTheSchemaAsItWas(Writer writer)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "public");
            Map<String, Object> before = state(db);
            List<Dataset.Step<?>> steps = new Dataset(PLAN).steps();
            Dataset.Step<?> graphs = steps.stream().filter(step -> step.table().name().equals("AgentGraph"))
                    .findFirst().orElseThrow();
            Dataset.Step<?> nodes = steps.stream().filter(step -> step.table().name().equals("AgentNode"))
                    .findFirst().orElseThrow();
            try (DatasetTransaction tx = SeedTargets.postgres(db.url(), writer, null).begin(PLAN)) {
                // Twice, in two writes: EclipseLink refuses one entity twice in one persistence context.
                assertThat(writeFirst(tx, graphs) + writeFirst(tx, graphs)).isEqualTo(2);
                // "AgentGraph" is full: either writer's thread builds its indexes while the next table's (slow) rows
                // are being made.
                assertThatThrownBy(() -> writeSlowly(tx, nodes)).isInstanceOf(TargetException.class).hasMessage(
                        "duplicate key in \"AgentGraph\": unique index \"AgentGraph_pkey\" cannot be built over the "
                                + "rows; nothing was written");
            }
            assertThat(state(db)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aDanglingKeyFailsTheRunAndLeavesTheSchemaAsItWas(Writer writer) throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "public");
            Map<String, Object> before = state(db);
            try (DatasetTransaction tx = SeedTargets.postgres(db.url(), writer, null).begin(PLAN)) {
                assertThat(tx.write(AgentNode.TABLE, Stream.of(DANGLING))).isEqualTo(1);
                assertThat(tx.path(AgentNode.TABLE)).isEqualTo("bulk");
                assertThatThrownBy(tx::commit).isInstanceOf(TargetException.class).hasMessage("foreign key "
                        + "\"AgentNode_agentBlockId_fkey\" of \"AgentNode\" is violated: a row refers to a missing "
                        + "row of \"AgentBlock\"; nothing was written");
            }
            assertThat(state(db)).isEqualTo(before);
        }
    }

    @Test
    void killingTheProcessWhileIndexesAreRebuiltLeavesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "public");
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                // An index of the platform's that takes a while to build: long enough to be caught building it.
                st.execute("CREATE FUNCTION slow_key(text) RETURNS text IMMUTABLE LANGUAGE plpgsql AS "
                        + "$$ BEGIN PERFORM pg_sleep(0.02); RETURN $1; END $$");
                st.execute("CREATE INDEX slow_graph_key ON \"AgentGraph\" (slow_key(id))");
            }
            Map<String, Object> before = state(db);
            Path log = Files.createTempFile("bulk-kill", ".log");
            Process seeder = CliProcess.start(Map.of(), log, "seed", "--db", db.cliUrl(null), "--seed", "77",
                    "--users", "40", "--now", NOW);
            try (Connection c = db.connect("public")) {
                CliProcess.killDuring(seeder, c, "CREATE INDEX slow_graph_key%");
            } finally {
                Files.deleteIfExists(log);
            }
            assertThat(state(db)).isEqualTo(before);
        }
    }

    @Test
    void aTableHoldingRowsKeepsItsIndexesWhileTheEmptyOnesLoadBare() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "public");
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"User\" (id, email, \"updatedAt\") VALUES ('a-real-user', "
                        + "'someone@example.com', now())");
            }
            List<String> before;
            try (Connection c = db.connect("public")) {
                before = Sql.catalog(c);
            }
            SeedReport first = run(db.url(), Writer.COPY, null, Indexes.REBUILT_AFTER_LOAD);
            assertThat(paths(first)).containsEntry("User", "indexed (held rows)").containsEntry("AgentGraph", "bulk")
                    .containsEntry("AgentNodeExecution", "bulk");
            SeedReport second = new SeedRunner(SeedTargets.postgres(db.url(), Writer.COPY, null), SeedProgress.NONE)
                    .run(SeedPlan.of(12, Instant.parse(NOW), PLAN.scale()), false);
            // Every table the first run filled holds rows now; one it left empty (a small plan may draw no refund
            // request, say) may still load bare.
            first.tables().stream().filter(t -> t.rows() > 0).forEach(t ->
                    assertThat(paths(second).get(t.table())).as(t.table()).isIn("indexed (held rows)", "where missing",
                            "update"));
            try (Connection c = db.connect("public")) {
                assertThat(Sql.catalog(c)).isEqualTo(before);
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(41);
            }
        }
    }

    @Test
    void aRoleThatDoesNotOwnTheTablesKeepsTheirIndexesAndSaysWhy() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            migrated(db, "public");
            String role = "seed_not_owner_" + ProcessHandle.current().pid();
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + role);
                st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'not-owner-pw'");
                for (String schema : List.of("public", "autogpt_seed")) {
                    st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
                    st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
                    st.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
                }
                // Owner of two tables: one whose parent it may refer to loads bare, one whose parents it may not
                // keeps its keys (it could not add them back).
                st.execute("ALTER TABLE \"AnalyticsMetrics\" OWNER TO " + role);
                st.execute("GRANT REFERENCES ON \"User\" TO " + role);
                st.execute("ALTER TABLE \"AgentNodeLink\" OWNER TO " + role);
            }
            List<String> before;
            try (Connection c = db.connect("public")) {
                before = Sql.catalog(c);
            }
            try {
                DatabaseUrl other = new DatabaseUrl(db.url().host(), db.url().port(), db.url().database(), role,
                        "not-owner-pw", null, Map.of());
                String output = seedAs(other, "--users", "5", "--now", NOW);
                assertThat(output).contains("indexed (not owner)")
                        .containsPattern("\\nAnalyticsMetrics .* indexed \\(no CREATE on its schema\\)\\n")
                        .containsPattern("\\nAgentNodeLink .* indexed \\(no CREATE on its schema\\)\\n")
                        .containsPattern("\\nAgentGraph .* indexed \\(not owner\\)\\n")
                        .contains("info: indexes stay in place while loading User, IntegrationWebhook, AgentGraph, "
                                + "AgentNode, AgentPreset")
                        .contains(": only their owner may drop and rebuild them (slower, same rows)")
                        .contains("the store's materialized views were not refreshed: must be owner of materialized "
                                + "view")
                        .doesNotContain("not-owner-pw");
                // With CREATE on the schema: the table whose parent it may refer to loads bare (the reset emptied it),
                // the one whose parents it may not refer to keeps its keys, as it could not add them back.
                try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                    st.execute("GRANT CREATE ON SCHEMA public TO " + role);
                }
                String reseeded = seedAs(other, "--users", "5", "--now", NOW, "--reset");
                assertThat(reseeded).startsWith("reseeded seed 42 (users 0..4 of 5")
                        .containsPattern("\\nAnalyticsMetrics .* bulk\\n")
                        .containsPattern("\\nAgentNodeLink .* indexed \\(may not refer to its parents\\)\\n");
                // Without the right to lock the blocks against writes, a bulk load could wait for another run's
                // blocks while holding its tables: every table keeps its indexes.
                try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                    st.execute("REVOKE UPDATE, DELETE ON \"AgentBlock\" FROM " + role);
                }
                assertThat(seedAs(other, "--users", "5", "--now", NOW, "--reset"))
                        .containsPattern("\\nAnalyticsMetrics .* indexed \\(may not lock AgentBlock\\)\\n");
                try (Connection c = db.connect("public")) {
                    assertThat(Sql.catalog(c)).isEqualTo(before);
                    assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(5);
                }
            } finally {
                db.close();
                TestDatabase.onServer("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** Runs the CLI's seed as {@code role} in a process of its own (its log lines are its stderr); its output. */
    private static String seedAs(DatabaseUrl role, String... args) throws Exception {
        Path log = Files.createTempFile("seed-as", ".log");
        try {
            List<String> all = new java.util.ArrayList<>(List.of("seed", "--db", TestDatabase.cliForm(role)));
            all.addAll(List.of(args));
            Process seeder = CliProcess.start(Map.of(), log, all.toArray(String[]::new));
            assertThat(seeder.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(seeder.exitValue()).as(output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Stand-in for a database the platform just migrated: the schema with all its objects, and no rows. */
    private static void migrated(TestDatabase db, String schema) throws Exception {
        CliRun created = CliRun.of("seed", "--db", db.cliUrl(schema), "--create-schema", "--schema-version",
                "platform-2026-01", "--users", "1", "--seed", "1", "--now", NOW);
        assertThat(created.exitCode()).as(created.all()).isZero();
        try (Connection c = db.connect(schema); Statement st = c.createStatement()) {
            String tables = Sql.strings(c, "SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables "
                    + "WHERE schemaname = current_schema()").get(0);
            st.execute("TRUNCATE " + tables + ", autogpt_seed.runs");
        }
    }

    private static SeedReport run(DatabaseUrl url, Writer writer, SchemaVersion create, Indexes indexes) {
        return new SeedRunner(SeedTargets.postgres(url, writer, create, indexes), SeedProgress.NONE).run(PLAN, false);
    }

    /** Per table label, the path its rows took. */
    private static Map<String, String> paths(SeedReport report) {
        return report.tables().stream().collect(Collectors.toMap(SeedReport.TableReport::table,
                SeedReport.TableReport::path, (a, b) -> a + "; " + b, TreeMap::new));
    }

    /** The schema's objects and every seeded table's rows, for before/after comparisons. */
    private static Map<String, Object> state(TestDatabase db) throws Exception {
        try (Connection c = db.connect("public")) {
            return Map.of("catalog", Sql.catalog(c), "rows", Sql.digests(c),
                    "runs", Sql.count(c, "SELECT count(*) FROM autogpt_seed.runs"));
        }
    }

    /** A few of the step's rows, each made slowly, as a large table's are. */
    private static <R extends Record> long writeSlowly(DatasetTransaction tx, Dataset.Step<R> step) {
        return tx.write(step.table(), step.rows().get().limit(3).peek(row -> {
            try {
                TimeUnit.MILLISECONDS.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private static <R extends Record> long writeFirst(DatasetTransaction tx, Dataset.Step<R> step) {
        return tx.write(step.table(), step.rows().get().limit(1));
    }

    private static <R extends Record> long writeTwice(DatasetTransaction tx, Dataset.Step<R> step) {
        Table<R> table = step.table();
        R first = step.rows().get().findFirst().orElseThrow();
        return tx.write(table, Stream.of(first, first));
    }
}
