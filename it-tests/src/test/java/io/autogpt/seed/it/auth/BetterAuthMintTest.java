package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.autogpt.seed.cli.Cli;
import io.autogpt.seed.it.support.BetterAuthServer;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * {@code tokens --mint --auth-url} against the platform's real Better Auth server ({@code ../shared/better-auth/}) on
 * a seeded today's-schema database: every minted token verifies against the server's {@code /api/auth/jwks} as the
 * backend verifies it (ES256, audience {@code authenticated}, {@code sub} a seeded {@code "User"}, not expired); the
 * server keeps signing with its own key; {@code --revoke-key} removes the key row and the tokens stop verifying.
 */
class BetterAuthMintTest {
    private static final String SCHEMA = "platform";
    private static final int COUNT = 10_000;

    @TempDir
    Path dir;

    @Test
    void mintedTokensVerifyAgainstTheServersJwksUntilTheKeyIsRevoked() throws Exception {
        try (TestDatabase db = TestDatabase.create(BetterAuthMintTest.class)) {
            String dbUrl = db.cliUrl(SCHEMA);
            CliRun seed = CliRun.of("seed", "--db", dbUrl, "--create-schema", "--schema-version", "platform-2026-09",
                    "--users", "200", "--seed", "22", "--now", Invariants.ANCHOR);
            assertThat(seed.exitCode()).as(seed.all()).isZero();
            Set<String> userIds;
            try (Connection c = db.connect(SCHEMA)) {
                userIds = new HashSet<>(Sql.strings(c, "SELECT id FROM \"User\""));
            }
            assertThat(userIds).hasSize(200);

            try (BetterAuthServer server = BetterAuthServer.start(TestDatabase.cliForm(db.url()), SCHEMA)) {
                // The server's own key: /jwks creates it when the table is empty.
                JWKSet before = jwks(server);
                assertThat(before.getKeys()).hasSize(1);
                String serverKid = before.getKeys().get(0).getKeyID();

                Path out = dir.resolve("configs/pre-authenticated-tokens.js");
                long start = System.nanoTime();
                Run mint = run("tokens", "--mint", "--auth-url", server.url().toString(), "--db", dbUrl,
                        "--users-from-db", dbUrl, "--count", Integer.toString(COUNT), "--expires-in", "8h",
                        "--out", out.toString());
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(mint.code()).as(mint.all()).isZero();
                System.out.printf("minted %,d ES256 tokens for %,d users in %.2f s (whole command, JVM warm-up "
                        + "included)%n", COUNT, userIds.size(), seconds);

                Path keyFile = dir.resolve("configs/pre-authenticated-tokens.mint-key.jwk");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
                ECKey privateKey = JWK.parse(Files.readString(keyFile)).toECKey();
                assertThat(privateKey.isPrivate()).isTrue();
                assertThat(mint.all()).as("the private key is never printed")
                        .doesNotContain(privateKey.getD().toString(), "eyJ");
                String kid = privateKey.getKeyID();

                List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out);
                assertThat(tokens).hasSize(COUNT);
                JWKSet after = jwks(server);
                try (Connection c = db.connect(SCHEMA)) {
                    assertThat(after.getKeys()).extracting(JWK::getKeyID).as(mint.err() + Sql.strings(c,
                            "SELECT id || ' ' || \"createdAt\" FROM \"UserAuthJwks\"")).containsExactlyInAnyOrder(serverKid, kid);
                }
                int verified = 0;
                for (TokenFilesRead.Entry e : tokens) {
                    assertThat(BetterAuthServer.verifiesAsTheBackend(e.token(), after, userIds)).as(e.user()).isTrue();
                    assertThat(SignedJWT.parse(e.token()).getJWTClaimsSet().getSubject()).isEqualTo(e.userId());
                    verified++;
                }
                System.out.printf("verified %,d of %,d minted tokens against %s/api/auth/jwks%n", verified, COUNT,
                        server.url());
                SignedJWT sample = SignedJWT.parse(tokens.get(0).token());
                assertThat(sample.getJWTClaimsSet().getIssuer()).isEqualTo(server.url().toString());
                assertThat(sample.getJWTClaimsSet().getStringClaim("role")).isEqualTo("authenticated");
                assertThat(sample.getJWTClaimsSet().getJSONObjectClaim("user_metadata")).containsKey("name");
                assertThat(sample.getJWTClaimsSet().getStringClaim("email")).isEqualTo(tokens.get(0).user());
                long lifetime = sample.getJWTClaimsSet().getExpirationTime().getTime()
                        - sample.getJWTClaimsSet().getIssueTime().getTime();
                assertThat(lifetime).isEqualTo(8 * 3600_000L);

                try (Connection c = db.connect(SCHEMA)) {
                    assertThat(Sql.strings(c, "SELECT id FROM \"UserAuthJwks\" ORDER BY \"createdAt\" DESC LIMIT 1"))
                            .as("the server's own key stays the newest: it never signs with ours")
                            .containsExactly(serverKid);
                }

                // A second run reuses the key and its row (and times minting in a warm JVM).
                long again0 = System.nanoTime();
                Run again = run("tokens", "--mint", "--auth-url", server.url().toString(), "--db", dbUrl,
                        "--users-from-db", dbUrl, "--count", Integer.toString(COUNT), "--out",
                        dir.resolve("again.js").toString(), "--jwt-key-file", keyFile.toString());
                assertThat(again.code()).as(again.all()).isZero();
                System.out.printf("again, JVM warm: %,d tokens in %.2f s%n", COUNT, (System.nanoTime() - again0) / 1e9);
                assertThat(again.err()).contains(kid, "already published");

                Run revoke = run("tokens", "--revoke-key", "--db", dbUrl, "--out", out.toString());
                assertThat(revoke.code()).as(revoke.all()).isZero();
                assertThat(revoke.out()).contains("removed minting key " + kid);
                JWKSet revoked = jwks(server);
                assertThat(revoked.getKeys()).extracting(JWK::getKeyID).containsExactly(serverKid);
                assertThat(tokens.subList(0, 100)).noneMatch(e -> BetterAuthServer.verifiesAsTheBackend(e.token(), revoked, userIds));
                Run twice = run("tokens", "--revoke-key", "--db", dbUrl, "--jwt-key-file", keyFile.toString());
                assertThat(twice.code()).as(twice.all()).isZero();
                assertThat(twice.out()).contains("nothing to revoke");
                assertThat(jwks(server).getKeys()).extracting(JWK::getKeyID).as("the server's key is never removed")
                        .containsExactly(serverKid);
            }
        }
    }

    private static JWKSet jwks(BetterAuthServer server) throws Exception {
        var response = server.get("/api/auth/jwks");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The CLI with the real clock: minted tokens must be valid now for the server's JWKS check. */
    private static Run run(String... args) {
        CommandLine cmd = Cli.create(Map.of(), Clock.systemUTC());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }
}
