package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.oauth.OAuthAccessToken;
import io.autogpt.seed.core.oauth.OAuthApplication;
import io.autogpt.seed.core.oauth.OAuthAuthorizationCode;
import io.autogpt.seed.core.oauth.OAuthRefreshToken;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes the platform's OAuth provider data: apps a share of users own ({@code "OAuthApplication"}), and for each app
 * the users of the owner's cohort who authorised it, each with an authorization code ({@code
 * "OAuthAuthorizationCode"}) and, once the code was used, an access and a refresh token ({@code "OAuthAccessToken"},
 * {@code "OAuthRefreshToken"}).
 *
 * <p>Stored as the platform stores them: the client secret as a salted hash with its salt, tokens as the SHA-256
 * of {@code agpt_xt_…} / {@code agpt_rt_…}, codes as they are (single-use, ten minutes). The plain secrets exist only
 * inside this factory. Lifetimes are the platform's (code 10 minutes, access token 1 hour, refresh token 30 days),
 * so some grants are recent enough that their code or tokens are still valid at the anchor (deadlines after it),
 * and the rest have expired; some tokens are revoked. Thread-safe.
 */
final class OAuthFactory {
    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final Duration ACCESS_TTL = Duration.ofHours(1);
    static final Duration REFRESH_TTL = Duration.ofDays(30);
    private static final APIKeyPermission[] PERMISSIONS = APIKeyPermission.values();
    private static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token");

    private final DatasetShape shape;
    private final RowFaker faker = new RowFaker();

    public OAuthFactory(DatasetShape shape) {
        this.shape = shape;
    }

    /** One user's authorisation of an app: the code, and the tokens it was exchanged for (null while unused). */
    private record Grant(OAuthAuthorizationCode code, @Nullable OAuthAccessToken access,
            @Nullable OAuthRefreshToken refresh) {
    }

    public Optional<OAuthApplication> application(long u) {
        if (!shape.ownsOAuthApp(u)) {
            return Optional.empty();
        }
        Rng rng = shape.rng("OAuthApplication", u);
        String company = faker.at(rng).company().name();
        String host = DatasetShape.slug(company) + "-" + shape.tag(u) + ".example.com";
        String secret = "agpt_secret_" + rng.urlSafe(43);
        String salt = rng.hex(32);
        LocalDateTime created = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        List<String> redirects = new ArrayList<>(List.of("https://" + host + "/oauth/callback"));
        if (rng.chance(0.3)) {
            redirects.add("http://localhost:3000/oauth/callback");
        }
        return Optional.of(new OAuthApplication(appId(u), created, DatasetShape.between(rng, created, shape.now()),
                company + " " + rng.pick(List.of("Connector", "Sync", "Assistant", "Bridge")),
                rng.chance(0.7) ? "Connects " + company + " to your AutoGPT agents" : null,
                "agpt_client_" + rng.urlSafe(22), Hashes.sha256Hex(salt + secret), salt, redirects, GRANT_TYPES,
                scopes(rng), shape.userId(u), rng.chance(0.9),
                rng.chance(0.5) ? "https://picsum.photos/seed/" + host + "/128/128" : null,
                shape.tenancy().personal(u).organizationId()));
    }

    public List<OAuthAuthorizationCode> codes(long u) {
        return grants(u).stream().map(Grant::code).toList();
    }

    public List<OAuthAccessToken> accessTokens(long u) {
        return grants(u).stream().map(Grant::access).filter(java.util.Objects::nonNull).toList();
    }

    public List<OAuthRefreshToken> refreshTokens(long u) {
        return grants(u).stream().map(Grant::refresh).filter(java.util.Objects::nonNull).toList();
    }

    private String appId(long u) {
        return shape.id("OAuthApplication", u);
    }

    private List<Grant> grants(long u) {
        Optional<OAuthApplication> app = application(u);
        if (app.isEmpty()) {
            return List.of();
        }
        int count = shape.oauthGrants(u);
        List<Grant> grants = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            grants.add(grant(app.get(), u, k));
        }
        return grants;
    }

    private Grant grant(OAuthApplication app, long u, int k) {
        Rng rng = shape.rng("OAuthGrant", u, k);
        long grantee = shape.oauthGrantee(u, k);
        String user = shape.userId(grantee);
        LocalDateTime earliest = later(app.createdAt(), shape.userCreatedAt(grantee));
        LocalDateTime now = shape.now();
        List<APIKeyPermission> scopes = app.scopes().stream().filter(s -> rng.chance(0.7)).toList();
        String redirect = rng.pick(app.redirectUris());
        String verifier = rng.urlSafe(64);
        boolean pkce = rng.chance(0.5);
        String code = rng.urlSafe(43);
        double kind = rng.nextDouble();
        LocalDateTime at;
        if (kind < 0.1) {
            // Consent given minutes ago, the code not exchanged yet: still valid at the anchor.
            at = later(earliest, now.minusSeconds(rng.between(5, 540)));
        } else if (kind < 0.2) {
            // A code nobody exchanged, expired.
            at = DatasetShape.between(rng, earliest, now.minus(CODE_TTL).minusSeconds(1));
        } else if (kind < 0.45) {
            // Exchanged within the last hour: the access token is still valid.
            at = later(earliest, now.minusSeconds(rng.between(60, 3_000)));
        } else if (kind < 0.7) {
            // Within the last month: the refresh token is still valid, the access token is not.
            at = later(earliest, now.minusHours(rng.between(2, 29 * 24)));
        } else {
            at = DatasetShape.between(rng, earliest, now);
        }
        at = at.isAfter(now) ? now : at;
        boolean exchanged = kind >= 0.2 && at.plus(Duration.ofSeconds(30)).isBefore(now);
        LocalDateTime used = exchanged ? at.plusSeconds(rng.between(1, 30)) : null;
        OAuthAuthorizationCode row = new OAuthAuthorizationCode(shape.id("OAuthAuthorizationCode", u, k), code, at,
                at.plus(CODE_TTL), app.id(), user, scopes, redirect, pkce ? Hashes.s256(verifier) : null,
                pkce ? "S256" : null, used);
        if (used == null) {
            return new Grant(row, null, null);
        }
        LocalDateTime accessEnd = used.plus(ACCESS_TTL);
        LocalDateTime refreshEnd = used.plus(REFRESH_TTL);
        LocalDateTime revoked = rng.chance(0.1)
                ? DatasetShape.between(rng, used, accessEnd.isBefore(now) ? accessEnd : now) : null;
        OAuthAccessToken access = new OAuthAccessToken(shape.id("OAuthAccessToken", u, k),
                Hashes.sha256Hex("agpt_xt_" + rng.urlSafe(43)), used, accessEnd, app.id(), user, scopes, revoked);
        OAuthRefreshToken refresh = new OAuthRefreshToken(shape.id("OAuthRefreshToken", u, k),
                Hashes.sha256Hex("agpt_rt_" + rng.urlSafe(43)), used, refreshEnd, app.id(), user, scopes,
                revoked);
        return new Grant(row, access, refresh);
    }

    private static List<APIKeyPermission> scopes(Rng rng) {
        List<APIKeyPermission> scopes = new ArrayList<>();
        for (APIKeyPermission p : PERMISSIONS) {
            if (rng.chance(0.4)) {
                scopes.add(p);
            }
        }
        if (scopes.isEmpty()) {
            scopes.add(APIKeyPermission.IDENTITY);
        }
        return scopes;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
