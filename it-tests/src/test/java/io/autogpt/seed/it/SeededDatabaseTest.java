package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Reference;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.search.StoreEmbeddings;
import io.autogpt.seed.jpa.SchemaVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database seeded through the CLI keeps every platform rule, and each rule's check can catch a break: once per
 * known schema version, each created by {@code --create-schema --schema-version} (the rules that read tables a
 * version lacks run where it has them).
 */
class SeededDatabaseTest {
    @Nested
    class Original extends SeededVersion {
        @Override
        String version() {
            return "original";
        }
    }

    @Nested
    class Platform202601 extends SeededVersion {
        @Override
        String version() {
            return "platform-2026-01";
        }
    }

    @Nested
    class PlatformUpstream2026 extends SeededVersion {
        @Override
        String version() {
            return "platform-upstream-2026";
        }
    }

    @Nested
    class Platform202609 extends SeededVersion {
        @Override
        String version() {
            return "platform-2026-09";
        }
    }

    /** Today's platform as its migrations leave it (not made by the seeder): the same rules hold. */
    @Nested
    class Platform202609Migrated extends SeededVersion {
        @Override
        String version() {
            return "platform-2026-09";
        }

        @Override
        boolean migrated() {
            return true;
        }
    }
}

/** The suite for one version; {@link SeededDatabaseTest} runs it for each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeededVersion {
    private static final String SCHEMA = "platform";

    private TestDatabase db;
    private boolean realVector;

    /** The schema version this run creates and seeds. */
    abstract String version();

    /** Whether the schema is laid out as the platform's migrations leave it first, instead of by the seeder. */
    boolean migrated() {
        return false;
    }

    /** The rules whose tables this version has. */
    List<Invariants.Invariant> invariants() {
        Set<String> tables = Reference.rows(version(), "columns.csv").stream().map(r -> r.get("table_name"))
                .collect(Collectors.toSet());
        PlatformRules rules = SchemaVersion.byId(version()).orElseThrow().rules();
        return Invariants.ALL.stream().filter(i -> i.appliesTo(tables, rules)).toList();
    }

    @BeforeAll
    void seed() {
        db = TestDatabase.create(getClass());
        realVector = db.installVector();
        if (migrated()) {
            db.migrate(version(), SCHEMA);
        }
        // Higher shares than the defaults, so 60 users have refunds, OAuth apps and reviewed runs to check.
        // With the platform's key, so the tables it encrypts hold rows the invariants check.
        CliRun run = CliRun.with(java.util.Map.of("ENCRYPTION_KEY", Invariants.ENCRYPTION_KEY),
                CliRun.concat(migrated() ? new String[] {"seed"} : new String[] {"seed",
                "--create-schema", "--schema-version", version()}, "--db", db.cliUrl(SCHEMA), "--users", "60",
                "--seed", "42", "--now", Invariants.ANCHOR, "--refund-share", "0.5", "--oauth-app-share", "0.3",
                "--reviewed-run-share", "0.2"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("seeded seed 42 (users 0..59 of 60").contains("total (with commit)")
                .contains("schema version");
        assertThat(run.out().lines().findFirst().orElseThrow()).contains(version());
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invariants")
    void invariantHolds(Invariants.Invariant invariant) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, invariant.check())).as(invariant.name()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invariants")
    void invariantCheckCatchesABreak(Invariants.Invariant invariant) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                assertThat(st.executeUpdate(invariant.breaker())).as("breaker changed a row").isPositive();
                assertThat(Sql.count(c, invariant.check())).as(invariant.name()).isPositive();
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * The README's promise, with pgvector's own distance: the listings nearest to a search for a category's words
     * ({@code ORDER BY embedding <=> query}) are that category's, as many as it has.
     */
    @Test
    void aSearchForACategoryFindsItsListingsFirstByPgvectorsDistance() throws Exception {
        Assumptions.assumeTrue(Reference.rows(version(), "columns.csv").stream()
                .anyMatch(r -> r.get("type").equals("vector")), version() + " has no embeddings");
        Assumptions.assumeTrue(realVector, "pgvector's stand-in computes no distances (see the line 'pgvector: …')");
        try (Connection c = db.connect(SCHEMA); Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + SCHEMA + ", extensions");
            List<String> categories = Sql.strings(c, "SELECT DISTINCT unnest(v.categories) FROM "
                    + "\"UnifiedContentEmbedding\" e JOIN \"StoreListingVersion\" v ON v.id = e.\"contentId\" ORDER BY 1");
            assertThat(categories).hasSizeGreaterThan(5);
            for (String category : categories) {
                String query = StoreEmbeddings.seeded().query("best " + category + " agents").text();
                try (PreparedStatement ps = c.prepareStatement("WITH ranked AS (SELECT v.categories, row_number() "
                        + "OVER (ORDER BY e.embedding <=> ?::vector) AS rank FROM \"UnifiedContentEmbedding\" e JOIN "
                        + "\"StoreListingVersion\" v ON v.id = e.\"contentId\") SELECT count(*) FILTER (WHERE ? = "
                        + "ANY (categories)), count(*) FILTER (WHERE ? = ANY (categories) AND rank <= (SELECT count(*) "
                        + "FROM ranked WHERE ? = ANY (categories))) FROM ranked")) {
                    ps.setString(1, query);
                    for (int i = 2; i <= 4; i++) {
                        ps.setString(i, category);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(2)).as("listings of '%s' among its %d nearest", category,
                                rs.getLong(1)).isEqualTo(rs.getLong(1)).isPositive();
                    }
                }
            }
        }
    }

    @Test
    void rowCountsFollowTheScaleProfile() throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            Map<String, Long> n = Sql.counts(c);
            assertThat(n.get("User")).isEqualTo(60);
            assertThat(n.get("AgentBlock")).isEqualTo((long) io.autogpt.seed.core.block.BlockCatalogue.platform().size());
            assertThat(n.get("Profile")).isEqualTo(60);
            assertThat(n.get("UserBalance")).isEqualTo(60);
            assertThat(n.get("APIKey")).isEqualTo(60);
            assertThat(n.get("AnalyticsDetails")).isEqualTo(60);
            assertThat(n.get("CreditTransaction")).isEqualTo(60);
            assertThat(n.get("AgentGraph")).isBetween(60L, 300L);
            assertThat(n.get("StoreListing")).isEqualTo(n.get("AgentGraph"));
            assertThat(Sql.count(c, "SELECT count(DISTINCT \"agentGraphId\") FROM \"StoreListing\""))
                    .as("one listing per graph, as the newest schema requires").isEqualTo(n.get("StoreListing"));
            assertThat(Sql.count(c, "SELECT count(DISTINCT \"userId\") FROM \"Profile\""))
                    .as("a profile per user, with its user").isEqualTo(60);
            if (n.containsKey("LibraryFolder")) {
                assertThat(n.get("LibraryFolder")).isBetween(60L, 240L);
                assertThat(n.get("UserWorkspace")).isEqualTo(60);
                assertThat(n.get("UserWorkspaceFile")).isBetween(60L, 360L);
                assertThat(Sql.count(c, "SELECT count(*) FROM \"LibraryFolder\" WHERE \"parentId\" IS NOT NULL"))
                        .as("some folders nest").isPositive();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"LibraryAgent\" WHERE \"folderId\" IS NOT NULL"))
                        .as("some entries are filed").isPositive();
            }
            assertThat(n.get("StoreListingVersion")).isEqualTo(n.get("AgentGraph"));
            assertThat(n.get("AgentNode")).isBetween(2 * n.get("AgentGraph"), 5 * n.get("AgentGraph"));
            // Every node is linked into its graph: at least one link per node but the first.
            assertThat(n.get("AgentNodeLink")).isBetween(n.get("AgentNode") - n.get("AgentGraph"), 2 * n.get("AgentNode"));
            assertThat(n.get("AgentGraphExecution")).isBetween(n.get("AgentGraph"), 20 * n.get("AgentGraph"));
            assertThat(n.get("UserOnboarding")).isBetween(25L, 55L);
            assertThat(Sql.count(c, "SELECT count(DISTINCT \"userId\") FROM \"IntegrationWebhook\"")).isBetween(5L, 35L);
            assertThat(Sql.count(c, "SELECT max(c) FROM (SELECT count(*) c FROM \"LibraryAgent\" GROUP BY \"userId\") x"))
                    .isBetween(2L, 10L);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListing\" WHERE \"hasApprovedVersion\"")).isPositive();
        }
    }
}
