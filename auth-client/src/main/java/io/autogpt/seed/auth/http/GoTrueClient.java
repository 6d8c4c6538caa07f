package io.autogpt.seed.auth.http;

import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import io.autogpt.seed.auth.policy.Failure;
import io.autogpt.seed.auth.policy.RetryAfter;
import io.autogpt.seed.auth.policy.RetryPolicy;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supabase Auth (GoTrue) over HTTP: password logins as an {@link IssueTokenPort}, a pre-flight check of URL and
 * key, and the admin calls that create test users.
 *
 * <p>Every request passes one {@link SendGate} (pace and window adapted to 429s and overload) and one
 * {@link RetryPolicy}. 400/401/403/422 are never retried. Messages name the user and the server's answer; the
 * key, passwords and tokens never appear in them or in logs.
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
     * What the client did so far.
     *
     * @param requests    requests sent, retries included
     * @param rateLimited 429 answers
     * @param retries     requests sent again after a failure
     */
    public record Stats(long requests, long rateLimited, long retries) {
    }

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
    private final SendGate gate;
    private final SendGate.Timer timer;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong jitterDraws = new AtomicLong();

    private GoTrueClient(GoTrueSettings settings, SendGate.Timer timer) {
        this.settings = settings;
        this.timer = timer;
        this.http = new Transport(settings);
        this.gate = new SendGate(new AdaptiveThrottle(settings.throttle()), timer);
    }

    /** A client for {@code settings}; it sends nothing until asked. */
    public static GoTrueClient open(GoTrueSettings settings) {
        return new GoTrueClient(settings, SendGate.Timer.SYSTEM);
    }

    /**
     * Checks URL and key with one cheap request ({@code GET /auth/v1/settings}, which the API gateway guards by
     * key), so a wrong key or an unreachable server stops before the batch.
     *
     * @throws TokenException.KeyRejected       the key was refused
     * @throws TokenException.ServerUnavailable nothing answers there, or not Supabase Auth
     */
    public void checkKey() {
        Transport.Reply reply = send("pre-flight GET " + SETTINGS_PATH, true, () -> http.get(SETTINGS_PATH));
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
        Transport.Reply reply = send("pre-flight GET " + USERS_PATH, true, () -> http.get(path));
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
        Transport.Reply reply = send(user.email(), false, () -> http.post(TOKEN_PATH, grant));
        if (!reply.ok()) {
            throw refused(reply, user.email(), "POST " + TOKEN_ENDPOINT);
        }
        return token(reply.body(), user, round);
    }

    /**
     * Creates {@code user} with its password, email confirmed. An existing user ({@code 422 email_exists}) counts
     * as done.
     */
    public CreatedUser createUser(TestUser user) {
        if (user.password() == null) {
            throw new IllegalArgumentException(user.email() + " has no password to create it with");
        }
        Wire.CreateUser body = new Wire.CreateUser(user.email(), user.password(), true);
        Transport.Reply reply = send(user.email(), false, () -> http.post(USERS_PATH, body));
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
            Transport.Reply reply = send("GET " + USERS_PATH, false, () -> http.get(path));
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
    public Stats stats() {
        return new Stats(requests.get(), rateLimited.get(), retries.get());
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client: {}", e.toString());
        }
    }

    @FunctionalInterface
    private interface Call {
        Transport.Reply send() throws IOException;
    }

    /**
     * Sends through the gate until the answer is final: a success, a refusal (returned for the caller to name), or
     * a failure beyond the retry budget (thrown).
     *
     * @param who             the user or step named in messages
     * @param unreachableIsFinal whether a failed or timed-out connection ends at once (the pre-flight: a wrong URL
     *                           or a dead server should stop the run now, not after the retry budget)
     */
    private Transport.Reply send(String who, boolean unreachableIsFinal, Call call) {
        for (int attempt = 0; ; attempt++) {
            long sentAt = acquire();
            Failure failure;
            Duration retryAfter = null;
            String problem;
            try {
                requests.incrementAndGet();
                Transport.Reply reply = call.send();
                if (reply.ok()) {
                    gate.succeeded();
                    return reply;
                }
                failure = Failure.ofStatus(reply.status());
                if (!failure.retryable()) {
                    return reply;
                }
                problem = answer(reply);
                if (failure == Failure.RATE_LIMITED) {
                    rateLimited.incrementAndGet();
                    retryAfter = RetryAfter.parse(reply.retryAfter(), settings.clock().instant()).orElse(null);
                    gate.rateLimited(sentAt, retryAfter == null ? -1 : retryAfter.toNanos());
                } else {
                    gate.overloaded(sentAt);
                }
            } catch (IOException e) {
                failure = Transport.isTimeout(e) ? Failure.TIMEOUT : Failure.CONNECTION;
                problem = Transport.describe(e);
                gate.overloaded(sentAt);
                if (unreachableIsFinal) {
                    throw new TokenException.ServerUnavailable("cannot reach Supabase Auth at " + settings.url()
                            + " (" + problem + ")");
                }
            } finally {
                gate.release();
            }
            RetryPolicy.Decision decision = settings.retry().decide(failure, attempt, retryAfter, jitter());
            if (decision instanceof RetryPolicy.GiveUp giveUp) {
                String message = who + ": " + problem + " from " + settings.url() + "; " + giveUp.reason();
                throw failure == Failure.RATE_LIMITED ? new TokenException.RateLimitExhausted(message)
                        : new TokenException.ServerUnavailable(message);
            }
            retries.incrementAndGet();
            LOG.debug("{}: {}; retrying", who, problem);
            pause(((RetryPolicy.Retry) decision).delay());
        }
    }

    private long acquire() {
        try {
            return gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to send");
        }
    }

    private void pause(Duration delay) {
        try {
            timer.sleepNanos(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while backing off");
        }
    }

    private double jitter() {
        // One generator per draw, seeded from (jitter seed, draw): deterministic for a seed, and safe across threads.
        return new SplittableRandom(settings.jitterSeed() + jitterDraws.incrementAndGet() * 0x9E3779B97F4A7C15L)
                .nextDouble();
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

    /** "400 invalid_credentials: Invalid login credentials", from whichever error shape the server used. */
    private static String answer(Transport.Reply reply) {
        Wire.Problem p = Wire.problem(reply.body());
        String text = p.text();
        StringBuilder s = new StringBuilder("HTTP ").append(reply.status());
        if (p.errorCode() != null) {
            s.append(' ').append(p.errorCode());
        }
        if (text == null && reply.body().length > 0 && reply.status() != 429) {
            text = new String(reply.body(), StandardCharsets.UTF_8).strip();
        }
        if (text != null) {
            s.append(": ").append(text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
        return s.toString();
    }

    private IssuedToken token(byte[] body, TestUser user, int round) {
        Wire.Session session = read(body, Wire.Session.class, user.email());
        if (session.accessToken() == null || session.accessToken().isBlank()) {
            throw new TokenException.ServerUnavailable(user.email() + ": Supabase Auth at " + settings.url()
                    + " answered 200 without an access_token");
        }
        Wire.Claims claims = claims(session.accessToken());
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

    /** Reads the JWT's payload without verifying it: we only need its times and subject, the server signed it. */
    private static Wire.Claims claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Wire.Claims.NONE;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return Wire.JSON.readValue(payload, Wire.Claims.class);
        } catch (IOException | IllegalArgumentException e) {
            return Wire.Claims.NONE;
        }
    }

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
