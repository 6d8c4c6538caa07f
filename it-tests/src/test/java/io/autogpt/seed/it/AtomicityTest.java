package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedRunner;
import io.autogpt.seed.core.testing.FailingTransaction;
import io.autogpt.seed.it.support.CliProcess;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.SeedTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** One run is one transaction: a failure, or the process being killed, leaves no seeded row. */
class AtomicityTest {
    private static final SeedPlan PLAN = SeedPlan.of(5, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(30));

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
                    Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original().withUsers(2)), false);
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
            Path log = Files.createTempFile("atomicity-kill", ".log");
            Process seeder = CliProcess.start(Map.of(), log, "seed", "--db", db.cliUrl(null), "--seed", "77",
                    "--scale", "10");
            try (Connection c = db.connect("public")) {
                // Killed once it is deep into the executions; the server rolls the transaction back.
                CliProcess.killDuring(seeder, c, "COPY \"AgentNodeExecution\"%");
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\" WHERE email LIKE '%.s77n%'")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraph\"")).isEqualTo(
                        Sql.count(c, "SELECT count(*) FROM \"AgentGraph\" g JOIN \"User\" u ON u.id = g.\"userId\" "
                                + "WHERE u.email LIKE '%.s42n%'"));
                assertThat(Sql.count(c, "SELECT count(*) FROM autogpt_seed.runs WHERE seed = 77")).isZero();
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }
}
