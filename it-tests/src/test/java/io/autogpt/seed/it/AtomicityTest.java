package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedRunner;
import io.autogpt.seed.core.testing.FailingTransaction;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.SeedTargets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** One run is one transaction: a failure, or the process being killed, leaves no seeded row. */
class AtomicityTest {
    private static final SeedPlan PLAN = SeedPlan.of(5, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(30).withBlocks(10));

    @ParameterizedTest
    @EnumSource(SeedTargets.Writer.class)
    void aFailureMidTableLeavesNoRows(SeedTargets.Writer writer) throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            WriteDatasetPort real = SeedTargets.postgres(db.url(), writer, true);
            WriteDatasetPort failing = plan -> new FailingTransaction("AgentNodeExecution", 500, "generator failed on purpose", real.begin(plan));
            assertThatThrownBy(() -> new SeedRunner(failing, SeedProgress.NONE).run(PLAN, false))
                    .hasMessage("generator failed on purpose");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'User'"))
                        .as("the DDL of --create-schema rolled back too").isZero();
            }
            // With the tables in place (and another seed's rows in them), a failing run changes nothing.
            new SeedRunner(SeedTargets.postgres(db.url(), writer, true), SeedProgress.NONE).run(SeedPlan.of(999,
                    Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original().withUsers(2).withBlocks(2)), false);
            java.util.Map<String, String> before;
            try (Connection c = db.connect("public")) {
                before = Sql.digests(c);
            }
            assertThatThrownBy(() -> new SeedRunner(plan -> new FailingTransaction("AgentNodeExecution", 500,
                    "generator failed on purpose", SeedTargets.postgres(db.url(), writer, false).begin(plan)), SeedProgress.NONE).run(PLAN, false))
                    .hasMessage("generator failed on purpose");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.digests(c)).isEqualTo(before);
                assertThat(Sql.count(c, "SELECT count(*) FROM autogpt_seed.runs WHERE seed = 5")).isZero();
            }
        }
    }

    @Test
    void killingTheProcessMidRunLeavesNoRows() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1").exitCode())
                    .isZero();
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), "io.autogpt.seed.cli.Main", "seed", "--db",
                    db.cliUrl(null), "--seed", "77", "--scale", "10"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (Connection c = db.connect("public")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                // Kill it once it is deep into the executions.
                while (Sql.count(c, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY \"AgentNodeExecution\"%'") == 0) {
                    assertThat(p.isAlive()).as("seeding ended before it could be killed").isTrue();
                    assertThat(System.nanoTime()).as("COPY of AgentNodeExecution never started").isLessThan(deadline);
                    Thread.sleep(50);
                }
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // The server notices the dead client and rolls its transaction back.
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (Sql.count(c, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'autogpt-seed' "
                        + "AND datname = current_database() AND pid <> pg_backend_pid()") > 0) {
                    assertThat(System.nanoTime()).as("the server kept the dead run's session").isLessThan(until);
                    Thread.sleep(100);
                }
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\" WHERE email LIKE '%.s77n%'")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraph\"")).isEqualTo(
                        Sql.count(c, "SELECT count(*) FROM \"AgentGraph\" g JOIN \"User\" u ON u.id = g.\"userId\" "
                                + "WHERE u.email LIKE '%.s42n%'"));
                assertThat(Sql.count(c, "SELECT count(*) FROM autogpt_seed.runs WHERE seed = 77")).isZero();
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
