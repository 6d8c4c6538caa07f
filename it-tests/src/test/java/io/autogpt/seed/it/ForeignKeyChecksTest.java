package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.DatabaseUrl;
import io.autogpt.seed.jpa.SeedTargets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys hold whichever way they are checked: set-based before commit when the role may defer the per-row
 * checks (a superuser), per row otherwise.
 */
class ForeignKeyChecksTest {
    private static final SeedPlan PLAN = SeedPlan.of(3, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(2));
    private static final AgentNode DANGLING = new AgentNode("dangling-node", "no-such-block", "no-such-graph", 1,
            null, Json.EMPTY_OBJECT, Json.EMPTY_OBJECT);

    @Test
    void aDanglingKeyFailsTheRunWhenChecksAreDeferred() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1").exitCode())
                    .isZero();
            try (DatasetTransaction tx = SeedTargets.postgres(db.url(), SeedTargets.Writer.COPY, false).begin(PLAN)) {
                assertThat(tx.write(AgentNode.TABLE, Stream.of(DANGLING))).isEqualTo(1);
                assertThatThrownBy(tx::commit).isInstanceOf(TargetException.class)
                        .hasMessage("foreign key \"AgentNode_agentBlockId_fkey\" of \"AgentNode\" is violated by 1 row(s);"
                                + " nothing was written");
            }
            try (Connection c = db.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentNode\" WHERE id = 'dangling-node'")).isZero();
            }
        }
    }

    @Test
    void aRoleThatCannotDeferChecksSeedsWithPerRowChecks() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String role = "seed_plain_" + ProcessHandle.current().pid();
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + role);
                st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'plain-pw'");
                st.execute("ALTER DATABASE " + db.url().database() + " OWNER TO " + role);
                st.execute("ALTER SCHEMA public OWNER TO " + role);
                st.execute("GRANT CREATE ON DATABASE " + db.url().database() + " TO " + role);
            }
            try {
                DatabaseUrl plain = new DatabaseUrl(db.url().host(), db.url().port(), db.url().database(), role,
                        "plain-pw", null, java.util.Map.of());
                CliRun run = CliRun.of("seed", "--db", TestDatabase.cliForm(plain), "--create-schema", "--users", "15", "--now",
                        "2025-06-01T00:00:00Z");
                assertThat(run.exitCode()).as(run.all()).isZero();
                try (DatasetTransaction tx = SeedTargets.postgres(plain, SeedTargets.Writer.COPY, false).begin(PLAN)) {
                    // The COPY may still be sending the row when write returns: the refusal comes by commit.
                    assertThatThrownBy(() -> {
                        tx.write(AgentNode.TABLE, Stream.of(DANGLING));
                        tx.commit();
                    }).isInstanceOf(TargetException.class)
                            .hasMessageStartingWith("writing \"AgentNode\" failed")
                            .hasMessageContaining("violates foreign key constraint");
                }
                try (Connection c = db.connect("public")) {
                    assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(15);
                }
            } finally {
                db.close();
                TestDatabase.onServer("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
