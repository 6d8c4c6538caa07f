package io.autogpt.seed.auth.http;

import io.autogpt.seed.auth.exec.Outcome;
import io.autogpt.seed.auth.exec.RequestExecutor;
import io.autogpt.seed.auth.exec.RequestExecutor.Mode;
import io.autogpt.seed.auth.policy.Failure;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supabase Auth (GoTrue) over HTTP: password logins as an {@link IssueTokenPort}, a pre-flight check of URL and
 * key, and the admin calls that create test users.
 *
 * <p>This class speaks the protocol: which request, what its answer means, the words of every message. A
 * {@link RequestExecutor} runs the requests (pace and window adapted to 429s and overload, retries, hedged logins);
 * 400/401/403/422 are never retried. Messages name the user and the server's answer; the key, passwords and tokens
 * never appear in them or in logs.
 *
 * <p>Thread-safe. Owns its connection pool: close it when done.
 */
public final class GoTrueClient implements IssueTokenPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoTrueClient.class);
    private static final String TOKEN_ENDPOINT = "/auth/v1/token";
    private static final String TOKEN_PATH = TOKEN_ENDPOINT + "?grant_type=password";
    private static final String SETTINGS_PATH = "/auth/v1/settings";
    private static final String USERS_PATH = "/auth/v1/admin/users";
    private static final int PAGE_SIZE = 1000;
    /**
     * The outcome of creating a user.
     *
     * @param email   the user's email
     * @param id      the new user's id, or {@code null} when it existed already (the admin API does not say it)
     * @param created whether this call created it
     */
    public record CreatedUser(String email, @Nullable String id, boolean created) {
    }

    private final GoTrueSettings settings;
    private final Transport http;
    private final RequestExecutor executor;

    private GoTrueClient(GoTrueSettings settings) {
        this.settings = settings;
        this.http = new Transport(settings);
        this.executor = RequestExecutor.open(new RequestExecutor.Settings("Supabase Auth", settings.url().toString(),
                settings.retry(), settings.throttle(), settings.effectiveHedging(), settings.jitterSeed()));
    }

    /** A client for {@code settings}; it sends nothing until asked. */
    public static GoTrueClient open(GoTrueSettings settings) {
        return new GoTrueClient(settings);
    }

    /**
     * Checks URL and key with one cheap request ({@code GET /auth/v1/settings}, which the API gateway guards by
     * key), so a wrong key or an unreachable server stops before the batch.
     *
     * @throws TokenException.KeyRejected       the key was refused
     * @throws TokenException.ServerUnavailable nothing answers there, or not Supabase Auth
     */
    public void checkKey() {
        Transport.Reply reply = executor.send("pre-flight GET " + SETTINGS_PATH, Mode.PREFLIGHT,
                () -> http.get(SETTINGS_PATH));
        if (reply.ok()) {
            return;
        }
        throw refusedOutright(reply, "GET " + SETTINGS_PATH);
    }

    /**
     * Checks that the key may use the admin API (only the service-role key may).
     *
     * @throws TokenException.KeyRejected the key is not a service-role key
     */
    public void checkServiceKey() {
        String path = USERS_PATH + "?page=1&per_page=1";
        Transport.Reply reply = executor.send("pre-flight GET " + USERS_PATH, Mode.PREFLIGHT, () -> http.get(path));
        if (reply.ok()) {
            return;
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new TokenException.KeyRejected("Supabase Auth at " + settings.url() + " refused the admin API to "
                    + "the key in " + settings.keySource() + " (" + answer(reply) + "): creating users needs the "
                    + "service_role key");
        }
        throw refusedOutright(reply, "GET " + USERS_PATH);
    }

    @Override
    public IssuedToken issue(TestUser user, int round) {
        if (user.password() == null) {
            throw new IllegalArgumentException(user.email() + " has no password to log in with");
        }
        Wire.PasswordGrant grant = new Wire.PasswordGrant(user.email(), user.password());
        Transport.Reply reply = executor.send(user.email(), Mode.HEDGED, () -> exchange(() -> http.post(TOKEN_PATH,
                grant)));
        if (!reply.ok()) {
            throw refused(reply, user.email(), "POST " + TOKEN_ENDPOINT);
        }
        return token(reply.body(), user, round);
    }

    /**
     * Creates {@code user} with its password, email confirmed. An existing user ({@code 422 email_exists}) counts
     * as done. A creation is not idempotent, so it is never hedged and never sent again blindly: after a failure that
     * leaves open whether the server created the user (a timeout, a dropped connection, a 5xx), the user is looked up,
     * and only if it is not there is the creation sent again.
     */
    public CreatedUser createUser(TestUser user) {
        if (user.password() == null) {
            throw new IllegalArgumentException(user.email() + " has no password to create it with");
        }
        Wire.CreateUser body = new Wire.CreateUser(user.email(), user.password(), true);
        Transport.Reply reply = null;
        for (int attempt = 0; reply == null; attempt++) {
            Outcome<Transport.Reply> outcome = executor.once(() -> exchange(() -> http.post(USERS_PATH, body)));
            if (outcome.isFinal()) {
                reply = Objects.requireNonNull(outcome.reply());
                break;
            }
            if (outcome.failure() != Failure.RATE_LIMITED) {
                String id = userIds().get(user.email().toLowerCase(Locale.ROOT));
                if (id != null) {
                    return new CreatedUser(user.email(), id, true);
                }
            }
            executor.retryOrGiveUp(user.email(), outcome, attempt);
        }
        if (reply.ok()) {
            Wire.AuthUser created = read(reply.body(), Wire.AuthUser.class, user.email());
            return new CreatedUser(user.email(), created.id(), true);
        }
        Wire.Problem problem = Wire.problem(reply.body());
        String text = String.valueOf(problem.text()).toLowerCase(Locale.ROOT);
        if (reply.status() == 422 && ("email_exists".equals(problem.errorCode()) || text.contains("already"))) {
            return new CreatedUser(user.email(), null, false);
        }
        throw refused(reply, user.email(), "POST " + USERS_PATH);
    }

    /** Every user's id by lower-case email, read page by page through the admin API. */
    public Map<String, String> userIds() {
        Map<String, String> ids = new HashMap<>();
        for (int page = 1; ; page++) {
            String path = USERS_PATH + "?page=" + page + "&per_page=" + PAGE_SIZE;
            Transport.Reply reply = executor.send("GET " + USERS_PATH, Mode.RETRIED, () -> http.get(path));
            if (!reply.ok()) {
                throw refusedOutright(reply, "GET " + USERS_PATH);
            }
            Wire.UserPage users = read(reply.body(), Wire.UserPage.class, "GET " + USERS_PATH);
            if (users.users() == null || users.users().isEmpty()) {
                return ids;
            }
            for (Wire.AuthUser u : users.users()) {
                if (u.email() != null && u.id() != null) {
                    ids.put(u.email().toLowerCase(Locale.ROOT), u.id());
                }
            }
            if (users.users().size() < PAGE_SIZE) {
                return ids;
            }
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

    /** Makes a fresh request each call: a retry or a hedge sends a copy, never the same object twice. */
    @FunctionalInterface
    private interface Request {
        Transport.Exchange create() throws IOException;
    }

    private static Transport.Exchange exchange(Request request) {
        try {
            return request.create();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    /** The exception for a refused login or user creation: the user's credentials, else as {@link #refusedOutright}. */
    private TokenException refused(Transport.Reply reply, String email, String request) {
        if (reply.status() == 400 || reply.status() == 422) {
            return new TokenException.BadCredentials(email + ": " + answer(reply));
        }
        return refusedOutright(reply, request);
    }

    /** The exception for a refused request that names no user. */
    private TokenException refusedOutright(Transport.Reply reply, String request) {
        if (reply.status() == 401 || reply.status() == 403) {
            return new TokenException.KeyRejected("Supabase Auth at " + settings.url() + " refused the key in "
                    + settings.keySource() + " (" + answer(reply) + ")");
        }
        if (reply.status() == 404) {
            return new TokenException.ServerUnavailable("no Supabase Auth at " + settings.url() + ": " + request
                    + " answered 404; check the Supabase URL (the project URL, without /auth/v1)");
        }
        return new TokenException.ServerUnavailable(request + " at " + settings.url() + " answered " + answer(reply));
    }

    /** "HTTP 400 invalid_credentials: Invalid login credentials", from whichever error shape the server used. */
    private static String answer(Transport.Reply reply) {
        return Wire.describe(reply.status(), reply.body());
    }

    private IssuedToken token(byte[] body, TestUser user, int round) {
        Wire.Session session = read(body, Wire.Session.class, user.email());
        if (session.accessToken() == null || session.accessToken().isBlank()) {
            throw new TokenException.ServerUnavailable(user.email() + ": Supabase Auth at " + settings.url()
                    + " answered 200 without an access_token");
        }
        Wire.Claims claims = Wire.Claims.of(session.accessToken());
        Instant now = settings.clock().instant();
        Instant issued = claims.iat() != null ? Instant.ofEpochSecond(claims.iat()) : now;
        Instant expires = claims.exp() != null ? Instant.ofEpochSecond(claims.exp())
                : session.expiresAt() != null ? Instant.ofEpochSecond(session.expiresAt())
                : now.plusSeconds(session.expiresIn() == null ? 3600 : session.expiresIn());
        String id = session.user() != null && session.user().id() != null ? session.user().id()
                : claims.sub() != null ? claims.sub() : user.userId();
        if (id == null) {
            throw new TokenException.ServerUnavailable(user.email() + ": the token from " + settings.url()
                    + " names no user (no sub, no user.id)");
        }
        return new IssuedToken(session.accessToken(), user.email(), id, issued, expires, round);
    }

    /**
     * Reads the JWT's claims with nimbus, without verifying the signature: we only need its times and subject, and
     * the server that signed it is the one we asked. A token nimbus cannot parse gives no claims.
     */
    private <T> T read(byte[] body, Class<T> type, String who) {
        try {
            T value = Wire.JSON.readValue(body, type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return value;
        } catch (IOException e) {
            // The body is not quoted: a half-readable answer may still hold a token.
            throw new TokenException.ServerUnavailable(who + ": unreadable answer from " + settings.url() + " ("
                    + body.length + " bytes, not the JSON Supabase Auth sends)");
        }
    }
}
