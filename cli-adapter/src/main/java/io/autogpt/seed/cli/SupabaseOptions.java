package io.autogpt.seed.cli;

import io.autogpt.seed.auth.http.GoTrueSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;
import org.jspecify.annotations.Nullable;

/** Where Supabase is and which environment variable holds its key; shared by {@code tokens} and {@code users}. */
final class SupabaseOptions {
    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

    @Option(names = "--supabase-url", paramLabel = "URL",
            description = "Supabase project URL (https://xyz.supabase.co). Default: $SUPABASE_URL.")
    @Nullable String url;

    @Option(names = "--key-env", paramLabel = "NAME", defaultValue = "SUPABASE_SERVICE_KEY",
            description = "Environment variable holding the API key (never the key itself). Default: ${DEFAULT-VALUE}.")
    String keyEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest wait for one answer (connecting: at most 5 s). Default: ${DEFAULT-VALUE}.")
    String timeout;

    /** The URL, or null when neither the option nor $SUPABASE_URL gives one. */
    @Nullable URI urlOrNull(Map<String, String> env) {
        String text = url != null ? url : env.get("SUPABASE_URL");
        if (text == null || text.isBlank()) {
            return null;
        }
        if (GoTrueSettings.hasUserInfo(text)) {
            throw new UsageException("--supabase-url must not hold a user name or password (the key goes in the "
                    + "variable --key-env names), got '" + GoTrueSettings.withoutUserInfo(text.trim()) + "'");
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(text, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--supabase-url must be a URL like https://xyz.supabase.co, got '"
                    + io.autogpt.seed.jpa.DatabaseUrl.redact(text) + "'");
        }
    }

    /** A longer wait is a mistake: a load test's token step would hang for it. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    URI url(Map<String, String> env) {
        URI uri = urlOrNull(env);
        if (uri == null) {
            throw new UsageException("no Supabase URL: pass --supabase-url or set SUPABASE_URL");
        }
        return uri;
    }

    /** Where and how to reach Supabase Auth: URL, key, timeouts (connecting: at most 5 s), clock. */
    GoTrueSettings settings(Map<String, String> env, Clock clock) {
        Duration response = Durations.parse("--timeout", timeout, MAX_TIMEOUT);
        Duration connect = response.compareTo(MAX_CONNECT) < 0 ? response : MAX_CONNECT;
        URI url = url(env);
        String key = key(env);
        return UsageException.of("--supabase-url", () -> GoTrueSettings.of(url, key, "$" + keyEnv).withTimeouts(connect, response)
                .withClock(clock));
    }

    /**
     * How to reach Better Auth at the frontend {@code url}: the same timeouts as for Supabase; Better Auth has no API
     * key, so a placeholder stands in for it and is never sent.
     */
    GoTrueSettings betterAuthSettings(URI url, Clock clock) {
        Duration response = Durations.parse("--timeout", timeout, MAX_TIMEOUT);
        Duration connect = response.compareTo(MAX_CONNECT) < 0 ? response : MAX_CONNECT;
        return UsageException.of("--auth-url", () -> GoTrueSettings.of(url, "none", "no key (Better Auth)")
                .withTimeouts(connect, response).withClock(clock));
    }

    /** The key from the environment; the message names the variable, never a value. */
    String key(Map<String, String> env) {
        return Secrets.fromEnv(env, keyEnv, "--key-env", "the project's API key (service_role for users)");
    }
}
