package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** A database seeded through the CLI keeps every platform rule, and each rule's check can catch a break. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeededDatabaseTest {
    private static final String SCHEMA = "platform";
    static final List<Invariants.Invariant> INVARIANTS = Invariants.ALL;

    private TestDatabase db;

    @BeforeAll
    void seed() {
        db = TestDatabase.create(getClass());
        CliRun run = CliRun.of("seed", "--db", db.cliUrl(SCHEMA), "--create-schema", "--users", "60", "--blocks",
                "40", "--seed", "42", "--now", Invariants.ANCHOR);
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("seeded seed 42 (users 0..59 of 60").contains("total (with commit)");
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("INVARIANTS")
    void invariantHolds(Invariants.Invariant invariant) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, invariant.check())).as(invariant.name()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("INVARIANTS")
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

    @Test
    void rowCountsFollowTheScaleProfile() throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            Map<String, Long> n = Sql.counts(c);
            assertThat(n.get("User")).isEqualTo(60);
            assertThat(n.get("AgentBlock")).isEqualTo(40);
            assertThat(n.get("Profile")).isEqualTo(60);
            assertThat(n.get("UserBalance")).isEqualTo(60);
            assertThat(n.get("APIKey")).isEqualTo(60);
            assertThat(n.get("AnalyticsDetails")).isEqualTo(60);
            assertThat(n.get("CreditTransaction")).isEqualTo(60);
            assertThat(n.get("AgentGraph")).isBetween(60L, 300L);
            assertThat(n.get("StoreListing")).isEqualTo(n.get("AgentGraph"));
            assertThat(n.get("StoreListingVersion")).isEqualTo(n.get("AgentGraph"));
            assertThat(n.get("AgentNode")).isBetween(2 * n.get("AgentGraph"), 5 * n.get("AgentGraph"));
            assertThat(n.get("AgentNodeLink")).isEqualTo(n.get("AgentNode") - n.get("AgentGraph"));
            assertThat(n.get("AgentGraphExecution")).isBetween(n.get("AgentGraph"), 20 * n.get("AgentGraph"));
            assertThat(n.get("UserOnboarding")).isBetween(25L, 55L);
            assertThat(Sql.count(c, "SELECT count(DISTINCT \"userId\") FROM \"IntegrationWebhook\"")).isBetween(5L, 35L);
            assertThat(Sql.count(c, "SELECT max(c) FROM (SELECT count(*) c FROM \"LibraryAgent\" GROUP BY \"userId\") x"))
                    .isBetween(2L, 10L);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"StoreListing\" WHERE \"hasApprovedVersion\"")).isPositive();
        }
    }
}
