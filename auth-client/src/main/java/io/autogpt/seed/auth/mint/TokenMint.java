package io.autogpt.seed.auth.mint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TestUsers;
import io.autogpt.seed.core.token.TokenException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs access tokens locally, the way Supabase Auth does, for load tests that need no server, no rate limit and a
 * lifetime of their choosing: HS256 with the project's JWT secret, or ES256/RS256 with its private signing key.
 *
 * <p>Claims match GoTrue's: {@code sub}, {@code email}, {@code role} and {@code aud} {@code authenticated},
 * {@code iss}, {@code iat}, {@code exp}, {@code session_id}, {@code aal}, plus {@code app_metadata},
 * {@code user_metadata}, {@code amr} and {@code is_anonymous}. A user without an id gets
 * {@link TestUsers#derivedId(String)}. The session id is derived from user, round and issue time, so each token is
 * distinct and a rerun at the same instant gives the same tokens.
 *
 * <p>Thread-safe; holds the key in memory and never prints it.
 */
public final class TokenMint implements IssueTokenPort {
    /**
     * @param issuer   the {@code iss} claim: {@code {SUPABASE_URL}/auth/v1}
     * @param lifetime from {@code iat} to {@code exp}
     * @param clock    the issue time
     */
    public record Settings(String issuer, Duration lifetime, Clock clock) {
        public Settings {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(lifetime, "lifetime");
            Objects.requireNonNull(clock, "clock");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
            }
        }
    }

    // Sorted keys: Map.of iterates in a per-JVM order, and the same inputs must give the same token bytes.
    private static final ObjectMapper CLAIMS_JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Map<String, Object> APP_METADATA = Map.of("provider", "email", "providers", List.of("email"));

    private final SigningKey key;
    private final Settings settings;
    private final JWSHeader header;
    private final boolean betterAuth;

    private TokenMint(SigningKey key, Settings settings) {
        this(key, settings, false);
    }

    private TokenMint(SigningKey key, Settings settings, boolean betterAuth) {
        this.key = key;
        this.settings = settings;
        this.betterAuth = betterAuth;
        JWSHeader.Builder h = new JWSHeader.Builder(key.algorithm()).type(JOSEObjectType.JWT);
        if (key.keyId() != null) {
            h.keyID(key.keyId());
        }
        this.header = h.build();
    }

    /**
     * Signs with HS256 and the project's JWT secret (the legacy Supabase setup).
     *
     * @param secret the secret's UTF-8 bytes, at least 32 (HS256 needs 256 bits)
     * @param source where the secret came from, for messages ({@code $SUPABASE_JWT_SECRET}); never the secret
     */
    public static TokenMint withSecret(byte[] secret, String source, Settings settings) {
        return new TokenMint(SigningKey.hmac(secret, source), settings);
    }

    /**
     * Signs with the private key in {@code file}: a JWK or JWK set (EC P-256 → ES256, RSA → RS256, oct → HS256) or
     * a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, EC P-256 or RSA).
     *
     * @throws IllegalArgumentException if the file holds no usable private key; the message never quotes the key
     */
    public static TokenMint withKeyFile(Path file, Settings settings) {
        return new TokenMint(SigningKey.read(file), settings);
    }

    /**
     * Signs ES256 tokens as the platform's Better Auth frontend does (its {@code jwt} plugin): header {@code kid} =
     * the key's {@code "UserAuthJwks"} row id; claims {@code sub}, {@code email}, {@code role}
     * {@code authenticated}, {@code user_metadata.name} (the email's local part), {@code iss} (the frontend's base
     * URL), {@code aud} {@code authenticated}, {@code iat}, {@code exp}. The backend checks signature, audience and
     * {@code sub}.
     */
    public static TokenMint forBetterAuth(BetterAuthKey key, Settings settings) {
        return new TokenMint(SigningKey.ec(key.privateKey(), key.source()), settings, true);
    }

    /** The JWS algorithm this mint signs with ({@code HS256}, {@code ES256}, {@code RS256}). */
    public String algorithm() {
        return key.algorithm().getName();
    }

    @Override
    public IssuedToken issue(TestUser user, int round) {
        String userId = user.idOrDerived();
        Instant issued = settings.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expires = issued.plus(settings.lifetime());
        Map<String, Object> claims = betterAuth ? betterAuthClaims(user, userId, issued, expires)
                : supabaseClaims(user, userId, issued, expires, round);
        JWSObject jwt;
        try {
            // Jackson writes the claims (keys sorted: stable bytes, as the project's other JSON); nimbus signs.
            jwt = new JWSObject(header, new Payload(CLAIMS_JSON.writeValueAsBytes(claims)));
            jwt.sign(key.signer());
        } catch (JOSEException | JsonProcessingException e) {
            throw new TokenException.KeyRejected("cannot sign with the key from " + key.source() + ": "
                    + e.getClass().getSimpleName());
        }
        return new IssuedToken(jwt.serialize(), user.email(), userId, issued, expires, round);
    }

    private Map<String, Object> betterAuthClaims(TestUser user, String userId, Instant issued,
            Instant expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", issued.getEpochSecond());
        claims.put("email", user.email());
        claims.put("role", "authenticated");
        int at = user.email().indexOf('@');
        claims.put("user_metadata", Map.of("name", at > 0 ? user.email().substring(0, at) : user.email()));
        claims.put("sub", userId);
        claims.put("exp", expires.getEpochSecond());
        claims.put("iss", settings.issuer());
        claims.put("aud", "authenticated");
        return claims;
    }

    private Map<String, Object> supabaseClaims(TestUser user, String userId, Instant issued, Instant expires,
            int round) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("sub", userId);
        claims.put("aud", "authenticated");
        claims.put("exp", expires.getEpochSecond());
        claims.put("iat", issued.getEpochSecond());
        claims.put("email", user.email());
        claims.put("phone", "");
        claims.put("app_metadata", APP_METADATA);
        claims.put("user_metadata", Map.of());
        claims.put("role", "authenticated");
        claims.put("aal", "aal1");
        claims.put("amr", List.of(Map.of("method", "password", "timestamp", issued.getEpochSecond())));
        // A name-based UUID: the same user, round and issue second give the same session, so minting is repeatable.
        claims.put("session_id", java.util.UUID.nameUUIDFromBytes((issued.getEpochSecond() + "/" + userId + "/"
                + round).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        claims.put("is_anonymous", false);
        return claims;
    }
}
