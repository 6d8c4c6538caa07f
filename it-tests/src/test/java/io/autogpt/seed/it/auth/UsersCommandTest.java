package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.StandInGoTrue;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users} creates test users in Supabase Auth and the platform; tokens then work for them. */
class UsersCommandTest {
    @TempDir
    Path dir;

    private static Map<String, String> env(StandInGoTrue server, String key) {
        Map<String, String> env = new HashMap<>(TokensCommandTest.env(server));
        env.put("SUPABASE_SERVICE_KEY", key);
        return env;
    }

    @Test
    void aCreationWhoseAnswerWasLostIsLookedUpNotSentAgain() {
        // A third of the creations create the user and drop the connection: sending them again would be blind.
        try (StandInGoTrue server = StandInGoTrue.start().withLostCreateAnswers(0.3)) {
            Map<String, String> env = env(server, StandInGoTrue.SERVICE_KEY);
            CliRun run = CliRun.with(env, "users", "--range", "1..20");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).isEqualTo("auth users      20 (20 created, 0 existed)\n");
            assertThat(server.userIds()).hasSize(20);
            assertThat(server.createRequests()).as("one creation per user, none repeated").isEqualTo(20);
        }
    }

    @Test
    void createsUsersOnceAndTheirPlatformRowsWithTheSameIds() throws Exception {
        try (StandInGoTrue server = StandInGoTrue.start(); TestDatabase db = TestDatabase.create(getClass())) {
            Map<String, String> env = env(server, StandInGoTrue.SERVICE_KEY);
            CliRun first = CliRun.with(env, "users", "--range", "1..5");
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.out()).isEqualTo("auth users      5 (5 created, 0 existed)\n");
            assertThat(server.userIds()).hasSize(5);

            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1").exitCode())
                    .isZero();
            CliRun withDb = CliRun.with(env, "users", "--range", "1..5", "--db", db.cliUrl(null));
            assertThat(withDb.exitCode()).as(withDb.all()).isZero();
            assertThat(withDb.out()).startsWith("auth users      5 (0 created, 5 existed)\n"
                    + "\"User\" rows     5 created, 0 existed, in postgresql://");
            try (Connection c = db.connect("public"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT email, id FROM \"User\" WHERE email LIKE 'loadtest%'")) {
                Map<String, String> rows = new HashMap<>();
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
                assertThat(rows).isEqualTo(server.userIds());
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(6);
            }
            CliRun again = CliRun.with(env, "users", "--range", "1..5", "--db", db.cliUrl(null));
            assertThat(again.out()).contains("\"User\" rows     0 created, 5 existed");

            CliRun tokens = CliRun.with(env, "tokens", "--range", "1..5", "--count", "10", "--out",
                    dir.resolve("t.js").toString());
            assertThat(tokens.exitCode()).as(tokens.all()).isZero();
            assertThat(TokenFilesRead.data(dir.resolve("t.js"))).hasSize(10).allMatch(TokenFilesRead::validFromStandIn);
            assertThat(first.all() + withDb.all() + tokens.all()).doesNotContain(StandInGoTrue.SERVICE_KEY,
                    StandInGoTrue.PASSWORD, db.url().password() == null ? "\u0000" : db.url().password());
        }
    }

    @Test
    void theAnonKeyCannotCreateUsers() {
        try (StandInGoTrue server = StandInGoTrue.start()) {
            CliRun run = CliRun.with(env(server, StandInGoTrue.ANON_KEY), "users", "--range", "1..2");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("error: Supabase Auth at " + server.url() + " refused the admin API to "
                    + "the key in $SUPABASE_SERVICE_KEY (HTTP 403 not_admin: User not allowed): creating users needs "
                    + "the service_role key\n");
            assertThat(server.userIds()).isEmpty();
        }
    }

    @Test
    void mintsForTheUsersOfASeededDatabase() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "5").exitCode())
                    .isZero();
            String secret = "a-project-jwt-secret-of-forty-characters";
            Path out = dir.resolve("t.js");
            CliRun run = CliRun.with(Map.of("SUPABASE_JWT_SECRET", secret), "tokens", "--mint", "--count", "12",
                    "--users-from-db", db.cliUrl(null), "--out", out.toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out);
            Map<String, String> ids = new HashMap<>();
            try (Connection c = db.connect("public"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT email, id FROM \"User\"")) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(tokens).hasSize(12).allMatch(t -> t.userId().equals(ids.get(t.user())))
                    .allMatch(t -> TokenFilesRead.validFor(t.token(), t.userId(), secret));
            assertThat(tokens.stream().map(TokenFilesRead.Entry::user).distinct()).hasSize(5);
        }
    }
}
