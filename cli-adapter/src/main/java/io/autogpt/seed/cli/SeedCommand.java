package io.autogpt.seed.cli;

import io.autogpt.seed.core.plan.ActivityProfile;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.EncryptionKey;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.jpa.LoginUsers;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedReport;
import io.autogpt.seed.core.run.SeedRunner;
import io.autogpt.seed.jpa.SchemaVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code autogpt-seed seed}: writes a deterministic dataset into a database or a SQL file. */
@Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        header = "Fills a platform database with realistic data.",
        description = {"Seeds an AutoGPT platform database with realistic, consistent data, in one transaction.",
                "The same --seed and --now give the same rows. Rerunning a seed changes nothing; --reset reseeds it."})
final class SeedCommand implements Callable<Integer> {
    static final String DEFAULT_DB = DatabaseOptions.DEFAULT_DB;

    /** How rows reach a database. */
    enum WriterChoice { COPY, JPA }

    /** The variable the platform reads its encryption key from, and so do we. */
    static final String ENCRYPTION_KEY = "ENCRYPTION_KEY";
    private final Map<String, String> env;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Time anchor, ISO-8601 (2025-06-01T12:00:00Z); every timestamp lies before it. Default: now.")
    String now;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "Multiplies users (1 = the original script's 100 users). Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--users", paramLabel = "N", description = "User count; overrides --scale for users.")
    Long users;

    @Option(names = "--slice", paramLabel = "FROM..TO",
            description = {"Only users FROM to TO, both included (as --range), and what they own: whole cohorts,",
                    "e.g. 0..99, 100..299. Any set of slices loads in any order, or at once, into one database."})
    String slice;

    @Option(names = "--shard", paramLabel = "I/N",
            description = {"Only part I of N near-equal parts of the users (I from 0 to N-1, as a Kubernetes",
                    "Indexed Job's completion index), in whole cohorts. Shards load alone, in any order or at once."})
    String shard;

    @Option(names = "--cohort-users", paramLabel = "N",
            description = {"Users per cohort: users only review, list and add to their libraries the agents of",
                    "their own cohort, which makes a cohort the unit of --slice and --shard. Default: 100."})
    Integer cohortUsers;

    @Option(names = "--writer", paramLabel = "copy|jpa", defaultValue = "COPY",
            description = "copy (PostgreSQL COPY, fastest) or jpa (EclipseLink batches). Default: copy.")
    WriterChoice writer;

    @Option(names = "--keep-indexes", description = {"Load every table with its indexes and foreign keys in place,",
            "checked row by row. Default: empty tables are loaded bare and their indexes and keys",
            "built again from the catalog before commit, as pg_restore does (same rows, faster)."})
    boolean keepIndexes;

    @Option(names = "--auth-users", description = {"Also give every seeded user a login with the user's id, email",
            "confirmed, the password in --password-env: in Better Auth (today's platform: \"UserAuthIdentity\"",
            "and a credential \"UserAuthAccount\" in the schema), in Supabase Auth (older platforms: auth.users,",
            "auth.identities), or both where the target has both. A target with neither is refused;",
            "--reset removes the logins too."})
    boolean authUsers;

    @Option(names = "--admin-share", paramLabel = "P", description = {"With --auth-users: the share of users, 0 to 1,",
            "whose Better Auth identity has role admin (the same users on every run). Default: 0."})
    Double adminShare;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "With --auth-users: environment variable holding the seeded users' password. "
                    + "Default: LOADTEST_PASSWORD.")
    String passwordEnv;

    @Option(names = "--verbose", description = {"Also print how the run goes about it: which tables load bare and why",
            "others keep their indexes, how long rebuilding indexes and foreign keys takes."})
    boolean verbose;

    @Option(names = "--create-schema", description = {"Create what is missing of the schema: enums, tables, constraints,",
            "indexes, views, functions and triggers of --schema-version."})
    boolean createSchema;

    @Option(names = "--schema-version", paramLabel = "NAME", description = {
            "The platform schema --create-schema creates and --out writes: original, platform-2026-01,",
            "platform-upstream-2026 or platform-2026-09. Default: the newest (platform-2026-09). An existing",
            "schema is matched as it is."})
    String schemaVersion;

    @Option(names = "--reset", description = "Remove the rows an earlier run of this seed created, then seed again.")
    boolean reset;

    @Option(names = "--out", paramLabel = "FILE", description = "Write a SQL file for psql -f instead of connecting.")
    Path out;

    @CommandLine.ArgGroup(exclusive = false, heading = "%nCounts per parent (ranges like 1..5 or a number):%n")
    Counts counts = new Counts();

    /** The per-parent ranges; unset ones keep the original script's values. */
    static final class Counts {
        @Option(names = "--graphs-per-user", paramLabel = "RANGE", description = "Default: 1..5.")
        String graphsPerUser;
        @Option(names = "--nodes-per-graph", paramLabel = "RANGE", description = "Default: 2..5.")
        String nodesPerGraph;
        @Option(names = "--presets-per-user", paramLabel = "RANGE", description = "Default: 1..5.")
        String presetsPerUser;
        @Option(names = "--library-agents-per-user", paramLabel = "RANGE", description = "Default: 1..10.")
        String libraryAgentsPerUser;
        @Option(names = "--executions-per-graph", paramLabel = "RANGE", description = "Default: 1..20.")
        String executionsPerGraph;
        @Option(names = "--reviews-per-version", paramLabel = "RANGE", description = "Default: 1..5.")
        String reviewsPerVersion;
        @Option(names = "--credit-transactions-per-user", paramLabel = "RANGE", description = "Default: 1.")
        String creditTransactionsPerUser;
        @Option(names = "--analytics-per-user", paramLabel = "RANGE", description = "Default: 1.")
        String analyticsPerUser;
        @Option(names = "--api-keys-per-user", paramLabel = "RANGE", description = "Default: 1.")
        String apiKeysPerUser;
        @Option(names = "--webhooks-per-user", paramLabel = "RANGE", description = "Default: 1..3.")
        String webhooksPerUser;
        @Option(names = "--library-folders-per-user", paramLabel = "RANGE", description = "Default: 0..4.")
        String libraryFoldersPerUser;
        @Option(names = "--workspace-files-per-user", paramLabel = "RANGE", description = "Default: 0..6.")
        String workspaceFilesPerUser;
        @Option(names = "--chats-per-user", paramLabel = "RANGE", description = "CoPilot conversations. Default: 0..3.")
        String chatsPerUser;
        @Option(names = "--turns-per-chat", paramLabel = "RANGE", description = "Default: 1..4.")
        String turnsPerChat;
        @Option(names = "--notifications-per-user", paramLabel = "RANGE", description = "Default: 0..6.")
        String notificationsPerUser;
        @Option(names = "--key-values-per-user", paramLabel = "RANGE", description = "Default: 0..3.")
        String keyValuesPerUser;
        @Option(names = "--store-searches-per-user", paramLabel = "RANGE", description = "Default: 0..5.")
        String storeSearchesPerUser;
        @Option(names = "--builder-searches-per-user", paramLabel = "RANGE", description = "Default: 0..4.")
        String builderSearchesPerUser;
        @Option(names = "--grants-per-oauth-app", paramLabel = "RANGE", description = "Default: 1..5.")
        String grantsPerApp;
        @Option(names = "--understanding-share", paramLabel = "P", description = "Default: 0.5.")
        Double understandingShare;
        @Option(names = "--refund-share", paramLabel = "P", description = "Default: 0.1.")
        Double refundShare;
        @Option(names = "--reviewed-run-share", paramLabel = "P", description = "Default: 0.05.")
        Double reviewedRunShare;
        @Option(names = "--oauth-app-share", paramLabel = "P", description = "Default: 0.1.")
        Double oauthAppShare;
        @Option(names = "--shared-org-share", paramLabel = "P",
                description = "Share of users also in a shared organisation of their cohort (platform-2026-09). "
                        + "Default: 0.3.")
        Double sharedOrgShare;
        @Option(names = "--onboarding-share", paramLabel = "P", description = "Default: 0.7.")
        Double onboardingShare;
        @Option(names = "--webhook-share", paramLabel = "P", description = "Default: 0.3.")
        Double webhookShare;

        ScaleProfile apply(ScaleProfile base) {
            return base.toBuilder()
                    .graphsPerUser(range(graphsPerUser, base.graphsPerUser()))
                    .nodesPerGraph(range(nodesPerGraph, base.nodesPerGraph()))
                    .presetsPerUser(range(presetsPerUser, base.presetsPerUser()))
                    .libraryAgentsPerUser(range(libraryAgentsPerUser, base.libraryAgentsPerUser()))
                    .executionsPerGraph(range(executionsPerGraph, base.executionsPerGraph()))
                    .reviewsPerVersion(range(reviewsPerVersion, base.reviewsPerVersion()))
                    .creditTransactionsPerUser(range(creditTransactionsPerUser, base.creditTransactionsPerUser()))
                    .analyticsPerUser(range(analyticsPerUser, base.analyticsPerUser()))
                    .apiKeysPerUser(range(apiKeysPerUser, base.apiKeysPerUser()))
                    .webhooksPerUser(range(webhooksPerUser, base.webhooksPerUser()))
                    .onboardingShare(share(onboardingShare, base.onboardingShare()))
                    .webhookShare(share(webhookShare, base.webhookShare()))
                    .libraryFoldersPerUser(range(libraryFoldersPerUser, base.libraryFoldersPerUser()))
                    .workspaceFilesPerUser(range(workspaceFilesPerUser, base.workspaceFilesPerUser()))
                    .activity(activity(base.activity()))
                    .build();
        }

        private ActivityProfile activity(ActivityProfile base) {
            return base.toBuilder()
                    .chatsPerUser(range(chatsPerUser, base.chatsPerUser()))
                    .turnsPerChat(range(turnsPerChat, base.turnsPerChat()))
                    .understandingShare(share(understandingShare, base.understandingShare()))
                    .notificationsPerUser(range(notificationsPerUser, base.notificationsPerUser()))
                    .keyValuesPerUser(range(keyValuesPerUser, base.keyValuesPerUser()))
                    .refundShare(share(refundShare, base.refundShare()))
                    .reviewedRunShare(share(reviewedRunShare, base.reviewedRunShare()))
                    .storeSearchesPerUser(range(storeSearchesPerUser, base.storeSearchesPerUser()))
                    .builderSearchesPerUser(range(builderSearchesPerUser, base.builderSearchesPerUser()))
                    .oauthAppShare(share(oauthAppShare, base.oauthAppShare()))
                    .grantsPerOauthApp(range(grantsPerApp, base.grantsPerOauthApp()))
                    .sharedOrgShare(share(sharedOrgShare, base.sharedOrgShare()))
                    .build();
        }

        private static double share(Double given, double fallback) {
            return given == null ? fallback : given;
        }

        private static IntRange range(String text, IntRange fallback) {
            return text == null ? fallback : IntRange.parse(text);
        }
    }

    SeedCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (verbose) {
            // Read when the adapters' loggers are made, which is after this: their info lines go to stderr too.
            System.setProperty("org.slf4j.simpleLogger.log.io.autogpt.seed", "info");
        }
        SeedPlan plan = withEncryptionKey(UsageException.of(this::plan));
        if (out != null) {
            CommandLine.ParseResult given = spec.commandLine().getParseResult();
            for (String databaseOnly : new String[] {"--reset", "--db", "--writer", "--keep-indexes", "--auth-users"}) {
                if (given.hasMatchedOption(databaseOnly)) {
                    throw new UsageException(databaseOnly + " needs a database: it cannot be combined "
                            + "with --out");
                }
            }
        }
        if (passwordEnv != null && !authUsers) {
            throw new UsageException("--password-env names the password of --auth-users logins: add --auth-users");
        }
        if (adminShare != null && !authUsers) {
            throw new UsageException("--admin-share chooses admins among --auth-users logins: add --auth-users");
        }
        if (adminShare != null && !(adminShare >= 0 && adminShare <= 1)) {
            throw new UsageException("--admin-share is a share between 0 and 1, not " + adminShare);
        }
        LoginUsers logins = authUsers && out == null ? new LoginUsers(PasswordHash.bcrypt(Secrets.fromEnv(env,
                passwordEnv == null ? "LOADTEST_PASSWORD" : passwordEnv, "--password-env",
                "the seeded users' password"), "--password-env"), adminShare == null ? 0 : adminShare) : null;
        SchemaVersion version = schemaVersion();
        if (schemaVersion != null && !createSchema && out == null) {
            throw new UsageException("--schema-version chooses what --create-schema creates or --out writes; an "
                    + "existing schema is matched as it is");
        }
        Composition.SeedTarget target = out != null
                ? Composition.sqlFile(out, database.schema, version, createSchema)
                : Composition.database(database.url(env), database.schema, writer == WriterChoice.JPA,
                        createSchema ? version : null, keepIndexes, logins);
        PrintWriter stdout = spec.commandLine().getOut();
        // The warm-up makes the tables of the version created or written (today's for a schema as it is): the plan's
        // own rules are the early-2026 ones until the target fits it, and those lack today's tables.
        SeedProgress progress = warmUp(plan.withRules(version.rules()),
                TerminalProgress.forConsole(spec.commandLine().getErr()));
        // An anchor nobody chose is not part of the shape a rerun is compared in: the default moves every second.
        SeedRunner runner = new SeedRunner(target.port(), progress);
        // The accounts are a step of the run; the target knows where they go and how the password is kept.
        SeedReport report = (logins != null ? runner.withLoginAccounts() : runner).run(plan, reset,
                now == null ? SeedRunner.Anchor.DEFAULTED : SeedRunner.Anchor.CHOSEN);
        new Summary(stdout).print(report, plan, target.description());
        PrintWriter stderr = spec.commandLine().getErr();
        report.target().notes().forEach(note -> stderr.println("info: " + note));
        if (report.outcome() == SeedReport.Outcome.ALREADY_SEEDED && !report.earlier().get(0).shape().isKnown()) {
            stderr.println("info: the earlier run of these users has no recorded shape (an older autogpt-seed wrote "
                    + "it, or its rows have no ledger entry), so its counts, ranges and shares were not compared "
                    + "with this run's; --reset reseeds them in this one");
        }
        PlatformRules written = report.target().rules();
        // Said of a run that wrote rows: a rerun that found them there wrote nothing.
        if (plan.encryptionKey() == null && written != null && written.atLeast(PlatformRules.SEPTEMBER_2026)
                && report.outcome() != SeedReport.Outcome.ALREADY_SEEDED) {
            stderr.println("info: " + ENCRYPTION_KEY + " is not set, so \"IntegrationCredential\" and \"BotInstall\" "
                    + "stay empty: the platform encrypts their values with its key");
        }
        report.notices().forEach(notice -> stderr.println("notice: " + notice));
        stderr.flush();
        return ExitCodes.OK;
    }

    /** Rows of each table the warm-up makes: enough for the JIT to compile the table's factory. */
    private static final int WARM_UP_ROWS = 300;

    /**
     * Makes the first rows of every table of the plan's first cohort on a daemon thread while the port connects,
     * creates and checks the target, and stops at the next row once the run starts its first table: the first use of
     * Datafaker loads its dictionaries (a few hundred milliseconds), and each factory runs interpreted until the JIT
     * has seen it often enough. Both then overlap with the DDL and network round trips, on a core that would wait.
     * One cohort bounds what a table with few rows or none (credentials without a key) can cost. It first adds the
     * compiler directives the launcher named ({@link CompilerDirectives}), before the factories get hot. The CLI's
     * choice for a short-lived process; the core starts no thread an embedder did not ask for.
     *
     * @return {@code progress}, telling the warm-up to stop when the first table starts
     */
    private static SeedProgress warmUp(SeedPlan plan, SeedProgress progress) {
        AtomicBoolean started = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            // Before the factories get hot: directives apply to what is compiled after them.
            CompilerDirectives.addNamed();
            try {
                SeedPlan cohort = plan.slice(plan.fromUser(),
                        Math.min(plan.fromUser() + plan.scale().cohortUsers(), plan.toUser()));
                for (Dataset.Step<?> step : new Dataset(cohort).steps()) {
                    try (var rows = step.rows().get()) {
                        rows.limit(WARM_UP_ROWS).takeWhile(row -> !started.get()).forEach(row -> { });
                    }
                    if (started.get()) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // The run itself makes the same rows and reports what went wrong; a warm-up has nothing to add.
            }
        }, "seed-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new SeedProgress() {
            @Override
            public void tableStarted(String table) {
                started.set(true);
                progress.tableStarted(table);
            }

            @Override
            public void rowsWritten(String table, long rows) {
                progress.rowsWritten(table, rows);
            }

            @Override
            public void tableFinished(SeedReport.TableReport report) {
                progress.tableFinished(report);
            }

            @Override
            public void runFinished() {
                started.set(true);
                progress.runFinished();
            }
        };
    }

    private SchemaVersion schemaVersion() {
        if (schemaVersion == null) {
            return SchemaVersion.newest();
        }
        return SchemaVersion.byId(schemaVersion).orElseThrow(() -> new UsageException("--schema-version must be one of "
                + Arrays.stream(SchemaVersion.values()).map(SchemaVersion::id).collect(Collectors.joining(", "))
                + ", got '" + schemaVersion + "'"));
    }

    /**
     * The plan with the platform's key from {@code ENCRYPTION_KEY}, when set: read here only, handed down in the plan,
     * never printed.
     */
    private SeedPlan withEncryptionKey(SeedPlan plan) {
        String text = env.get(ENCRYPTION_KEY);
        if (text == null || text.isBlank()) {
            return plan;
        }
        try {
            return plan.withEncryptionKey(EncryptionKey.parse(text));
        } catch (IllegalArgumentException e) {
            // The parser's message never quotes the key.
            throw new UsageException(ENCRYPTION_KEY + " is not the platform's Fernet key: " + e.getMessage());
        }
    }

    private SeedPlan plan() {
        ScaleProfile profile = counts.apply(ScaleProfile.original()).scaled(scale);
        if (users != null) {
            profile = profile.withUsers(users);
        }
        if (cohortUsers != null) {
            profile = profile.withCohortUsers(cohortUsers);
        }
        SeedPlan plan = SeedPlan.of(database.seed(), anchor(), profile);
        if (slice != null && shard != null) {
            throw new UsageException("--slice and --shard both pick users: give one");
        }
        if (slice != null) {
            return slice(plan, profile);
        }
        if (shard != null) {
            String[] parts = shard.split("/", -1);
            try {
                return plan.shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new UsageException("--shard must be I/N, e.g. 0/4 (shards 0 to 3 of 4), got '" + shard + "'");
            }
        }
        return plan;
    }

    /** {@code --slice FROM..TO}, both ends included as in {@code --range}, checked in the CLI's own terms. */
    private SeedPlan slice(SeedPlan plan, ScaleProfile profile) {
        IntRange r;
        try {
            r = IntRange.parse(slice);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--slice must be FROM..TO, e.g. 0..99, got '" + slice + "'");
        }
        int cohort = profile.cohortUsers();
        int last = profile.users() - 1;
        if (r.max() > last) {
            throw new UsageException("--slice " + slice + " reaches past the last user, " + last);
        }
        if (!profile.isCohortBoundary(r.min()) || !profile.isCohortBoundary((long) r.max() + 1)) {
            long from = r.min() - r.min() % cohort;
            long to = Math.min(((long) r.max() / cohort + 1) * cohort - 1, last);
            throw new UsageException("--slice " + slice + " must hold whole cohorts of " + cohort + " users "
                    + "(--cohort-users): start at a multiple of " + cohort + ", end just before one or at the last "
                    + "user, " + last + "; e.g. " + from + ".." + to);
        }
        return plan.slice(r.min(), r.max() + 1);
    }

    private Instant anchor() {
        if (now == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(now);
        } catch (DateTimeParseException e) {
            throw new UsageException("--now must be an ISO-8601 instant like 2025-06-01T12:00:00Z, got '"
                    + now + "'");
        }
    }
}
