package io.autogpt.seed.core.plan;

/**
 * How much users did on the platform's newer features (the tables added up to 2026-01): CoPilot chats,
 * notifications, searches, persisted node data, refunds, human reviews and OAuth apps. Part of a
 * {@link ScaleProfile}; every count is per parent, so the whole grows with {@code --scale}.
 *
 * @param chatsPerUser            CoPilot conversations per user
 * @param turnsPerChat            exchanges per conversation (a user message and the assistant's answer, tool calls
 *                                and their results included)
 * @param understandingShare      share of users CoPilot has learned about, 0–1
 * @param notificationsPerUser    notifications waiting in a user's batches
 * @param keyValuesPerUser        values a user's node executions persisted
 * @param refundShare             share of users who asked a top-up back, 0–1
 * @param reviewedRunShare        share of finished runs that stopped once for a human review, 0–1 (runs still
 *                                waiting for one are a share of the executions' statuses)
 * @param storeSearchesPerUser    marketplace searches logged per user
 * @param builderSearchesPerUser  block searches in the builder per user
 * @param oauthAppShare           share of users who own an OAuth app, 0–1
 * @param grantsPerOauthApp       users who authorised each app (within the owner's cohort)
 * @param sharedOrgShare          share of users who also belong to a shared organisation of their cohort, 0–1
 *                                (today's platform only; every user has a personal one)
 */
public record ActivityProfile(IntRange chatsPerUser, IntRange turnsPerChat, double understandingShare,
                              IntRange notificationsPerUser, IntRange keyValuesPerUser, double refundShare,
                              double reviewedRunShare, IntRange storeSearchesPerUser,
                              IntRange builderSearchesPerUser, double oauthAppShare, IntRange grantsPerOauthApp,
                              double sharedOrgShare) {
    /** Search terms of one user number at most this (their ids are a block per user). */
    public static final int MAX_STORE_SEARCHES = 1_000;

    /** This profile with {@code share} of users in shared organisations. */
    public ActivityProfile withSharedOrgShare(double share) {
        return new ActivityProfile(chatsPerUser, turnsPerChat, understandingShare, notificationsPerUser,
                keyValuesPerUser, refundShare, reviewedRunShare, storeSearchesPerUser, builderSearchesPerUser,
                oauthAppShare, grantsPerOauthApp, share);
    }

    public ActivityProfile {
        ScaleProfile.checkRange("chats per user", chatsPerUser, 0);
        ScaleProfile.checkRange("turns per chat", turnsPerChat, 1);
        ScaleProfile.checkShare("understanding share", understandingShare);
        ScaleProfile.checkRange("notifications per user", notificationsPerUser, 0);
        ScaleProfile.checkRange("key-value entries per user", keyValuesPerUser, 0);
        ScaleProfile.checkShare("refund share", refundShare);
        ScaleProfile.checkShare("reviewed run share", reviewedRunShare);
        ScaleProfile.checkRange("store searches per user", storeSearchesPerUser, 0);
        ScaleProfile.checkRange("builder searches per user", builderSearchesPerUser, 0);
        ScaleProfile.checkShare("OAuth app share", oauthAppShare);
        ScaleProfile.checkRange("grants per OAuth app", grantsPerOauthApp, 0);
        ScaleProfile.checkShare("shared organisation share", sharedOrgShare);
    }

    /**
     * Modest defaults: a few chats, notifications and searches per user; one user in ten owns an OAuth app; three in
     * ten work in a shared organisation too.
     */
    public static ActivityProfile standard() {
        return new ActivityProfile(new IntRange(0, 3), new IntRange(1, 4), 0.5, new IntRange(0, 6),
                new IntRange(0, 3), 0.1, 0.05, new IntRange(0, 5), new IntRange(0, 4), 0.1, new IntRange(1, 5), 0.3);
    }

    /**
     * A builder that starts from this profile's counts, to change some of them by name:
     * {@code ActivityProfile.standard().toBuilder().refundShare(1).build()}.
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Counts by name, checked together when {@link #build()} makes the profile (so the order of the calls never
     * matters). Not thread-safe; made by {@link ActivityProfile#toBuilder()}, used once and dropped.
     */
    public static final class Builder {
        private IntRange chatsPerUser;
        private IntRange turnsPerChat;
        private double understandingShare;
        private IntRange notificationsPerUser;
        private IntRange keyValuesPerUser;
        private double refundShare;
        private double reviewedRunShare;
        private IntRange storeSearchesPerUser;
        private IntRange builderSearchesPerUser;
        private double oauthAppShare;
        private IntRange grantsPerOauthApp;
        private double sharedOrgShare;

        private Builder(ActivityProfile from) {
            this.chatsPerUser = from.chatsPerUser;
            this.turnsPerChat = from.turnsPerChat;
            this.understandingShare = from.understandingShare;
            this.notificationsPerUser = from.notificationsPerUser;
            this.keyValuesPerUser = from.keyValuesPerUser;
            this.refundShare = from.refundShare;
            this.reviewedRunShare = from.reviewedRunShare;
            this.storeSearchesPerUser = from.storeSearchesPerUser;
            this.builderSearchesPerUser = from.builderSearchesPerUser;
            this.oauthAppShare = from.oauthAppShare;
            this.grantsPerOauthApp = from.grantsPerOauthApp;
            this.sharedOrgShare = from.sharedOrgShare;
        }

        /** @see ActivityProfile#chatsPerUser() */
        public Builder chatsPerUser(IntRange chatsPerUser) {
            this.chatsPerUser = chatsPerUser;
            return this;
        }

        /** @see ActivityProfile#turnsPerChat() */
        public Builder turnsPerChat(IntRange turnsPerChat) {
            this.turnsPerChat = turnsPerChat;
            return this;
        }

        /** @see ActivityProfile#understandingShare() */
        public Builder understandingShare(double understandingShare) {
            this.understandingShare = understandingShare;
            return this;
        }

        /** @see ActivityProfile#notificationsPerUser() */
        public Builder notificationsPerUser(IntRange notificationsPerUser) {
            this.notificationsPerUser = notificationsPerUser;
            return this;
        }

        /** @see ActivityProfile#keyValuesPerUser() */
        public Builder keyValuesPerUser(IntRange keyValuesPerUser) {
            this.keyValuesPerUser = keyValuesPerUser;
            return this;
        }

        /** @see ActivityProfile#refundShare() */
        public Builder refundShare(double refundShare) {
            this.refundShare = refundShare;
            return this;
        }

        /** @see ActivityProfile#reviewedRunShare() */
        public Builder reviewedRunShare(double reviewedRunShare) {
            this.reviewedRunShare = reviewedRunShare;
            return this;
        }

        /** @see ActivityProfile#storeSearchesPerUser() */
        public Builder storeSearchesPerUser(IntRange storeSearchesPerUser) {
            this.storeSearchesPerUser = storeSearchesPerUser;
            return this;
        }

        /** @see ActivityProfile#builderSearchesPerUser() */
        public Builder builderSearchesPerUser(IntRange builderSearchesPerUser) {
            this.builderSearchesPerUser = builderSearchesPerUser;
            return this;
        }

        /** @see ActivityProfile#oauthAppShare() */
        public Builder oauthAppShare(double oauthAppShare) {
            this.oauthAppShare = oauthAppShare;
            return this;
        }

        /** @see ActivityProfile#grantsPerOauthApp() */
        public Builder grantsPerOauthApp(IntRange grantsPerOauthApp) {
            this.grantsPerOauthApp = grantsPerOauthApp;
            return this;
        }

        /** @see ActivityProfile#sharedOrgShare() */
        public Builder sharedOrgShare(double sharedOrgShare) {
            this.sharedOrgShare = sharedOrgShare;
            return this;
        }

        /**
         * The profile with the counts given.
         *
         * @throws IllegalArgumentException when a count is out of its limits, as the record's constructor says
         */
        public ActivityProfile build() {
            return new ActivityProfile(chatsPerUser, turnsPerChat, understandingShare, notificationsPerUser,
                    keyValuesPerUser, refundShare, reviewedRunShare, storeSearchesPerUser, builderSearchesPerUser,
                    oauthAppShare, grantsPerOauthApp, sharedOrgShare);
        }
    }
}
