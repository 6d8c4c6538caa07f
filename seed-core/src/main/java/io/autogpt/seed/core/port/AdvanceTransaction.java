package io.autogpt.seed.core.port;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One all-or-nothing {@code advance} of a seed's dataset: what the target holds of it (recorded runs, days already
 * advanced, balances, reviewable versions), the day's new rows, the set-based updates a day makes, and the record
 * of the days added. {@link #close()} without {@link #commit()} discards everything.
 *
 * <p>Not thread-safe: one thread drives it from begin to close.
 */
public interface AdvanceTransaction extends AutoCloseable {
    /** The seed's recorded runs, in user order, each with the days added to it so far. */
    List<SeededSlice> slices();

    /** Whether the target has {@code table} (a table a known schema version lacks may be missing). */
    boolean hasTable(String table);

    /** The credit of each of {@code slice}'s users, by user id; a user without transactions is absent. */
    Map<String, UserCredit> credit(SeedPlan slice);

    /** The reviewable versions of listings owned by {@code slice}'s users, in version id order. */
    List<ListedVersion> listedVersions(SeedPlan slice);

    /**
     * Finishes the runs of {@code slice}'s users left {@code RUNNING} or {@code QUEUED} from before {@code dayStart}:
     * the waiting or running node fails (with its {@code error} output), the run fails, both in the first hour of
     * the day, never after {@code dayEnd}.
     *
     * @return runs finished
     */
    long finishStaleRuns(SeedPlan slice, LocalDateTime dayStart, LocalDateTime dayEnd);

    /**
     * Writes {@code rows} as new rows of {@code table} (in the columns the target has).
     *
     * @param rows consumed once
     * @return rows handed over
     */
    <R extends Record> long write(Table<R> table, Stream<R> rows);

    /**
     * Files {@code events} in their batches: a batch the user lacks is inserted; when the user already has one of
     * that type (the platform keeps one per user and type), that one's span widens to take them and the events name
     * it.
     *
     * @return events written
     */
    long fileNotices(List<io.autogpt.seed.core.notification.UserNotificationBatch> batches,
                     List<io.autogpt.seed.core.notification.NotificationEvent> events);

    /** Turns the {@code isFeatured} flag of the given store listing versions, stamping them {@code at}. */
    long toggleFeatured(List<String> versionIds, LocalDateTime at);

    /** Sets each user's {@code "UserBalance"} to {@code balances}' value (inserting a missing one). */
    long updateBalances(Stream<io.autogpt.seed.core.credit.UserBalance> balances);

    /** Sets each library entry's {@code lastRunAt} of {@code slice}'s users to their latest run of its graph. */
    long updateLastRuns(SeedPlan slice);

    /** The store's listings and the day's decisions on them. */
    AdvanceStore store();

    /**
     * How many store searches each of {@code slice}'s users has logged in the block of {@code "SearchTerms"} ids the
     * user holds ({@link io.autogpt.seed.core.run.Dataset#searchTermIds}), by user ordinal; a user with none is absent.
     */
    Map<Long, Integer> loggedSearches(SeedPlan slice);

    /**
     * Moves the onboarding run counters of {@code slice}'s users by their runs created from {@code since} on (as the
     * platform counts each run): {@code agentRuns}, {@code lastRunAt}, and {@code consecutiveRunDays} by the UTC days
     * they ran in a row.
     *
     * @return onboarding rows updated
     */
    long updateOnboarding(SeedPlan slice, LocalDateTime since);

    /** Records that day {@code day} (1 = the first after the seeded anchor) of {@code slice} was added. */
    void recordDay(SeedPlan slice, int day, LocalDateTime anchor, long rows);

    /**
     * Gives each sign-up a login like their referrer's (see {@link ReferredLogin}) in every login system the target
     * has; before the sign-ups' own rows, as the seeder writes logins before users.
     *
     * @return sign-ups that got a login
     */
    long copyLogins(List<ReferredLogin> logins);

    /** Records the users who signed up on day {@code day} of {@code slice}, after {@link #recordDay} of that day. */
    void recordSignUps(SeedPlan slice, int day, List<String> userIds);

    /** Refreshes what the platform derives from the rows (the store's materialised views), then commits. */
    void commit();

    /** What the target said meanwhile, one line each, for the report. */
    List<String> notices();

    @Override
    void close();
}
