package io.autogpt.seed.core.plan;

import java.util.Objects;

/**
 * How much happens on a day that {@code advance} adds, per user of the seeded dataset: a volume by shape, so a larger
 * dataset gets proportionally more activity. The {@linkplain #standard() standard} shape reproduces the volume of the
 * platform's {@code test_data_updater.py} at scale 1 (100 users): about 200 runs and 100 store reviews over 7 days.
 *
 * @param activeShare        share of users, 0–1, who run agents on a given day
 * @param runsPerActiveUser  runs an active user starts that day (of their own graphs or their library's)
 * @param reviewShare        share of users, 0–1, who review a store agent of their cohort that day
 * @param topUpShare         share of users, 0–1, who top up their credit that day
 * @param grantShare         share of users, 0–1, who are granted credit that day
 * @param featureShare       share of reviewable store versions, 0–1, whose {@code isFeatured} flag the store's
 *                           admins turn that day
 * @param signUpShare        share of users, 0–1, who bring a new user to the platform that day (a sign-up)
 * @param store              the store's versions, reviews and categories, and the chats and searches of active users
 */
public record AdvanceShape(double activeShare, IntRange runsPerActiveUser, double reviewShare, double topUpShare,
                           double grantShare, double featureShare, double signUpShare, StoreDays store) {
    /** The standard sign-up share: about 2 sign-ups a day at scale 1 (100 users). */
    public static final double STANDARD_SIGN_UP_SHARE = 0.02;

    /** Runs per user and day beyond this are almost certainly a typo. */
    public static final int MAX_RUNS_PER_DAY = 1_000;

    public AdvanceShape {
        Objects.requireNonNull(runsPerActiveUser, "runsPerActiveUser");
        Objects.requireNonNull(store, "store");
        share("active share", activeShare);
        share("review share", reviewShare);
        share("top-up share", topUpShare);
        share("grant share", grantShare);
        share("feature share", featureShare);
        share("sign-up share", signUpShare);
        if (runsPerActiveUser.min() < 0 || runsPerActiveUser.max() > MAX_RUNS_PER_DAY) {
            throw new IllegalArgumentException("runs per active user must lie within 0.." + MAX_RUNS_PER_DAY + ", got "
                    + runsPerActiveUser);
        }
    }

    /**
     * The shape of the activity {@code advance} had before sign-ups and the store's days: runs, credit, reviews and
     * feature flags at these volumes, no sign-ups and {@linkplain StoreDays#none() no store days}, so a caller who
     * chose these six volumes gets no new kinds of rows.
     */
    public AdvanceShape(double activeShare, IntRange runsPerActiveUser, double reviewShare, double topUpShare,
                        double grantShare, double featureShare) {
        this(activeShare, runsPerActiveUser, reviewShare, topUpShare, grantShare, featureShare, 0, StoreDays.none());
    }

    /**
     * What happens on a day in the store beyond user reviews and flags, and in the newer tables.
     *
     * @param submitShare   share of listings, 0–1, whose owner submits a new version that day (listings with a
     *                      version waiting for review submit none)
     * @param decideShare   share of versions waiting for review since before the day, 0–1, the store's reviewers
     *                      decide that day
     * @param approveShare  share of decisions, 0–1, that approve (the others reject)
     * @param categoryShare share of listings with an approved version, 0–1, whose active version's categories change
     *                      that day
     * @param chatShare     share of the day's active users (those who ran something), 0–1, who chat with CoPilot
     * @param searchShare   share of the day's active users, 0–1, who search the store (and, as often, the builder)
     */
    public record StoreDays(double submitShare, double decideShare, double approveShare, double categoryShare,
                            double chatShare, double searchShare) {
        public StoreDays {
            share("submit share", submitShare);
            share("decide share", decideShare);
            share("approve share", approveShare);
            share("category share", categoryShare);
            share("chat share", chatShare);
            share("search share", searchShare);
        }

        /**
         * 1 % of listings submit a new version a day (about 13 a week at scale 1), a third of waiting versions are
         * decided a day, 80 % of them approved; 0.8 % of live listings change categories a day (the updater's 10 a
         * week); a third of active users chat, half of them search.
         */
        public static StoreDays standard() {
            return new StoreDays(0.01, 0.33, 0.8, 0.008, 0.33, 0.5);
        }

        /** Nothing of these happens: no submissions, decisions, new categories, chats or searches. */
        public static StoreDays none() {
            return new StoreDays(0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * 15 % of users active a day, 1 to 3 runs each (≈ 0.3 runs per user and day: 210 in a week at scale 1), 14 % review
     * (98 a week), 5 % top up, 2 % are granted credit; 0.8 % of approved versions are featured or unfeatured a day
     * (the updater's 10 of 183 listings a week at scale 1); 2 % bring a new user (2 sign-ups a day at scale 1).
     */
    public static AdvanceShape standard() {
        return new AdvanceShape(0.15, new IntRange(1, 3), 0.14, 0.05, 0.02, 0.008, STANDARD_SIGN_UP_SHARE,
                StoreDays.standard());
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}
