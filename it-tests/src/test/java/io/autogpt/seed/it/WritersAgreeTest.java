package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COPY writer, the JPA writer and the SQL file (loaded by psql) leave identical database contents. */
class WritersAgreeTest {
    private static final String[] PLAN = {"--users", "25", "--blocks", "15", "--seed", "1234", "--now",
            "2025-06-01T00:00:00Z"};

    @Test
    void copyJpaAndSqlFileLeaveIdenticalContents(@TempDir Path dir) throws Exception {
        try (TestDatabase copy = TestDatabase.create(getClass());
             TestDatabase jpa = TestDatabase.create(getClass());
             TestDatabase file = TestDatabase.create(getClass())) {
            seed(copy.cliUrl("platform"), "--writer", "copy");
            seed(jpa.cliUrl("platform"), "--writer", "jpa");
            Path sql = dir.resolve("seed.sql");
            CliRun written = CliRun.of(concat(new String[] {"seed", "--out", sql.toString(), "--schema", "platform",
                    "--create-schema"}, PLAN));
            assertThat(written.exitCode()).as(written.all()).isZero();
            assertThat(Files.list(dir)).containsExactly(sql);
            psql(file, sql);

            Map<String, String> expected = digests(copy);
            assertThat(expected.get("User")).isNotEqualTo(digests(jpa).get("AgentGraph"));
            assertThat(digests(jpa)).isEqualTo(expected);
            assertThat(digests(file)).isEqualTo(expected);
            try (Connection c = copy.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(25);
            }
        }
    }

    private static void seed(String url, String... writer) {
        CliRun run = CliRun.of(concat(concat(new String[] {"seed", "--db", url, "--create-schema"}, writer), PLAN));
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    private static Map<String, String> digests(TestDatabase db) throws Exception {
        try (Connection c = db.connect("platform")) {
            return Sql.digests(c);
        }
    }

    static void psql(TestDatabase db, Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("psql", "-q", "-X", "-h", db.url().host(), "-p",
                Integer.toString(db.url().port()), "-U", db.url().user() == null ? "postgres" : db.url().user(),
                "-d", db.url().database(), "-f", file.toString()).redirectErrorStream(true);
        if (db.url().password() != null) {
            pb.environment().put("PGPASSWORD", db.url().password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("psql: " + output).isZero();
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
