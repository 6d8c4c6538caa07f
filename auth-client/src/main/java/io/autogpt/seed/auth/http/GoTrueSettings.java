package io.autogpt.seed.auth.http;

import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import io.autogpt.seed.auth.policy.Hedging;
import io.autogpt.seed.auth.policy.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a Supabase project's Auth server.
 *
 * @param url             the project URL ({@code https://xyz.supabase.co} or {@code http://localhost:8000}); paths
 *                        {@code /auth/v1/...} are appended
 * @param key             the anon or service-role key, sent as {@code apikey} and as the Bearer token. A secret:
 *                        {@link #toString()} hides it
 * @param keySource       where the key came from, for messages ({@code $SUPABASE_SERVICE_KEY}); never the key
 * @param throttle        pacing and window
 * @param retry           the retry budget and backoff
 * @param connectTimeout  the longest a connection may take
 * @param responseTimeout the longest to wait for a response once sent
 * @param clock           the source of issue times for tokens whose JWT lacks {@code iat}
 * @param jitterSeed      seeds the backoff jitter; by default different in every process, so two clients do not
 *                        retry in lockstep; fix it for reproducible delays
 * @param hedging         when to send a second copy of a login that has not answered; null: derived from the
 *                        response timeout ({@link Hedging.Settings#forTimeout})
 */
public record GoTrueSettings(URI url, String key, String keySource, AdaptiveThrottle.Settings throttle,
                             RetryPolicy retry, Duration connectTimeout, Duration responseTimeout, Clock clock,
                             long jitterSeed, Hedging.@Nullable Settings hedging) {
    public GoTrueSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(clock, "clock");
        if (hasUserInfo(url.toString())) {
            throw new IllegalArgumentException("a Supabase URL must not hold a user name or password, got '"
                    + withoutUserInfo(url.toString()) + "'");
        }
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("the Supabase URL must be an http(s) URL like https://xyz.supabase.co, got '"
                    + url + "'");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException(keySource + " is empty");
        }
    }

    /**
     * Defaults: adaptive window up to 32, 10 retries, 5 s to connect, 30 s for an answer, hedged logins, system clock,
     * a jitter seed of this process's own.
     */
    public static GoTrueSettings of(URI url, String key, String keySource) {
        return new GoTrueSettings(url, key, keySource, AdaptiveThrottle.Settings.adaptive(32), RetryPolicy.of(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC(),
                ProcessHandle.current().pid() * 0x9E3779B97F4A7C15L ^ System.nanoTime(), null);
    }

    public GoTrueSettings withJitterSeed(long value) {
        return new GoTrueSettings(url, key, keySource, throttle, retry, connectTimeout, responseTimeout, clock, value,
                hedging);
    }

    public GoTrueSettings withHedging(Hedging.Settings value) {
        return new GoTrueSettings(url, key, keySource, throttle, retry, connectTimeout, responseTimeout, clock,
                jitterSeed, value);
    }

    /** The hedging in force: as set, else derived from the response timeout. */
    public Hedging.Settings effectiveHedging() {
        return hedging != null ? hedging : Hedging.Settings.forTimeout(responseTimeout);
    }

    public GoTrueSettings withThrottle(AdaptiveThrottle.Settings value) {
        return new GoTrueSettings(url, key, keySource, value, retry, connectTimeout, responseTimeout, clock, jitterSeed,
                hedging);
    }

    public GoTrueSettings withRetry(RetryPolicy value) {
        return new GoTrueSettings(url, key, keySource, throttle, value, connectTimeout, responseTimeout, clock, jitterSeed,
                hedging);
    }

    public GoTrueSettings withTimeouts(Duration connect, Duration response) {
        return new GoTrueSettings(url, key, keySource, throttle, retry, connect, response, clock, jitterSeed,
                hedging);
    }

    public GoTrueSettings withClock(Clock value) {
        return new GoTrueSettings(url, key, keySource, throttle, retry, connectTimeout, responseTimeout, value, jitterSeed,
                hedging);
    }

    /**
     * Whether {@code url} holds user-info ({@code user:password@}): any {@code @} after the scheme, which a project
     * URL never has. The {@code @} decides, not a URI parser: a password with {@code / ? #} in it moves where a parser
     * thinks the host is, and the user-info with it.
     */
    public static boolean hasUserInfo(String url) {
        int scheme = url.indexOf("://");
        return url.indexOf('@', scheme < 0 ? 0 : scheme + 3) >= 0;
    }

    /**
     * {@code url} as a message may show it when it {@linkplain #hasUserInfo holds user-info}: its scheme, then
     * whatever follows the last {@code @} up to a query or fragment ({@code https://xyz.supabase.co/path}); nothing
     * of the user-info, however its password is spelled.
     */
    public static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = url.lastIndexOf('@');
        String rest = url.substring(Math.max(start, at + 1));
        int end = rest.length();
        for (char c : new char[] {'?', '#'}) {
            int i = rest.indexOf(c);
            end = i >= 0 && i < end ? i : end;
        }
        return url.substring(0, start) + rest.substring(0, end);
    }

    /** The base URL without a trailing slash. */
    String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "GoTrueSettings[url=" + url + ", key=*** (" + keySource + "), throttle=" + throttle + ", retry=" + retry
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + "]";
    }
}
