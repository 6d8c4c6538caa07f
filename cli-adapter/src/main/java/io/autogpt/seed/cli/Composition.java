package io.autogpt.seed.cli;

import io.autogpt.seed.auth.exec.RequestExecutor;
import io.autogpt.seed.auth.http.BetterAuthClient;
import io.autogpt.seed.auth.http.GoTrueClient;
import io.autogpt.seed.auth.http.GoTrueSettings;
import io.autogpt.seed.auth.mint.TokenMint;
import io.autogpt.seed.core.port.FindTestUsersPort;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.port.SaveTestUsersPort;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.jpa.DatabaseUrl;
import io.autogpt.seed.jpa.SchemaVersion;
import io.autogpt.seed.jpa.LoginUsers;
import io.autogpt.seed.jpa.SeedTargets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The one place adapters are wired to the core: which port a command writes through. */
final class Composition {
    /**
     * A configured write target and how to name it to a person (never with a password).
     *
     * @param port        where rows go
     * @param description e.g. {@code postgresql://postgres@localhost:5432/postgres (schema public, COPY)}
     */
    record SeedTarget(WriteDatasetPort port, String description) {
    }

    private Composition() {
    }

    static SeedTarget database(String url, String schemaOverride, boolean jpa, @Nullable SchemaVersion create,
                               boolean keepIndexes, @Nullable LoginUsers logins) {
        DatabaseUrl parsed = parse(url);
        if (schemaOverride != null) {
            parsed = parsed.withSchema(schemaOverride);
        }
        SeedTargets.Writer writer = jpa ? SeedTargets.Writer.JPA : SeedTargets.Writer.COPY;
        SeedTargets.Indexes indexes = keepIndexes ? SeedTargets.Indexes.KEPT : SeedTargets.Indexes.REBUILT_AFTER_LOAD;
        return new SeedTarget(SeedTargets.postgres(parsed, writer, create, indexes, logins),
                parsed.redacted() + " (schema " + parsed.schemaOrDefault() + ", " + writer
                        + (logins != null ? ", with logins" : "") + ")");
    }

    /**
     * A database days pass on, and how to name it (never with a password).
     *
     * @param port        the database's advance transactions
     * @param description e.g. {@code postgresql://postgres@localhost:5432/postgres (schema public)}
     */
    record AdvanceTarget(io.autogpt.seed.core.port.AdvanceDatasetPort port, String description) {
    }

    static AdvanceTarget advancing(String url, @Nullable String schemaOverride) {
        DatabaseUrl parsed = parse(url);
        if (schemaOverride != null) {
            parsed = parsed.withSchema(schemaOverride);
        }
        return new AdvanceTarget(SeedTargets.advancing(parsed), parsed.redacted() + " (schema "
                + parsed.schemaOrDefault() + ")");
    }

    /**
     * Where tokens come from and how to describe it.
     *
     * @param port        issues one token per call
     * @param workers     how many calls may wait on it at once
     * @param description e.g. {@code password logins at https://xyz.supabase.co (concurrency auto)}
     * @param stats       the client's counters (zeros for minting)
     * @param login       whether tokens come from a server (whose JWT lifetime we do not choose)
     * @param close       releases the port's resources
     */
    record TokenSource(IssueTokenPort port, int workers, String description, Supplier<RequestExecutor.Stats> stats,
                       boolean login, Runnable close) {
    }

    /** Password logins against Supabase Auth, checked by a pre-flight request before anything else. */
    static TokenSource logins(GoTrueSettings settings, String concurrency) {
        GoTrueClient client = checked(settings, GoTrueClient::checkKey);
        return new TokenSource(client, settings.throttle().maxWindow(), "password logins at " + settings.url()
                + " (concurrency " + concurrency + ")", client::stats, true, client::close);
    }

    /** Password logins through Better Auth at the platform frontend, checked by a pre-flight request first. */
    static TokenSource betterAuthLogins(GoTrueSettings settings, String concurrency) {
        BetterAuthClient client = BetterAuthClient.open(settings);
        try {
            client.checkServer();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new TokenSource(client, settings.throttle().maxWindow(), "password logins through Better Auth at "
                + settings.url() + " (concurrency " + concurrency + ")", client::stats, true, client::close);
    }

    /** The Supabase Auth admin client, its service key checked before anything else. */
    static GoTrueClient admin(GoTrueSettings settings) {
        return checked(settings, GoTrueClient::checkServiceKey);
    }

    /** A client that passed {@code preflight}; closed again if it did not. */
    private static GoTrueClient checked(GoTrueSettings settings, Consumer<GoTrueClient> preflight) {
        GoTrueClient client = GoTrueClient.open(settings);
        try {
            preflight.accept(client);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Tokens signed locally with a secret (HS256) or a key file (ES256/RS256/HS256). */
    static TokenSource mint(TokenMint mint, String keySource) {
        RequestExecutor.Stats none = RequestExecutor.Stats.NONE;
        return new TokenSource(mint, Math.max(1, Runtime.getRuntime().availableProcessors()),
                "minted locally (" + mint.algorithm() + ", key from " + keySource + ")", () -> none, false, () -> { });
    }

    static FindTestUsersPort platformUsers(String url) {
        return SeedTargets.platformUsers(parse(url));
    }

    static FindTestUsersPort loginUsers(String url) {
        return SeedTargets.loginUsers(parse(url));
    }

    static FindTestUsersPort betterAuthLoginUsers(String url) {
        return SeedTargets.betterAuthLoginUsers(parse(url));
    }

    static io.autogpt.seed.core.port.SigningKeysPort signingKeys(String url) {
        return SeedTargets.signingKeys(parse(url));
    }

    static SaveTestUsersPort userRows(String url, Clock clock) {
        return SeedTargets.userRows(parse(url), clock);
    }

    static String redacted(String url) {
        return DatabaseUrl.redact(url);
    }

    /** A database URL given on the command line or in $DATABASE_URL; one the parser refuses is a usage error. */
    private static DatabaseUrl parse(String url) {
        return UsageException.of(() -> DatabaseUrl.parse(url));
    }

    static SeedTarget sqlFile(Path file, String schemaOrNull, SchemaVersion version, boolean createSchema) {
        String schema = schemaOrNull == null ? DatabaseUrl.DEFAULT_SCHEMA : schemaOrNull;
        return new SeedTarget(SeedTargets.sqlFile(file, schema, version, createSchema), file + " (SQL for psql -f, schema "
                + schema + ")");
    }
}
