package io.autogpt.seed.auth.http;

import io.autogpt.seed.auth.exec.RequestExecutor;
import io.autogpt.seed.auth.exec.RequestExecutor.Mode;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Better Auth (the platform's auth since mid-2026, embedded in its Next.js frontend) over HTTP: password logins as an
 * {@link IssueTokenPort} and a pre-flight that tells Better Auth from Supabase Auth.
 *
 * <p>A token takes two requests: {@code POST /api/auth/sign-in/email} answers a session cookie, then
 * {@code GET /api/auth/token} with that cookie answers {@code {"token": "<ES256 JWT>"}}. The {@link RequestExecutor}
 * runs both as it runs GoTrue's logins: sign-ins hedged, paced and retried on 429, 5xx and dropped connections; a
 * refusal (401 bad credentials, 403) is final. Messages name the user and the server's answer, never a password,
 * cookie or token.
 *
 * <p>Thread-safe. Owns its connection pool: close it when done.
 */
public final class BetterAuthClient implements IssueTokenPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BetterAuthClient.class);
    private static final String SIGN_IN_PATH = "/api/auth/sign-in/email";
    private static final String TOKEN_PATH = "/api/auth/token";
    private static final String JWKS_PATH = "/api/auth/jwks";
    private static final String SUPABASE_SETTINGS_PATH = "/auth/v1/settings";
    private static final String NAME = "Better Auth";

    private final GoTrueSettings settings;
    private final Transport http;
    private final RequestExecutor executor;

    private BetterAuthClient(GoTrueSettings settings) {
        this.settings = settings;
        this.http = new Transport(settings, false, NAME);
        this.executor = RequestExecutor.open(new RequestExecutor.Settings(NAME, settings.url().toString(),
                settings.retry(), settings.throttle(), settings.effectiveHedging(), settings.jitterSeed()));
    }

    /**
     * A client for the frontend at {@code settings.url()}; the settings' key is not sent (Better Auth has none). It
     * sends nothing until asked.
     */
    public static BetterAuthClient open(GoTrueSettings settings) {
        return new BetterAuthClient(settings);
    }

    /**
     * Checks that Better Auth answers at the URL: {@code GET /api/auth/jwks} must answer JSON with {@code keys}. When
     * it does not and {@code /auth/v1/settings} answers, the URL is Supabase's, and the message says so.
     *
     * @throws TokenException.ServerUnavailable nothing answers there, or not Better Auth
     */
    public void checkServer() {
        Transport.Reply reply = executor.send("pre-flight GET " + JWKS_PATH, Mode.PREFLIGHT, () -> http.get(JWKS_PATH));
        if (reply.ok() && hasKeys(reply.body())) {
            return;
        }
        if (looksLikeSupabase()) {
            throw new TokenException.ServerUnavailable(settings.url() + " is Supabase Auth, not Better Auth (GET "
                    + JWKS_PATH + " answered " + answer(reply) + ", GET " + SUPABASE_SETTINGS_PATH
                    + " answers): use --supabase-url for it");
        }
        throw new TokenException.ServerUnavailable("no Better Auth at " + settings.url() + ": GET " + JWKS_PATH
                + " answered " + (reply.ok() ? "without a JWKS" : answer(reply)) + "; check --auth-url (the platform "
                + "frontend's base URL, without /api/auth)");
    }

    private boolean looksLikeSupabase() {
        try {
            Transport.Reply settingsReply = executor.send("pre-flight GET " + SUPABASE_SETTINGS_PATH, Mode.PREFLIGHT,
                    () -> http.get(SUPABASE_SETTINGS_PATH));
            // GoTrue answers its settings; Supabase's gateway refuses them without a key. Both say: Supabase.
            return settingsReply.ok() || settingsReply.status() == 401;
        } catch (TokenException e) {
            return false;
        }
    }

    private static boolean hasKeys(byte[] body) {
        try {
            JsonNode node = Wire.JSON.readTree(body);
            return node != null && node.path("keys").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public IssuedToken issue(TestUser user, int round) {
        if (user.password() == null) {
            throw new IllegalArgumentException(user.email() + " has no password to log in with");
        }
        Map<String, String> credentials = Map.of("email", user.email(), "password", user.password());
        Transport.Reply signedIn = executor.send(user.email(), Mode.HEDGED, () -> post(credentials));
        if (!signedIn.ok()) {
            throw refused(signedIn, user.email(), "POST " + SIGN_IN_PATH);
        }
        String cookie = signedIn.cookies();
        if (!cookie.contains("session_token=")) {
            throw new TokenException.ServerUnavailable(user.email() + ": " + NAME + " at " + settings.url()
                    + " signed in without a session cookie; check --auth-url");
        }
        Transport.Reply reply = executor.send(user.email(), Mode.RETRIED, () -> http.get(TOKEN_PATH, cookie));
        if (!reply.ok()) {
            throw refused(reply, user.email(), "GET " + TOKEN_PATH);
        }
        return token(reply.body(), user, round);
    }

    private Transport.Exchange post(Object body) {
        try {
            return http.post(SIGN_IN_PATH, body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    /** Counters so far. */
    public RequestExecutor.Stats stats() {
        return executor.stats();
    }

    @Override
    public void close() {
        executor.close();
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client: {}", e.toString());
        }
    }

    private TokenException refused(Transport.Reply reply, String email, String request) {
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403 || reply.status() == 422) {
            return new TokenException.BadCredentials(email + ": " + answer(reply)
                    + (reply.status() == 403 ? " (is the email verified?)" : ""));
        }
        if (reply.status() == 404) {
            return new TokenException.ServerUnavailable("no Better Auth at " + settings.url() + ": " + request
                    + " answered 404; check --auth-url (the platform frontend's base URL, without /api/auth)");
        }
        return new TokenException.ServerUnavailable(request + " at " + settings.url() + " answered " + answer(reply));
    }

    private static String answer(Transport.Reply reply) {
        return Wire.describe(reply.status(), reply.body());
    }

    private IssuedToken token(byte[] body, TestUser user, int round) {
        String jwt;
        try {
            JsonNode node = Wire.JSON.readTree(body);
            jwt = node == null ? null : node.path("token").asText(null);
        } catch (IOException e) {
            jwt = null;
        }
        if (jwt == null || jwt.isBlank()) {
            throw new TokenException.ServerUnavailable(user.email() + ": GET " + TOKEN_PATH + " at " + settings.url()
                    + " answered " + body.length + " bytes without a token");
        }
        Wire.Claims claims = Wire.Claims.of(jwt);
        Instant now = settings.clock().instant();
        Instant issued = claims.iat() != null ? Instant.ofEpochSecond(claims.iat()) : now;
        Instant expires = claims.exp() != null ? Instant.ofEpochSecond(claims.exp()) : now.plusSeconds(3600);
        String id = claims.sub() != null ? claims.sub() : user.userId();
        if (id == null) {
            throw new TokenException.ServerUnavailable(user.email() + ": the token from " + settings.url()
                    + " names no user (no sub)");
        }
        return new IssuedToken(jwt, user.email(), id, issued, expires, round);
    }
}
