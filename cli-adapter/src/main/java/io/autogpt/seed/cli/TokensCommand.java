package io.autogpt.seed.cli;

import io.autogpt.seed.auth.file.K6TokenStore;
import io.autogpt.seed.auth.file.TokenFiles;
import io.autogpt.seed.auth.http.GoTrueSettings;
import io.autogpt.seed.auth.mint.TokenMint;
import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import io.autogpt.seed.auth.policy.RetryPolicy;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.core.run.MakeTokens;
import io.autogpt.seed.core.token.TokenJob;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autogpt-seed tokens}: pre-authenticated tokens for AutoGPT's k6 load tests. */
@Command(name = "tokens", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        header = "Makes the pre-authenticated tokens k6 tests import.",
        description = {"Logs test users in against Supabase Auth (or signs tokens locally with --mint) and writes the",
                "k6 module AutoGPT's load tests import, plus a JSON data file. Progress is checkpointed: after a crash",
                "or Ctrl-C, --resume continues without asking again for tokens it already holds."})
final class TokensCommand implements Callable<Integer> {
    /** A million tokens is a large load test's worth; more is a typo (and memory: every token is held). */
    static final int MAX_COUNT = 1_000_000;
    static final int MAX_RETRIES = 100;
    /** Supabase's own JWT expiry tops out at a week; a year leaves room and catches typos. */
    static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final Map<String, String> env;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SupabaseOptions supabase = new SupabaseOptions();

    @Mixin
    TestUserOptions testUsers = new TestUserOptions();

    @Option(names = "--count", paramLabel = "N", defaultValue = "150",
            description = "Tokens to obtain, round-robin over the users. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--concurrency", paramLabel = "N|auto", defaultValue = "auto",
            description = "Requests in flight: a fixed N, or auto (8, adapting up to 32). Default: ${DEFAULT-VALUE}.")
    String concurrency;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "10",
            description = "Retries per token after 429, 5xx, timeouts and dropped connections. Default: ${DEFAULT-VALUE}.")
    int maxRetries;

    @Option(names = "--expires-in", paramLabel = "DURATION",
            description = "Lifetime of minted tokens (3600, 90m, 8h). Default: 1h. Logins get the server's lifetime.")
    @Nullable String expiresIn;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = TokenFiles.DEFAULT_MODULE,
            description = "The k6 module; the .json data file and the checkpoint go beside it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted run from its checkpoint.")
    boolean resume;

    @Option(names = "--mint", description = "Sign tokens locally instead of logging in: no server, no rate limit.")
    boolean mint;

    @Option(names = "--jwt-secret-env", paramLabel = "NAME",
            description = "With --mint: environment variable holding the JWT secret (HS256). Default: SUPABASE_JWT_SECRET.")
    @Nullable String jwtSecretEnv;

    @Option(names = "--jwt-key-file", paramLabel = "FILE",
            description = "With --mint: private signing key, JWK or PKCS#8 PEM (ES256/RS256).")
    @Nullable Path jwtKeyFile;

    @Option(names = "--auth-url", paramLabel = "URL",
            description = {"The platform frontend's base URL (Better Auth, the platform's auth since mid-2026): log in",
                    "there (sign-in, then /api/auth/token) instead of Supabase Auth. With",
                    "--mint: ES256 tokens as the frontend signs them (iss = this URL), with a key the tool creates",
                    "and publishes as a \"UserAuthJwks\" row in --db."})
    @Nullable String authUrl;

    @Option(names = "--jwt-key-env", paramLabel = "NAME",
            description = "With --mint --auth-url or --revoke-key: environment variable holding the private key (JWK).")
    @Nullable String jwtKeyEnv;

    @Option(names = "--revoke-key", description = {"Remove the minting key (--jwt-key-file, default beside --out, or",
            "--jwt-key-env) from the JWKS in --db: every token signed with it stops verifying."})
    boolean revokeKey;

    @Option(names = "--users-from-db", paramLabel = "URL",
            description = {"Take the users from this platform database (e.g. seeded ones), up to --count, by email:",
                    "with --mint every \"User\"; for password logins those with a Supabase Auth account",
                    "(seed --auth-users), or a Better Auth one with --auth-url, all with the password in --password-env."})
    @Nullable String usersFromDb;

    @Option(names = "--db", paramLabel = "URL",
            description = {"With --mint for pattern or file users: first create their platform \"User\" rows here",
                    "(ids derived as in the tokens). Without it the platform has no row for them: only",
                    "POST /api/auth/user creates one, and every other endpoint fails on the foreign key.",
                    "With --auth-url or --revoke-key: the platform database whose \"UserAuthJwks\" gets the key."})
    @Nullable String db;

    TokensCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (revokeKey) {
            return revoke();
        }
        checkOptions();
        K6TokenStore store = new K6TokenStore(TokenFiles.Paths.of(out));
        TokenFiles.Paths paths = store.paths();
        MakeTokens makeTokens = new MakeTokens(store, clock);
        MakeTokens.Held held = heldTokens(makeTokens, paths);
        List<TestUser> users = users();
        List<TokenJob> jobs = TokenJob.roundRobin(users, count);
        int kept = held.forJobs(jobs).size();
        Composition.TokenSource source = source();
        String userRows = mint && usersFromDb == null ? platformRows(users) : null;
        TokenProgress progress = new TokenProgress(StatusLine.forConsole(spec.commandLine().getErr()), jobs.size(),
                kept, source.stats());
        List<IssuedToken> tokens;
        // On Ctrl-C the JVM runs shutdown hooks only: say where the tokens so far are.
        Thread onInterrupt = new Thread(() -> {
            progress.finished();
            spec.commandLine().getErr().println("interrupted: tokens obtained so far are kept in "
                    + paths.checkpoint() + "; rerun with --resume to continue");
            spec.commandLine().getErr().flush();
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            tokens = makeTokens.make(jobs, held, source.port(), source.workers(), progress);
        } catch (TokenException e) {
            progress.finished();
            throw new TokensKept(e, paths.checkpoint());
        } finally {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
            source.close().run();
        }
        new TokenSummary(spec.commandLine().getOut()).print(tokens, kept, progress.seconds(), source, paths,
                clock.instant(), userRows);
        return ExitCodes.OK;
    }

    private void checkOptions() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (authUrl != null && !mint) {
            checkBetterAuthLogin(given);
        } else if (authUrl != null) {
            checkBetterAuthMint(given);
        } else if (jwtKeyEnv != null) {
            throw new UsageException("--jwt-key-env holds a Better Auth minting key: it needs --mint --auth-url "
                    + "(or --revoke-key)");
        }
        if (db != null && usersFromDb != null && authUrl == null) {
            throw new UsageException("--db creates rows for pattern or file users; --users-from-db picks users that "
                    + "have rows already: give one");
        }
        if (!mint) {
            for (String mintOnly : new String[] {"--jwt-secret-env", "--jwt-key-file", "--expires-in", "--db"}) {
                if (given.hasMatchedOption(mintOnly)) {
                    throw new UsageException(mintOnly + " needs --mint"
                            + ("--expires-in".equals(mintOnly) ? ": password logins get the server's JWT lifetime "
                            + "(GoTrue ignores a requested expiry)" : ""));
                }
            }
        } else {
            if (jwtSecretEnv != null && jwtKeyFile != null) {
                throw new UsageException("--jwt-secret-env and --jwt-key-file exclude each other");
            }
            for (String loginOnly : new String[] {"--concurrency", "--max-retries", "--timeout", "--key-env",
                    "--password-env"}) {
                if (given.hasMatchedOption(loginOnly)) {
                    throw new UsageException(loginOnly + " is about logging in: it has no effect with --mint");
                }
            }
        }
        if (usersFromDb != null && (given.hasMatchedOption("--users-file") || given.hasMatchedOption("--email-pattern")
                || given.hasMatchedOption("--range"))) {
            throw new UsageException("--users-from-db picks the users: it cannot be combined with "
                    + "--users-file, --email-pattern or --range");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new UsageException("--count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new UsageException("--max-retries must be between 0 and " + MAX_RETRIES + ", got " + maxRetries);
        }
        if (!out.getFileName().toString().endsWith(".js")) {
            throw new UsageException("--out must name a .js file (the k6 module), got " + out);
        }
    }

    /** {@code --auth-url} without {@code --mint}: password logins through Better Auth, which has no API key. */
    private void checkBetterAuthLogin(CommandLine.ParseResult given) {
        for (String supabaseOnly : new String[] {"--supabase-url", "--key-env", "--jwt-key-env"}) {
            if (given.hasMatchedOption(supabaseOnly)) {
                throw new UsageException("--auth-url logs in through Better Auth; " + supabaseOnly + " is "
                        + ("--jwt-key-env".equals(supabaseOnly) ? "for --mint or --revoke-key" : "for Supabase Auth"));
            }
        }
    }

    private void checkBetterAuthMint(CommandLine.ParseResult given) {
        if (db == null) {
            throw new UsageException("--mint --auth-url needs --db URL: the platform database whose \"UserAuthJwks\" "
                    + "table publishes the minting key");
        }
        if (jwtSecretEnv != null || given.hasMatchedOption("--supabase-url")) {
            throw new UsageException("--auth-url mints ES256 tokens for Better Auth; --jwt-secret-env and "
                    + "--supabase-url are for Supabase Auth");
        }
        if (jwtKeyEnv != null && jwtKeyFile != null) {
            throw new UsageException("--jwt-key-env and --jwt-key-file exclude each other");
        }
    }

    /** {@code --revoke-key}: deletes the minting key's JWKS row, which revokes every token signed with it. */
    private int revoke() {
        if (db == null) {
            throw new UsageException("--revoke-key needs --db URL: the platform database that publishes the key");
        }
        if (mint) {
            throw new UsageException("--revoke-key removes a key; it cannot be combined with --mint");
        }
        io.autogpt.seed.auth.mint.BetterAuthKey key = UsageException.of(this::existingKey);
        boolean removed = Composition.signingKeys(db).remove(key.keyId());
        spec.commandLine().getOut().println(removed
                ? "removed minting key " + key.keyId() + " from " + Composition.redacted(db) + ": tokens signed with it "
                        + "no longer verify (the backend refetches the JWKS on an unknown kid, else within its 1 h cache)"
                : "no minting key " + key.keyId() + " in " + Composition.redacted(db) + ": nothing to revoke");
        return ExitCodes.OK;
    }

    private Path mintKeyFile() {
        if (jwtKeyFile != null) {
            return jwtKeyFile;
        }
        String name = out.getFileName().toString();
        return out.resolveSibling(name.substring(0, name.length() - ".js".length()) + ".mint-key.jwk");
    }

    private io.autogpt.seed.auth.mint.BetterAuthKey existingKey() {
        if (jwtKeyEnv != null) {
            String text = Secrets.fromEnv(env, jwtKeyEnv, "--jwt-key-env", "the minting key (private JWK)");
            return io.autogpt.seed.auth.mint.BetterAuthKey.parse(text, "$" + jwtKeyEnv);
        }
        Path file = mintKeyFile();
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalArgumentException("no minting key at " + file + ": name it with --jwt-key-file");
        }
        return io.autogpt.seed.auth.mint.BetterAuthKey.read(file);
    }

    /**
     * Minted tokens name users by id; the platform serves a user only once its {@code "User"} row exists. With
     * {@code --db}, the rows of these users (derived ids, as the tokens carry) are created first; without it, one
     * warning line says what will fail and how to avoid it.
     *
     * @return the summary's line about the rows, or null when none were written
     */
    private @Nullable String platformRows(List<TestUser> users) {
        if (db == null) {
            spec.commandLine().getErr().println("warning: the platform has no \"User\" row for these users: only "
                    + "POST /api/auth/user creates one, every other endpoint fails for them; add --db URL to create "
                    + "the rows, or mint for existing users with --users-from-db URL");
            spec.commandLine().getErr().flush();
            return null;
        }
        List<TestUser> withIds = users.stream().map(u -> u.withUserId(u.idOrDerived())).toList();
        int created = Composition.userRows(db, clock).save(withIds);
        return String.format("%,d created, %,d existed, in %s", created, withIds.size() - created,
                Composition.redacted(db));
    }

    /** Tokens from an interrupted run, still valid for a while; refuses to overwrite them without --resume. */
    private MakeTokens.Held heldTokens(MakeTokens makeTokens, TokenFiles.Paths paths) {
        try {
            return makeTokens.held(resume);
        } catch (MakeTokens.UnfinishedRunException e) {
            throw new UsageException("an interrupted run left " + e.tokens() + " tokens in " + paths.checkpoint()
                    + ": add --resume to keep them, or delete that file");
        }
    }

    private List<TestUser> users() {
        if (usersFromDb != null) {
            // Minting needs only the users; password logins need their accounts and the password the seed gave all.
            String password = mint ? null : testUsers.password(env);
            List<TestUser> found = (mint ? Composition.platformUsers(usersFromDb)
                    : authUrl != null ? Composition.betterAuthLoginUsers(usersFromDb)
                    : Composition.loginUsers(usersFromDb)).find(count);
            if (found.isEmpty()) {
                throw new UsageException(mint
                        ? "no users in " + Composition.redacted(usersFromDb) + "; seed it first (autogpt-seed seed)"
                        : "no users who can log in" + (authUrl != null ? " through Better Auth" : "") + " in "
                                + Composition.redacted(usersFromDb)
                                + "; seed them with logins first (autogpt-seed seed --auth-users)");
            }
            return found.stream().map(u -> new TestUser(u.email(), password, u.userId())).toList();
        }
        return testUsers.users(env, !mint);
    }

    private Composition.TokenSource source() {
        if (mint) {
            return UsageException.of(this::mintSource);
        }
        AdaptiveThrottle.Settings throttle = throttle();
        RetryPolicy retry = UsageException.of("--max-retries", () -> RetryPolicy.of(maxRetries));
        if (authUrl != null) {
            URI frontend = URI.create(frontendUrl(authUrl));
            GoTrueSettings settings = supabase.betterAuthSettings(frontend, clock).withThrottle(throttle)
                    .withRetry(retry);
            return Composition.betterAuthLogins(settings, concurrency.toLowerCase(java.util.Locale.ROOT));
        }
        GoTrueSettings settings = supabase.settings(env, clock).withThrottle(throttle).withRetry(retry);
        return Composition.logins(settings, concurrency.toLowerCase(java.util.Locale.ROOT));
    }

    private Composition.TokenSource mintSource() {
        if (authUrl != null) {
            return betterAuthMint(authUrl);
        }
        URI url = supabase.urlOrNull(env);
        String issuer = url == null ? "supabase" : url.toString().replaceAll("/+$", "") + "/auth/v1";
        Duration lifetime = expiresIn == null ? Duration.ofHours(1) : Durations.parse("--expires-in", expiresIn,
                MAX_LIFETIME);
        TokenMint.Settings settings = new TokenMint.Settings(issuer, lifetime, clock);
        Path keyFile = jwtKeyFile;
        if (keyFile != null) {
            return Composition.mint(UsageException.of("--jwt-key-file", () -> TokenMint.withKeyFile(keyFile,
                    settings)), keyFile.toString());
        }
        String name = jwtSecretEnv == null ? "SUPABASE_JWT_SECRET" : jwtSecretEnv;
        String secret = Secrets.fromEnv(env, name, "--jwt-secret-env", "the project's JWT secret");
        return Composition.mint(TokenMint.withSecret(secret.getBytes(StandardCharsets.UTF_8), "$" + name,
                settings), "$" + name);
    }

    /**
     * ES256 tokens as Better Auth signs them: the key from --jwt-key-env or the key file (created, 0600, when
     * missing), its public half published in --db's {@code "UserAuthJwks"} (once; dated so the server never signs
     * with it).
     */
    private Composition.TokenSource betterAuthMint(String frontend) {
        String issuer = frontendUrl(frontend);
        Duration lifetime = expiresIn == null ? Duration.ofHours(1) : Durations.parse("--expires-in", expiresIn,
                MAX_LIFETIME);
        Path file = mintKeyFile();
        io.autogpt.seed.auth.mint.BetterAuthKey key = jwtKeyEnv == null && !java.nio.file.Files.exists(file)
                ? io.autogpt.seed.auth.mint.BetterAuthKey.generate(file) : existingKey();
        boolean added = Composition.signingKeys(java.util.Objects.requireNonNull(db, "db")).install(key.keyId(),
                key.publicJwk());
        spec.commandLine().getErr().println("minting key " + key.keyId() + " (private key in " + key.source()
                + (key.source().startsWith("$") ? "" : ", mode 0600") + ") " + (added ? "published" : "already published")
                + " in " + Composition.redacted(db) + "; revoke it with: tokens --revoke-key --db URL"
                + (jwtKeyEnv != null ? " --jwt-key-env " + jwtKeyEnv : " --jwt-key-file " + file));
        spec.commandLine().getErr().flush();
        return Composition.mint(TokenMint.forBetterAuth(key, new TokenMint.Settings(issuer, lifetime, clock)),
                key.source());
    }

    /** {@code --auth-url} without trailing slashes; anything but an http(s) URL without user-info is a usage error. */
    private static String frontendUrl(String frontend) {
        String url = frontend.strip().replaceAll("/+$", "");
        if (!url.matches("https?://[^/@\\s]+(/\\S*)?")) {
            throw new UsageException("--auth-url must be the frontend's base URL like https://platform.example.com, "
                    + "got '" + io.autogpt.seed.jpa.DatabaseUrl.redact(frontend) + "'");
        }
        return url;
    }

    private AdaptiveThrottle.Settings throttle() {
        AdaptiveThrottle.Settings throttle;
        if ("auto".equalsIgnoreCase(concurrency)) {
            throttle = AdaptiveThrottle.Settings.adaptive(32);
        } else {
            try {
                int n = Integer.parseInt(concurrency.trim());
                if (n < 1 || n > 1024) {
                    throw new NumberFormatException();
                }
                throttle = AdaptiveThrottle.Settings.fixed(n);
            } catch (NumberFormatException e) {
                throw new UsageException("--concurrency must be auto or a number from 1 to 1024, got '"
                        + concurrency + "'");
            }
        }
        return throttle;
    }

    /** A failed harvest whose tokens so far wait in the checkpoint; its cause is the failure. */
    static final class TokensKept extends RuntimeException {
        TokensKept(TokenException reason, Path checkpoint) {
            super(reason.getMessage() + " (tokens obtained so far are kept in " + checkpoint
                    + "; rerun with --resume to continue)", reason);
        }
    }
}
