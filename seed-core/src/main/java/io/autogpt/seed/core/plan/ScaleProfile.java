package io.autogpt.seed.core.plan;

/**
 * How much data to make: how many users, and how many rows of each kind hang off each parent. Blocks are not counted:
 * every run writes the platform's block catalogue.
 *
 * <p>{@link #original()} reproduces the counts of the platform's original seeding script; {@link #scaled(double)}
 * multiplies users (everything else is per parent, so the whole dataset grows with it). Limits reject
 * counts that are certainly mistakes (a billion users, a graph of a million nodes) before anything is written.
 *
 * @param users                      user accounts (each with a profile, a balance and an API key)
 * @param graphsPerUser              graphs each user owns
 * @param nodesPerGraph              nodes in each graph (inputs, processing blocks, outputs)
 * @param presetsPerUser             presets each user saved
 * @param libraryAgentsPerUser       library entries per user, each for a different graph
 * @param executionsPerGraph         runs of each graph
 * @param reviewsPerVersion          reviews of each approved store listing version, by distinct users
 * @param creditTransactionsPerUser  credit transactions per user
 * @param analyticsPerUser           analytics details and metrics per user (each)
 * @param apiKeysPerUser             API keys per user
 * @param webhooksPerUser            webhooks of a user who has any
 * @param onboardingShare            share of users with an onboarding record, 0–1
 * @param webhookShare               share of users with webhooks, 0–1
 * @param libraryFoldersPerUser      folders a user files library agents into (where the schema has them)
 * @param workspaceFilesPerUser      files in a user's workspace (where the schema has workspaces)
 * @param cohortUsers                users per cohort: users only interact within their cohort (library entries of
 *                                   each other's graphs, reviews, onboarding picks), so a slice of whole cohorts
 *                                   references nothing outside itself; the last cohort may be smaller
 * @param activity                   the counts of the platform's newer tables (chats, notifications, OAuth apps…)
 */
public record ScaleProfile(int users, IntRange graphsPerUser, IntRange nodesPerGraph,
                           IntRange presetsPerUser, IntRange libraryAgentsPerUser, IntRange executionsPerGraph,
                           IntRange reviewsPerVersion, IntRange creditTransactionsPerUser,
                           IntRange analyticsPerUser, IntRange apiKeysPerUser, IntRange webhooksPerUser,
                           double onboardingShare, double webhookShare, IntRange libraryFoldersPerUser,
                           IntRange workspaceFilesPerUser, int cohortUsers,
                           ActivityProfile activity) {
    /** Users beyond this are almost certainly a typo; split larger loads over several runs with user ranges. */
    public static final int MAX_USERS = 50_000_000;
    /** Per-parent counts beyond this are almost certainly a typo. */
    public static final int MAX_PER_PARENT = 1_000;
    public static final double MAX_SCALE = 100_000;
    /** The original script's 100 users were one cohort; larger plans repeat cohorts of that size. */
    public static final int DEFAULT_COHORT_USERS = 100;

    public ScaleProfile {
        check("users", users, 1, MAX_USERS);
        checkRange("graphs per user", graphsPerUser, 0);
        checkRange("nodes per graph", nodesPerGraph, 1);
        checkRange("presets per user", presetsPerUser, 0);
        checkRange("library agents per user", libraryAgentsPerUser, 0);
        checkRange("executions per graph", executionsPerGraph, 0);
        checkRange("reviews per version", reviewsPerVersion, 0);
        checkRange("credit transactions per user", creditTransactionsPerUser, 0);
        checkRange("analytics rows per user", analyticsPerUser, 0);
        checkRange("API keys per user", apiKeysPerUser, 0);
        checkRange("webhooks per user", webhooksPerUser, 0);
        checkShare("onboarding share", onboardingShare);
        checkShare("webhook share", webhookShare);
        checkRange("library folders per user", libraryFoldersPerUser, 0);
        checkRange("workspace files per user", workspaceFilesPerUser, 0);
        check("users per cohort", cohortUsers, 1, MAX_USERS);
        java.util.Objects.requireNonNull(activity, "activity");
        if (presetsPerUser.max() > 0 && graphsPerUser.min() == 0) {
            throw new IllegalArgumentException("presets need graphs: graphs per user must be at least 1");
        }
    }

    /** A profile with the {@linkplain ActivityProfile#standard() standard activity} of the newer tables. */
    public ScaleProfile(int users, IntRange graphsPerUser, IntRange nodesPerGraph, IntRange presetsPerUser,
                        IntRange libraryAgentsPerUser, IntRange executionsPerGraph, IntRange reviewsPerVersion,
                        IntRange creditTransactionsPerUser, IntRange analyticsPerUser, IntRange apiKeysPerUser,
                        IntRange webhooksPerUser, double onboardingShare, double webhookShare,
                        IntRange libraryFoldersPerUser, IntRange workspaceFilesPerUser, int cohortUsers) {
        this(users, graphsPerUser, nodesPerGraph, presetsPerUser, libraryAgentsPerUser, executionsPerGraph,
                reviewsPerVersion, creditTransactionsPerUser, analyticsPerUser, apiKeysPerUser, webhooksPerUser,
                onboardingShare, webhookShare, libraryFoldersPerUser, workspaceFilesPerUser, cohortUsers,
                ActivityProfile.standard());
    }

    /**
     * The counts of the original seeding script: 100 users and the per-parent ranges it used; the
     * tables it did not know (library folders, workspace files) get modest counts of their own.
     */
    public static ScaleProfile original() {
        return new ScaleProfile(100, new IntRange(1, 5), new IntRange(2, 5), new IntRange(1, 5),
                new IntRange(1, 10), new IntRange(1, 20), new IntRange(1, 5), IntRange.exactly(1),
                IntRange.exactly(1), IntRange.exactly(1), new IntRange(1, 3), 0.7, 0.3, new IntRange(0, 4),
                new IntRange(0, 6), DEFAULT_COHORT_USERS);
    }

    /** This profile with users multiplied by {@code factor} (rounded, at least 1). */
    public ScaleProfile scaled(double factor) {
        if (!(factor > 0) || factor > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be > 0 and <= " + (long) MAX_SCALE + ", got " + factor);
        }
        return withUsers(multiply(users, factor));
    }

    public ScaleProfile withUsers(long count) {
        check("users", count, 1, MAX_USERS);
        return new ScaleProfile((int) count, graphsPerUser, nodesPerGraph, presetsPerUser,
                libraryAgentsPerUser, executionsPerGraph, reviewsPerVersion, creditTransactionsPerUser,
                analyticsPerUser, apiKeysPerUser, webhooksPerUser, onboardingShare, webhookShare, libraryFoldersPerUser,
                workspaceFilesPerUser, cohortUsers, activity);
    }

    public ScaleProfile withCohortUsers(long count) {
        check("users per cohort", count, 1, MAX_USERS);
        return new ScaleProfile(users, graphsPerUser, nodesPerGraph, presetsPerUser,
                libraryAgentsPerUser, executionsPerGraph, reviewsPerVersion, creditTransactionsPerUser,
                analyticsPerUser, apiKeysPerUser, webhooksPerUser, onboardingShare, webhookShare, libraryFoldersPerUser,
                workspaceFilesPerUser, (int) count, activity);
    }

    /** This profile with other counts for the newer tables. */
    public ScaleProfile withActivity(ActivityProfile newer) {
        return new ScaleProfile(users, graphsPerUser, nodesPerGraph, presetsPerUser,
                libraryAgentsPerUser, executionsPerGraph, reviewsPerVersion, creditTransactionsPerUser,
                analyticsPerUser, apiKeysPerUser, webhooksPerUser, onboardingShare, webhookShare, libraryFoldersPerUser,
                workspaceFilesPerUser, cohortUsers, newer);
    }

    /** Whether a slice may start or end before {@code user}: at a cohort's first user, or at the end of all users. */
    public boolean isCohortBoundary(long user) {
        return user % cohortUsers == 0 || user == users;
    }

    /** How many cohorts the users form. */
    public int cohorts() {
        return (int) ((users + (long) cohortUsers - 1) / cohortUsers);
    }

    private static long multiply(int base, double factor) {
        double product = Math.rint(base * factor);
        return product > Integer.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) product);
    }

    private static void check(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    static void checkRange(String what, IntRange range, int min) {
        if (range.min() < min || range.max() > MAX_PER_PARENT) {
            throw new IllegalArgumentException(what + " must lie within " + min + ".." + MAX_PER_PARENT
                    + ", got " + range);
        }
    }

    static void checkShare(String what, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + share);
        }
    }

    /**
     * A builder that starts from this profile's counts, to change some of them by name:
     * {@code ScaleProfile.original().toBuilder().graphsPerUser(IntRange.exactly(10)).build()}.
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Counts by name, checked together when {@link #build()} makes the profile (so the order of the calls never
     * matters). Not thread-safe; made by {@link ScaleProfile#toBuilder()}, used once and dropped.
     */
    public static final class Builder {
        private int users;
        private IntRange graphsPerUser;
        private IntRange nodesPerGraph;
        private IntRange presetsPerUser;
        private IntRange libraryAgentsPerUser;
        private IntRange executionsPerGraph;
        private IntRange reviewsPerVersion;
        private IntRange creditTransactionsPerUser;
        private IntRange analyticsPerUser;
        private IntRange apiKeysPerUser;
        private IntRange webhooksPerUser;
        private double onboardingShare;
        private double webhookShare;
        private IntRange libraryFoldersPerUser;
        private IntRange workspaceFilesPerUser;
        private int cohortUsers;
        private ActivityProfile activity;

        private Builder(ScaleProfile from) {
            this.users = from.users;
            this.graphsPerUser = from.graphsPerUser;
            this.nodesPerGraph = from.nodesPerGraph;
            this.presetsPerUser = from.presetsPerUser;
            this.libraryAgentsPerUser = from.libraryAgentsPerUser;
            this.executionsPerGraph = from.executionsPerGraph;
            this.reviewsPerVersion = from.reviewsPerVersion;
            this.creditTransactionsPerUser = from.creditTransactionsPerUser;
            this.analyticsPerUser = from.analyticsPerUser;
            this.apiKeysPerUser = from.apiKeysPerUser;
            this.webhooksPerUser = from.webhooksPerUser;
            this.onboardingShare = from.onboardingShare;
            this.webhookShare = from.webhookShare;
            this.libraryFoldersPerUser = from.libraryFoldersPerUser;
            this.workspaceFilesPerUser = from.workspaceFilesPerUser;
            this.cohortUsers = from.cohortUsers;
            this.activity = from.activity;
        }

        /** @see ScaleProfile#users() */
        public Builder users(int users) {
            this.users = users;
            return this;
        }

        /** @see ScaleProfile#graphsPerUser() */
        public Builder graphsPerUser(IntRange graphsPerUser) {
            this.graphsPerUser = graphsPerUser;
            return this;
        }

        /** @see ScaleProfile#nodesPerGraph() */
        public Builder nodesPerGraph(IntRange nodesPerGraph) {
            this.nodesPerGraph = nodesPerGraph;
            return this;
        }

        /** @see ScaleProfile#presetsPerUser() */
        public Builder presetsPerUser(IntRange presetsPerUser) {
            this.presetsPerUser = presetsPerUser;
            return this;
        }

        /** @see ScaleProfile#libraryAgentsPerUser() */
        public Builder libraryAgentsPerUser(IntRange libraryAgentsPerUser) {
            this.libraryAgentsPerUser = libraryAgentsPerUser;
            return this;
        }

        /** @see ScaleProfile#executionsPerGraph() */
        public Builder executionsPerGraph(IntRange executionsPerGraph) {
            this.executionsPerGraph = executionsPerGraph;
            return this;
        }

        /** @see ScaleProfile#reviewsPerVersion() */
        public Builder reviewsPerVersion(IntRange reviewsPerVersion) {
            this.reviewsPerVersion = reviewsPerVersion;
            return this;
        }

        /** @see ScaleProfile#creditTransactionsPerUser() */
        public Builder creditTransactionsPerUser(IntRange creditTransactionsPerUser) {
            this.creditTransactionsPerUser = creditTransactionsPerUser;
            return this;
        }

        /** @see ScaleProfile#analyticsPerUser() */
        public Builder analyticsPerUser(IntRange analyticsPerUser) {
            this.analyticsPerUser = analyticsPerUser;
            return this;
        }

        /** @see ScaleProfile#apiKeysPerUser() */
        public Builder apiKeysPerUser(IntRange apiKeysPerUser) {
            this.apiKeysPerUser = apiKeysPerUser;
            return this;
        }

        /** @see ScaleProfile#webhooksPerUser() */
        public Builder webhooksPerUser(IntRange webhooksPerUser) {
            this.webhooksPerUser = webhooksPerUser;
            return this;
        }

        /** @see ScaleProfile#onboardingShare() */
        public Builder onboardingShare(double onboardingShare) {
            this.onboardingShare = onboardingShare;
            return this;
        }

        /** @see ScaleProfile#webhookShare() */
        public Builder webhookShare(double webhookShare) {
            this.webhookShare = webhookShare;
            return this;
        }

        /** @see ScaleProfile#libraryFoldersPerUser() */
        public Builder libraryFoldersPerUser(IntRange libraryFoldersPerUser) {
            this.libraryFoldersPerUser = libraryFoldersPerUser;
            return this;
        }

        /** @see ScaleProfile#workspaceFilesPerUser() */
        public Builder workspaceFilesPerUser(IntRange workspaceFilesPerUser) {
            this.workspaceFilesPerUser = workspaceFilesPerUser;
            return this;
        }

        /** @see ScaleProfile#cohortUsers() */
        public Builder cohortUsers(int cohortUsers) {
            this.cohortUsers = cohortUsers;
            return this;
        }

        /** @see ScaleProfile#activity() */
        public Builder activity(ActivityProfile activity) {
            this.activity = activity;
            return this;
        }

        /**
         * The profile with the counts given.
         *
         * @throws IllegalArgumentException when a count is out of its limits, as the record's constructor says
         */
        public ScaleProfile build() {
            return new ScaleProfile(users, graphsPerUser, nodesPerGraph, presetsPerUser, libraryAgentsPerUser,
                    executionsPerGraph, reviewsPerVersion, creditTransactionsPerUser, analyticsPerUser, apiKeysPerUser,
                    webhooksPerUser, onboardingShare, webhookShare, libraryFoldersPerUser, workspaceFilesPerUser,
                    cohortUsers, activity);
        }
    }
}
