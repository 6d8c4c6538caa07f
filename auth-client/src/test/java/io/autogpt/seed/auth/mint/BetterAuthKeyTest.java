package io.autogpt.seed.auth.mint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.autogpt.seed.core.token.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Better Auth minting key (0600 file, kid, public JWK) and the tokens signed with it (the frontend's claims). */
class BetterAuthKeyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void signsTheFrontendsClaimsWithTheKeyIdOfItsJwksRow() throws Exception {
        Path file = dir.resolve("keys/mint.jwk");
        BetterAuthKey key = BetterAuthKey.generate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(key.toString()).doesNotContain(((ECKey) JWK.parse(Files.readString(file))).getD().toString());
        JWK published = JWK.parse(key.publicJwk());
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.toJSONObject()).containsOnlyKeys("kty", "crv", "x", "y");
        assertThat(BetterAuthKey.read(file).keyId()).isEqualTo(key.keyId());

        TokenMint mint = TokenMint.forBetterAuth(key, new TokenMint.Settings("https://platform.example.com",
                Duration.ofHours(8), CLOCK));
        SignedJWT jwt = SignedJWT.parse(mint.issue(new TestUser("ann@example.com", null, "u-1"), 1).token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(jwt.verify(new ECDSAVerifier(published.toECKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims()).containsOnlyKeys("sub", "email", "role", "user_metadata", "iss", "aud", "iat",
                "exp");
        assertThat(claims.getSubject()).isEqualTo("u-1");
        assertThat(claims.getAudience()).containsExactly("authenticated");
        assertThat(claims.getStringClaim("role")).isEqualTo("authenticated");
        assertThat(claims.getJSONObjectClaim("user_metadata")).isEqualTo(Map.of("name", "ann"));
        assertThat(claims.getIssuer()).isEqualTo("https://platform.example.com");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(8 * 3600_000L);
    }

    @Test
    void refusesKeysThatCannotMintAndNeverQuotesThem() throws Exception {
        Path file = dir.resolve("mint.jwk");
        BetterAuthKey.generate(file);
        assertThatThrownBy(() -> BetterAuthKey.generate(file)).hasMessageContaining("exists already");
        ECKey full = (ECKey) JWK.parse(Files.readString(file));
        assertThatThrownBy(() -> BetterAuthKey.parse(full.toPublicJWK().toJSONString(), "$KEY"))
                .hasMessageContaining("public key").hasMessageNotContaining(full.getX().toString());
        String noKid = new ECKey.Builder(full).keyID(null).build().toJSONString();
        assertThatThrownBy(() -> BetterAuthKey.parse(noKid, "$KEY")).hasMessageContaining("no key id")
                .hasMessageNotContaining(full.getD().toString());
        assertThatThrownBy(() -> BetterAuthKey.parse("not json", "$KEY")).hasMessage("$KEY is not a JWK");
    }
}
