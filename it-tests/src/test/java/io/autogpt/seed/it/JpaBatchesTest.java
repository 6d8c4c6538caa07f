package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.SeedTargets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JPA writer's batches run on the server while EclipseLink maps the next rows, so a refused row is known a batch
 * late: it still fails the write of its own table, not the next one, and nothing stays.
 */
class JpaBatchesTest {
    private static final SeedPlan PLAN = SeedPlan.of(3, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(2));

    private static Stream<AgentNode> nodes(int count, String lastId) {
        return IntStream.range(0, count).mapToObj(i -> new AgentNode(i == count - 1 ? lastId : "node-" + i,
                "no-such-block", "no-such-graph", 1, null, Json.EMPTY_OBJECT, Json.EMPTY_OBJECT));
    }

    @Test
    void aRowRefusedInATablesLastBatchFailsThatTablesWrite() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1").exitCode())
                    .isZero();
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                // Checked as each row goes in, unlike keys and indexes, which a bulk load checks before commit.
                st.execute("ALTER TABLE \"AgentNode\" ADD CONSTRAINT \"AgentNode_not_refused\" CHECK (id <> 'refused')");
            }
            try (DatasetTransaction tx = SeedTargets.postgres(db.url(), SeedTargets.Writer.JPA, false).begin(PLAN)) {
                // Three batches of the writer's 1 000 rows, the refused row the last one's last; then another table.
                assertThatThrownBy(() -> {
                    tx.write(AgentNode.TABLE, nodes(2_500, "refused"));
                    tx.write(User.TABLE, new Dataset(tx.facts().fit(PLAN)).rows(User.TABLE));
                }).isInstanceOf(TargetException.class)
                        .hasMessageStartingWith("writing \"AgentNode\" failed")
                        .hasMessageContaining("AgentNode_not_refused");
            }
            try (Connection c = db.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentNode\" WHERE id LIKE 'node-%'")).isZero();
            }
        }
    }
}
