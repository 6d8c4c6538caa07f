package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.autogpt.seed.cli.Cli;
import io.autogpt.seed.it.support.BetterAuthServer;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.StandInGoTrue;
import io.autogpt.seed.it.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tokens --auth-url} (no {@code --mint}) against the platform's real Better Auth server on a database seeded
 * with {@code --auth-users}: every seeded user logs in, the tokens verify against {@code /api/auth/jwks} as the backend
 * verifies them; a wrong password is one line and exit code 4, as on the Supabase path; a URL that is not Better Auth
 * is one line naming the mismatch.
 */
class BetterAuthTokensTest {
    private static final String SCHEMA = "platform";
    private static final String PASSWORD = "seeded-users-pw-ba-tokens";
    private static final int USERS = 20;
    private static final int COUNT = 30;

    @TempDir
    Path dir;

    @Test
    void seededUsersLogInThroughBetterAuthAndTheirTokensVerify() throws Exception {
        try (TestDatabase db = TestDatabase.create(BetterAuthTokensTest.class)) {
            db.installVector();
            String dbUrl = db.cliUrl(SCHEMA);
            CliRun seed = CliRun.with(Map.of("LOADTEST_PASSWORD", PASSWORD), "seed", "--db", dbUrl, "--auth-users",
                    "--create-schema", "--schema-version", "platform-2026-09", "--users", Integer.toString(USERS),
                    "--seed", "23", "--now", Invariants.ANCHOR);
            assertThat(seed.exitCode()).as(seed.all()).isZero();
            Set<String> userIds;
            try (Connection c = db.connect(SCHEMA)) {
                userIds = new HashSet<>(Sql.strings(c, "SELECT id FROM \"User\""));
            }
            assertThat(userIds).hasSize(USERS);

            try (BetterAuthServer server = BetterAuthServer.start(TestDatabase.cliForm(db.url()), SCHEMA)) {
                Path out = dir.resolve("t.js");
                long start = System.nanoTime();
                Run run = run(Map.of("LOADTEST_PASSWORD", PASSWORD), "tokens", "--auth-url", server.url().toString(),
                        "--users-from-db", dbUrl, "--count", Integer.toString(COUNT), "--out", out.toString());
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(run.code()).as(run.all()).isZero();
                System.out.printf("%d login tokens through Better Auth for %d users in %.2f s (%.1f/s)%n", COUNT,
                        USERS, seconds, COUNT / seconds);
                assertThat(run.out()).contains("Better Auth", "first expiry");
                assertThat(run.all()).doesNotContain(PASSWORD);

                List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out);
                assertThat(tokens).hasSize(COUNT);
                assertThat(tokens).extracting(TokenFilesRead.Entry::userId).containsOnlyElementsOf(userIds);
                assertThat(new HashSet<>(tokens.stream().map(TokenFilesRead.Entry::userId).toList())).hasSize(USERS);
                JWKSet jwks = JWKSet.parse(server.get("/api/auth/jwks").body());
                for (TokenFilesRead.Entry e : tokens) {
                    assertThat(BetterAuthServer.verifiesAsTheBackend(e.token(), jwks, userIds)).as(e.user()).isTrue();
                    assertThat(SignedJWT.parse(e.token()).getJWTClaimsSet().getSubject()).isEqualTo(e.userId());
                }
                SignedJWT sample = SignedJWT.parse(tokens.get(0).token());
                long lifetime = sample.getJWTClaimsSet().getExpirationTime().getTime()
                        - sample.getJWTClaimsSet().getIssueTime().getTime();
                assertThat(lifetime).isEqualTo(3600_000L);

                Run wrong = run(Map.of("LOADTEST_PASSWORD", "wrong-password-42"), "tokens", "--auth-url",
                        server.url().toString(), "--users-from-db", dbUrl, "--count", "3", "--concurrency", "1",
                        "--out", dir.resolve("wrong.js").toString());
                assertThat(wrong.code()).as(wrong.all()).isEqualTo(4);
                assertThat(wrong.err().strip()).doesNotContain("\n").startsWith("error: ").contains("HTTP 401");
                assertThat(wrong.all()).doesNotContain("wrong-password-42");
            }
        }
    }

    @Test
    void aUrlThatIsNotBetterAuthIsOneLineNamingTheMismatch() {
        try (StandInGoTrue gotrue = StandInGoTrue.start()) {
            Run run = run(Map.of("LOADTEST_PASSWORD", PASSWORD), "tokens", "--auth-url", gotrue.url().toString(),
                    "--count", "1", "--out", dir.resolve("t.js").toString());
            assertThat(run.code()).as(run.all()).isEqualTo(3);
            assertThat(run.err().strip()).doesNotContain("\n").contains("is Supabase Auth, not Better Auth",
                    "--supabase-url");
        }
    }

    @Test
    void supabaseOptionsBesideAuthUrlAreUsageErrors() {
        for (String[] extra : new String[][] {{"--supabase-url", "http://127.0.0.1:1"}, {"--key-env", "K"}}) {
            Run run = run(Map.of("LOADTEST_PASSWORD", PASSWORD), CliRun.concat(new String[] {"tokens", "--auth-url",
                    "http://127.0.0.1:1", "--out", dir.resolve("t.js").toString()}, extra));
            assertThat(run.code()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("--auth-url logs in through Better Auth", extra[0]);
        }
    }

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The CLI with the real clock: login tokens are checked against now. */
    private static Run run(Map<String, String> env, String... args) {
        CommandLine cmd = Cli.create(env, Clock.systemUTC());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }
}
