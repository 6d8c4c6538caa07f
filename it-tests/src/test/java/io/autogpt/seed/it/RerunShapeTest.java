package io.autogpt.seed.it;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run records the shape of its rows; a rerun of its users in another shape is refused with what differs and the
 * way out, in the database and when a SQL file is loaded; the same shape is still "already seeded".
 */
class RerunShapeTest {
    private static final String NOW = "2025-05-01T00:00:00Z";
    private static final String[] PLAN = {"--users", "20", "--seed", "42"};

    @Test
    void aRerunInAnotherShapeIsRefusedInOneLineAndTheSameShapeIsAlreadySeeded() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String url = db.cliUrl(null);
            CliRun first = seed(url, "--now", NOW, "--create-schema");
            assertThat(first.exitCode()).as(first.all()).isZero();
            Map<String, String> before = digests(db);

            CliRun more = seed(url, "--now", NOW, "--graphs-per-user", "10");
            assertThat(more.exitCode()).as(more.all()).isEqualTo(3);
            assertThat(more.out()).isEmpty();
            assertThat(more.err()).isEqualTo("error: users [0, 20) of seed 42 were seeded in another shape (--reset "
                    + "reseeds them in this one): graphs-per-user 1..5 → 10\n");

            CliRun later = seed(url, "--now", "2025-07-01T00:00:00Z", "--webhook-share", "0.5");
            assertThat(later.exitCode()).isEqualTo(3);
            assertThat(later.err()).isEqualTo("error: users [0, 20) of seed 42 were seeded in another shape (--reset "
                    + "reseeds them in this one): now 2025-05-01T00:00:00Z → 2025-07-01T00:00:00Z; webhook-share 0.3 "
                    + "→ 0.5\n");
            assertThat(digests(db)).isEqualTo(before);

            CliRun same = seed(url, "--now", NOW);
            assertThat(same.exitCode()).isZero();
            assertThat(same.out()).startsWith("already seeded: seed 42 (users 0..19 of 20, anchor 2025-05-01T00:00Z)");
            // No --now: nobody asked for an anchor, so the one in the database stands (CliRun's clock says June).
            CliRun anyAnchor = seed(url);
            assertThat(anyAnchor.exitCode()).as(anyAnchor.all()).isZero();
            assertThat(anyAnchor.out()).startsWith("already seeded: seed 42 (users 0..19 of 20, anchor "
                    + "2025-06-01T00:00Z)").contains("(written with anchor 2025-05-01T00:00Z)");

            CliRun reset = seed(url, "--now", NOW, "--graphs-per-user", "10", "--reset");
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            try (Connection c = db.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"AgentGraph\"")).isEqualTo(200);
                assertThat(Sql.strings(c, "SELECT shape FROM autogpt_seed.runs")).singleElement().asString()
                        .contains(" graphs-per-user=10 ").startsWith("seed=42 now=2025-05-01T00:00:00Z users=20 ");
            }
            assertThat(seed(url, "--now", NOW, "--graphs-per-user", "10").out()).startsWith("already seeded");
        }
    }

    @Test
    void aLedgerOfAnOlderVersionGainsTheShapeColumnAndItsRunsAreReruns() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String url = db.cliUrl(null);
            assertThat(seed(url, "--now", NOW, "--create-schema").exitCode()).isZero();
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                // The ledger as versions before shapes made it.
                st.execute("ALTER TABLE autogpt_seed.runs DROP COLUMN shape");
            }
            CliRun again = seed(url, "--now", NOW, "--graphs-per-user", "10");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).startsWith("already seeded: seed 42");
            assertThat(again.err()).isEqualTo("info: the earlier run of these users has no recorded shape (an older "
                    + "autogpt-seed wrote it, or its rows have no ledger entry), so its counts, ranges and shares were "
                    + "not compared with this run's; --reset reseeds them in this one\n");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.strings(c, "SELECT coalesce(shape, 'null') FROM autogpt_seed.runs"))
                        .containsExactly("null");
            }
            CliRun reset = seed(url, "--now", NOW, "--graphs-per-user", "10", "--reset");
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            assertThat(seed(url, "--now", NOW).exitCode()).as("now recorded: 10 graphs per user").isEqualTo(3);
        }
    }

    @Test
    void aSqlFileOfAnotherShapeRefusesToLoadNamingWhatDiffers(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            db.installVector();
            assertThat(seed(db.cliUrl(null), "--now", NOW, "--create-schema").exitCode()).isZero();
            Path other = dir.resolve("other.sql");
            assertThat(seed(null, "--now", NOW, "--graphs-per-user", "10", "--out", other.toString()).exitCode())
                    .isZero();
            assertThat(psql(db, other)).contains("ERROR:  users [0, 20) of seed 42 were seeded in another shape: "
                    + "graphs-per-user 1..5 → 10\n");
            Path same = dir.resolve("same.sql");
            assertThat(seed(null, "--now", NOW, "--out", same.toString()).exitCode()).isZero();
            assertThat(psql(db, same))
                    .contains("ERROR:  already seeded: users of seed 42 [0, 20) are in schema public\n");
        }
    }

    private static CliRun seed(String url, String... more) {
        String[] target = url == null ? new String[] {"seed"} : new String[] {"seed", "--db", url};
        return CliRun.of(concat(concat(target, PLAN), more));
    }

    private static Map<String, String> digests(TestDatabase db) throws Exception {
        try (Connection c = db.connect("public")) {
            return Sql.digests(c);
        }
    }

    /** Loads {@code file} as the README says, expecting psql to stop on the file's error; what psql printed. */
    private static String psql(TestDatabase db, Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("psql", "-q", "-X", "-h", db.url().host(), "-p",
                Integer.toString(db.url().port()), "-U", db.url().user() == null ? "postgres" : db.url().user(), "-d",
                db.url().database(), "-f", file.toString())).redirectErrorStream(true);
        if (db.url().password() != null) {
            pb.environment().put("PGPASSWORD", db.url().password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("psql: " + output).isEqualTo(3);
        return output;
    }
}
