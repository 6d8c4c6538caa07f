package io.autogpt.seed.auth.mint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenMintTest {
    private static final String SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.750Z");
    private static final TokenMint.Settings SETTINGS = new TokenMint.Settings("http://localhost:8000/auth/v1",
            Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void hs256TokensCarrySupabaseClaimsAndVerifyWithTheSecret() throws Exception {
        TokenMint mint = TokenMint.withSecret(SECRET.getBytes(StandardCharsets.UTF_8), "$S", SETTINGS);
        IssuedToken token = mint.issue(new TestUser("a@example.com", null, "1b1c-id"), 2);
        SignedJWT jwt = SignedJWT.parse(token.token());
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(c.getSubject()).isEqualTo("1b1c-id");
        assertThat(c.getAudience()).containsExactly("authenticated");
        assertThat(c.getIssuer()).isEqualTo("http://localhost:8000/auth/v1");
        assertThat(c.getStringClaim("email")).isEqualTo("a@example.com");
        assertThat(c.getStringClaim("role")).isEqualTo("authenticated");
        assertThat(c.getStringClaim("aal")).isEqualTo("aal1");
        assertThat(c.getStringClaim("session_id")).matches("[0-9a-f-]{36}");
        assertThat(c.getIssueTime().toInstant()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2025-06-01T20:00:00Z"));
        assertThat(token.issuedAt()).isEqualTo(c.getIssueTime().toInstant());
        assertThat(token.expiresAt()).isEqualTo(c.getExpirationTime().toInstant());
        assertThat(token.round()).isEqualTo(2);
    }

    @Test
    void sameInputsGiveTheSameTokenAndRoundsGiveDistinctSessions() {
        TokenMint mint = TokenMint.withSecret(SECRET.getBytes(StandardCharsets.UTF_8), "$S", SETTINGS);
        TestUser user = new TestUser("a@example.com", null, null);
        assertThat(mint.issue(user, 1).token()).isEqualTo(mint.issue(user, 1).token());
        assertThat(mint.issue(user, 1).token()).isNotEqualTo(mint.issue(user, 2).token());
        assertThat(mint.issue(user, 1).userId()).isEqualTo(TestUsers.derivedId("A@example.com"));
    }

    @Test
    void aShortSecretIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> TokenMint.withSecret("too-short-secret".getBytes(StandardCharsets.UTF_8),
                "$SUPABASE_JWT_SECRET", SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JWT secret in $SUPABASE_JWT_SECRET has 16 bytes; HS256 needs at least 32");
    }

    @Test
    void es256FromAJwkCarriesItsKeyIdAndVerifies() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("kid-1").generate();
        Path file = Files.writeString(dir.resolve("key.jwk"), key.toJSONString());
        IssuedToken token = TokenMint.withKeyFile(file, SETTINGS).issue(new TestUser("b@example.com", null, "x"), 1);
        SignedJWT jwt = SignedJWT.parse(token.token());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-1");
        assertThat(jwt.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
    }

    @Test
    void rs256FromAPkcs8PemVerifies() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path file = Files.writeString(dir.resolve("key.pem"), pem);
        TokenMint mint = TokenMint.withKeyFile(file, SETTINGS);
        assertThat(mint.algorithm()).isEqualTo("RS256");
        SignedJWT jwt = SignedJWT.parse(mint.issue(new TestUser("c@example.com", null, "y"), 1).token());
        JWSVerifier verifier = new RSASSAVerifier((RSAPublicKey) pair.getPublic());
        assertThat(jwt.verify(verifier)).isTrue();
    }

    @Test
    void unusableKeyFilesAreRefusedByNameNotContent() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Path publicOnly = Files.writeString(dir.resolve("public.jwk"), key.toPublicJWK().toJSONString());
        Path sec1 = Files.writeString(dir.resolve("sec1.pem"), "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n");
        Path junk = Files.writeString(dir.resolve("junk.txt"), "not a key at all");
        for (Path file : List.of(publicOnly, sec1, junk)) {
            assertThatThrownBy(() -> TokenMint.withKeyFile(file, SETTINGS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageNotContaining("MHcCAQEE");
        }
        assertThatThrownBy(() -> TokenMint.withKeyFile(dir.resolve("missing.pem"), SETTINGS))
                .hasMessageStartingWith("cannot read the signing key file");
    }
}
