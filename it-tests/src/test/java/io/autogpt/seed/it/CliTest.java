package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line and a non-zero exit, never a stack trace and never a password. */
class CliTest {
    private static final String SECRET = "s3cret-Pa55";

    private static void assertOneLine(CliRun run, int code, String message) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + message + "\n");
    }

    @Test
    void theTopLevelHelpShowsEachCommandsSummaryWhole() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  seed     Fills a platform database with realistic data.\n",
                "  advance  Makes days pass on a seeded database.\n",
                "  tokens   Makes the pre-authenticated tokens k6 tests import.\n",
                "  users    Creates test users in Supabase Auth.\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertOneLine(CliRun.of("seed", "--bogus"), 2, "Unknown option: '--bogus' (see 'autogpt-seed seed --help')");
    }

    @Test
    void unknownOptionCarryingAUrlDoesNotEchoItsPassword() {
        CliRun run = CliRun.of("seed", "--dbb=postgresql://me:" + SECRET + "@localhost/db");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.all()).doesNotContain(SECRET).contains("postgresql://me:***@localhost:5432/db");
    }

    /** Passwords whose halves are distinctive, joined by characters that mean something in a URL. */
    static java.util.stream.Stream<String> awkwardPasswords() {
        return java.util.stream.Stream.of("/", "#", "?", "@", "%", " ", "@/#?% ").map(c -> "Pq7Z" + c + "Wx9K");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "password with \"{0}\"")
    @org.junit.jupiter.params.provider.MethodSource("awkwardPasswords")
    void noErrorPathPrintsAPasswordHoweverItIsWritten(String password) {
        List<CliRun> runs = List.of(
                CliRun.of("seed", "--db", "postgresql://app:" + password + "@127.0.0.1:1/x"),
                CliRun.of("seed", "--db", "postgresql://app:" + password + "@127.0.0.1:1"),
                CliRun.of("seed", "--db", "jdbc:postgresql://127.0.0.1:1/x?user=app&password=" + password),
                CliRun.with(Map.of("DATABASE_URL", "postgresql://app:" + password + "@127.0.0.1:1/x"), "seed"),
                CliRun.of("seed", "--dbb=postgresql://app:" + password + "@127.0.0.1:1/x"),
                CliRun.of("tokens", "--users-from-db", "postgresql://app:" + password + "@127.0.0.1:1/x", "--mint"),
                CliRun.of("seed", "--scale", "postgresql://app:" + password + "@127.0.0.1:1/x"));
        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.all()).isIn(2, 3);
            assertThat(run.err().lines()).as(run.all()).hasSize(1);
            assertThat(run.all()).doesNotContain("Pq7Z").doesNotContain("Wx9K");
        }
    }

    @Test
    void negativeAndAbsurdCountsAreRefused() {
        assertOneLine(CliRun.of("seed", "--users", "-5"), 2, "users must be between 1 and 50000000, got -5");
        assertOneLine(CliRun.of("seed", "--scale", "1e12"), 2, "scale must be > 0 and <= 100000, got 1.0E12");
        assertOneLine(CliRun.of("seed", "--nodes-per-graph", "0..3"), 2, "nodes per graph must lie within 1..1000, got 0..3");
        assertOneLine(CliRun.of("seed", "--seed", "-1"), 2, "--seed must be 0 or more, got -1");
        assertOneLine(CliRun.of("seed", "--now", "yesterday"), 2,
                "--now must be an ISO-8601 instant like 2025-06-01T12:00:00Z, got 'yesterday'");
        assertOneLine(CliRun.of("seed", "--users", "many"), 2,
                "Invalid value for option '--users': 'many' is not a long (see 'autogpt-seed seed --help')");
    }

    @Test
    void unreachableDatabaseIsOneLineWithoutThePassword() {
        CliRun run = CliRun.of("seed", "--db", "postgresql://postgres:" + SECRET + "@127.0.0.1:1/postgres");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: cannot reach PostgreSQL at 127.0.0.1:1 (").doesNotContain(SECRET);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void wrongPasswordIsOneLineWithoutThePassword() {
        DatabaseUrl probe = TestDatabase.asPasswordRole(SECRET);
        CliRun run = CliRun.of("seed", "--db", TestDatabase.cliForm(probe));
        assertOneLine(run, 3, "PostgreSQL at " + probe.host() + ":" + probe.port() + " refused the credentials of "
                + "user '" + TestDatabase.PASSWORD_ROLE + "' (wrong password, or no such user)");
    }

    @Test
    void urlWithoutADatabaseOrForAMissingOneIsRefused() throws Exception {
        assertOneLine(CliRun.of("seed", "--db", "postgresql://postgres:" + SECRET + "@localhost:5432"), 2,
                "database URL names no database, e.g. postgresql://user@localhost:5432/postgres — got "
                        + "postgresql://***@localhost:5432");
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String missing = db.cliUrl(null).replace(db.url().database(), "no_such_db_here");
            CliRun run = CliRun.of("seed", "--db", missing);
            assertOneLine(run, 3, "database 'no_such_db_here' does not exist on " + db.url().host() + ":"
                    + db.url().port());
        }
    }

    @Test
    void aMalformedEncryptionKeyIsRefusedWithoutShowingIt(@TempDir Path dir) throws Exception {
        String key = "not-a-fernet-key-" + SECRET;
        CliRun run = CliRun.with(java.util.Map.of("ENCRYPTION_KEY", key), "seed", "--out",
                dir.resolve("x.sql").toString(), "--users", "10");
        assertOneLine(run, 2, "ENCRYPTION_KEY is not the platform's Fernet key: a Fernet key is 32 bytes of URL-safe "
                + "base64, got 21 bytes");
        assertThat(run.all()).doesNotContain(SECRET);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutAnEncryptionKeyTodaysEncryptedTablesAreSaidToStayEmpty(@TempDir Path dir) throws Exception {
        String file = dir.resolve("x.sql").toString();
        CliRun without = CliRun.of("seed", "--out", file, "--schema-version", "platform-2026-09", "--users", "10");
        assertThat(without.exitCode()).as(without.all()).isZero();
        assertThat(without.err().lines().filter(l -> l.contains("ENCRYPTION_KEY"))).containsExactly("info: "
                + "ENCRYPTION_KEY is not set, so \"IntegrationCredential\" and \"BotInstall\" stay empty: the "
                + "platform encrypts their values with its key");
        String key = io.autogpt.seed.it.support.Invariants.ENCRYPTION_KEY;
        CliRun with = CliRun.with(java.util.Map.of("ENCRYPTION_KEY", key), "seed", "--out",
                dir.resolve("y.sql").toString(), "--schema-version", "platform-2026-09", "--users", "10");
        assertThat(with.exitCode()).as(with.all()).isZero();
        assertThat(with.all()).doesNotContain("ENCRYPTION_KEY").doesNotContain(key.substring(0, 12));
        // Fernet tokens (version byte 0x80, then the time's high zero bytes) in the credentials, the key nowhere.
        assertThat(Files.readString(dir.resolve("y.sql"))).contains("\tgAAAAA").doesNotContain(key.substring(0, 12));
        assertThat(Files.readString(dir.resolve("x.sql"))).doesNotContain("\tgAAAAA");
    }

    @Test
    void databaseOptionsCannotBeCombinedWithOut(@TempDir Path dir) throws Exception {
        String file = dir.resolve("x.sql").toString();
        assertOneLine(CliRun.of("seed", "--out", file, "--reset"), 2,
                "--reset needs a database: it cannot be combined with --out");
        assertOneLine(CliRun.of("seed", "--out", file, "--writer", "jpa"), 2,
                "--writer needs a database: it cannot be combined with --out");
        assertOneLine(CliRun.of("seed", "--out", file, "--db", "postgresql://localhost/x"), 2,
                "--db needs a database: it cannot be combined with --out");
        assertOneLine(CliRun.of("seed", "--writer", "mongo"), 2, "Invalid value for option '--writer': expected one "
                + "of [COPY, JPA] (case-insensitive) but was 'mongo' (see 'autogpt-seed seed --help')");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void databaseUrlComesFromTheEnvironmentByDefault() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            CliRun run = CliRun.with(Map.of("DATABASE_URL", db.cliUrl("platform")), "seed", "--create-schema",
                    "--users", "4");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("anchor 2025-06-01T00:00Z").contains("(schema platform, COPY)");
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(4);
            }
        }
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.of("seed", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--db=URL", "--writer=copy|jpa", "--create-schema", "--reset", "--out=FILE",
                "--executions-per-graph=RANGE");
    }
}
