package io.autogpt.seed.auth.http;

import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import io.autogpt.seed.auth.policy.Failure;
import io.autogpt.seed.auth.policy.Hedging;
import io.autogpt.seed.auth.policy.RetryAfter;
import io.autogpt.seed.auth.policy.RetryPolicy;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    /** How often a hedged login looks whether its newest copy has passed the gate yet. */
    private static final long GATE_POLL_NANOS = 5_000_000L;

    /**
     * What the client did so far.
     *
     * @param requests    requests sent, retries and hedges included
     * @param rateLimited 429 answers
     * @param retries     requests sent again after a failure
     * @param hedges      extra copies of logins that had not answered in time
     */
    public record Stats(long requests, long rateLimited, long retries, long hedges) {
        public static final Stats NONE = new Stats(0, 0, 0, 0);
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
    private final AtomicLong hedges = new AtomicLong();
    private final AtomicLong jitterDraws = new AtomicLong();
    private final Hedging hedging;
    /** Runs the copies of hedged logins; idle threads end after a minute. */
    private final ExecutorService attempts;

    private GoTrueClient(GoTrueSettings settings, SendGate.Timer timer) {
        this.settings = settings;
        this.timer = timer;
        this.http = new Transport(settings);
        this.gate = new SendGate(new AdaptiveThrottle(settings.throttle()), timer);
        this.hedging = new Hedging(settings.effectiveHedging());
        AtomicLong threads = new AtomicLong();
        this.attempts = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "gotrue-attempt-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        Transport.Reply reply = send("pre-flight GET " + SETTINGS_PATH, Mode.PREFLIGHT, () -> http.get(SETTINGS_PATH));
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
        Transport.Reply reply = send("pre-flight GET " + USERS_PATH, Mode.PREFLIGHT, () -> http.get(path));
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
        Transport.Reply reply = send(user.email(), Mode.HEDGED, () -> http.post(TOKEN_PATH, grant));
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
            Outcome outcome = attempt(exchange(() -> http.post(USERS_PATH, body)));
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
            retryOrGiveUp(user.email(), outcome, attempt);
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
            Transport.Reply reply = send("GET " + USERS_PATH, Mode.RETRIED, () -> http.get(path));
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
        return new Stats(requests.get(), rateLimited.get(), retries.get(), hedges.get());
    }

    @Override
    public void close() {
        attempts.shutdownNow();
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

    /** How persistently a request is sent. */
    private enum Mode {
        /** The pre-flight: an unreachable server or a failed connection ends the run at once. */
        PREFLIGHT,
        /** Safe to repeat: retried within the budget. */
        RETRIED,
        /** Safe to repeat, and worth a copy when the answer is late: a password login. */
        HEDGED
    }

    /**
     * One request through the gate, as a value.
     *
     * @param reply      the answer, when one came and was not cancelled
     * @param failure    why it may be worth trying again; null for a success or a refusal (final answers)
     * @param problem    the failure in words, for messages
     * @param retryAfter what a 429 asked for, if anything
     * @param cancelled  a losing copy of a hedged request, cancelled: neither answer nor failure
     */
    private record Outcome(Transport.@Nullable Reply reply, @Nullable Failure failure, String problem,
                           @Nullable Duration retryAfter, boolean cancelled) {
        static final Outcome CANCELLED = new Outcome(null, null, "cancelled", null, true);

        boolean isFinal() {
            return failure == null && !cancelled;
        }
    }

    /**
     * Sends until the answer is final: a success, a refusal (returned for the caller to name), or a failure beyond
     * the retry budget (thrown).
     *
     * @param who the user or step named in messages
     */
    private Transport.Reply send(String who, Mode mode, Request request) {
        for (int attempt = 0; ; attempt++) {
            Outcome outcome = mode == Mode.HEDGED && hedging.maxHedges() > 0 ? hedged(request)
                    : attempt(exchange(request));
            if (outcome.isFinal()) {
                return Objects.requireNonNull(outcome.reply());
            }
            if ((mode == Mode.PREFLIGHT || outcome.failure() == Failure.UNREACHABLE) && outcome.reply() == null) {
                throw new TokenException.ServerUnavailable("cannot reach Supabase Auth at " + settings.url() + " ("
                        + outcome.problem() + ")");
            }
            retryOrGiveUp(who, outcome, attempt);
        }
    }

    /** Waits as the retry policy says before another try, or throws when it says to give up. */
    private void retryOrGiveUp(String who, Outcome outcome, int attempt) {
        RetryPolicy.Decision decision = settings.retry().decide(Objects.requireNonNull(outcome.failure()), attempt,
                outcome.retryAfter(), jitter());
        if (decision instanceof RetryPolicy.GiveUp giveUp) {
            String message = who + ": " + outcome.problem() + " from " + settings.url() + "; " + giveUp.reason();
            throw outcome.failure() == Failure.RATE_LIMITED ? new TokenException.RateLimitExhausted(message)
                    : new TokenException.ServerUnavailable(message);
        }
        retries.incrementAndGet();
        LOG.debug("{}: {}; retrying", who, outcome.problem());
        pause(((RetryPolicy.Retry) decision).delay());
    }

    private Transport.Exchange exchange(Request request) {
        try {
            return request.create();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    /**
     * One request through the gate: waits for the pace and a slot, sends, tells the gate what came back (a cancelled
     * copy tells nothing: its lateness says nothing about the server's load), and frees the slot.
     */
    private Outcome attempt(Transport.Exchange exchange) {
        long sentAt = acquire();
        exchange.sentAt(sentAt);
        try {
            requests.incrementAndGet();
            Transport.Reply reply = exchange.execute();
            if (exchange.cancelled()) {
                return Outcome.CANCELLED;
            }
            if (reply.ok()) {
                hedging.answered(timer.nanoTime() - sentAt);
                gate.succeeded();
                return new Outcome(reply, null, "", null, false);
            }
            Failure failure = Failure.ofStatus(reply.status());
            if (!failure.retryable()) {
                return new Outcome(reply, null, "", null, false);
            }
            Duration retryAfter = null;
            if (failure == Failure.RATE_LIMITED) {
                rateLimited.incrementAndGet();
                retryAfter = RetryAfter.parse(reply.retryAfter(), settings.clock().instant()).orElse(null);
                gate.rateLimited(sentAt, retryAfter == null ? -1 : retryAfter.toNanos());
            } else {
                gate.overloaded(sentAt);
            }
            return new Outcome(reply, failure, answer(reply), retryAfter, false);
        } catch (IOException e) {
            if (exchange.cancelled()) {
                return Outcome.CANCELLED;
            }
            Failure failure = Transport.classify(e);
            if (failure != Failure.UNREACHABLE) {
                gate.overloaded(sentAt);
            }
            return new Outcome(null, failure, http.describe(e), null, false);
        } finally {
            if (exchange.freeSlot()) {
                gate.release();
            }
        }
    }

    /**
     * A hedged request: the first copy goes out; whenever the newest copy has waited the hedging delay since it
     * passed the gate without an answer, another goes out, up to the limit, and the late one gives up its place in
     * the send window. The first final answer wins and the other copies are cancelled; if every copy failed, the
     * last failure stands for the retry policy, and if every copy is twice late, a timeout does.
     */
    private Outcome hedged(Request request) {
        CompletionService<Outcome> done = new ExecutorCompletionService<>(attempts);
        List<Transport.Exchange> copies = new ArrayList<>();
        Outcome last = null;
        try {
            launch(done, copies, request);
            int outstanding = 1;
            while (outstanding > 0) {
                Transport.Exchange newest = copies.get(copies.size() - 1);
                long waited = newest.sentAt() < 0 ? -1 : timer.nanoTime() - newest.sentAt();
                long delay = hedging.delayNanos();
                Future<Outcome> next;
                if (copies.size() > hedging.maxHedges()) {
                    // Every copy sent: the newest gives up its place in the window once late, and when it is twice
                    // late the round ends as a timeout (a per-attempt timeout that follows the server's latency;
                    // --timeout stays the ceiling), and the retry policy decides what comes next.
                    if (waited >= 2 * delay) {
                        return new Outcome(null, Failure.TIMEOUT, "no answer from " + copies.size() + " copies within "
                                + TimeUnit.NANOSECONDS.toMillis(2 * delay) + " ms", null, false);
                    }
                    if (waited >= delay && newest.freeSlot()) {
                        gate.release();
                    }
                    next = done.poll(waited < 0 ? GATE_POLL_NANOS
                            : waited < delay ? delay - waited : 2 * delay - waited, TimeUnit.NANOSECONDS);
                } else if (waited < 0) {
                    // The newest copy still waits for the gate: its lateness has not begun.
                    next = done.poll(GATE_POLL_NANOS, TimeUnit.NANOSECONDS);
                } else if (waited < delay) {
                    next = done.poll(delay - waited, TimeUnit.NANOSECONDS);
                } else {
                    // The late copy is presumed lost: it gives up its place in the window to its replacement (the
                    // replacement still waits for the pace, so hedges cannot outrun the rate control).
                    if (newest.freeSlot()) {
                        gate.release();
                    }
                    hedges.incrementAndGet();
                    launch(done, copies, request);
                    outstanding++;
                    continue;
                }
                if (next == null) {
                    continue;
                }
                outstanding--;
                Outcome outcome = next.get();
                if (outcome.isFinal()) {
                    return outcome;
                }
                if (!outcome.cancelled()) {
                    last = outcome;
                }
            }
            // Every copy was cancelled from outside: count it as a dropped connection, which the policy retries.
            return last != null ? last : new Outcome(null, Failure.CONNECTION, "every copy was cancelled", null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an answer");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            copies.forEach(Transport.Exchange::cancel);
        }
    }

    private void launch(CompletionService<Outcome> done, List<Transport.Exchange> copies, Request request) {
        Transport.Exchange copy = exchange(request);
        copies.add(copy);
        done.submit(() -> attempt(copy));
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

    /**
     * Reads the JWT's claims with nimbus, without verifying the signature: we only need its times and subject, and
     * the server that signed it is the one we asked. A token nimbus cannot parse gives no claims.
     */
    private static Wire.Claims claims(String jwt) {
        try {
            JWTClaimsSet set = JWTParser.parse(jwt).getJWTClaimsSet();
            return new Wire.Claims(set.getSubject(), seconds(set.getIssueTime()), seconds(set.getExpirationTime()));
        } catch (java.text.ParseException e) {
            return Wire.Claims.NONE;
        }
    }

    private static @Nullable Long seconds(java.util.@Nullable Date date) {
        return date == null ? null : date.getTime() / 1000;
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
