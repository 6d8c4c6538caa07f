package io.autogpt.seed.core.run;

import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.AgentNodeExecution;
import io.autogpt.seed.core.execution.AgentNodeExecutionInputOutput;
import io.autogpt.seed.core.execution.PendingHumanReview;
import io.autogpt.seed.core.execution.SharedExecutionFile;
import io.autogpt.seed.core.generate.DayActivity;
import io.autogpt.seed.core.generate.DayChats;
import io.autogpt.seed.core.generate.DayStore;
import io.autogpt.seed.core.generate.SignUps;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.AdvanceDatasetPort;
import io.autogpt.seed.core.port.AdvanceTransaction;
import io.autogpt.seed.core.port.SeededSlice;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.store.StoreListingReview;
import io.autogpt.seed.core.table.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Makes days pass on a seeded dataset: for each recorded slice of the seed (or of one shard), every day after its
 * current anchor up to the one asked for, that day's {@link DayActivity}, in one transaction of the target — all
 * days or none. A day already reached changes nothing. The use case behind {@code autogpt-seed advance}.
 *
 * <pre>{@code
 * AdvanceReport r = new AdvanceRunner(SeedTargets.advancing(url)).advance(42, AdvanceRunner.Until.days(7),
 *         AdvanceShape.standard(), null);
 * }</pre>
 */
public final class AdvanceRunner {
    /** How far to go: a number of days, or up to the last whole day before an instant. */
    public sealed interface Until {
        /** {@code n} more days after each slice's current anchor. */
        static Until days(int n) {
            return new Days(n);
        }

        /** Up to the last whole day (after the seeded anchor) that ends at or before {@code instant}. */
        static Until to(Instant instant) {
            return new To(LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
        }

        /** The day number a slice with {@code seeded} anchor and {@code days} advanced is to reach. */
        int target(LocalDateTime seeded, int days);
    }

    /** {@code n} more days. */
    record Days(int n) implements Until {
        Days {
            if (n < 1 || n > MAX_DAYS) {
                throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + n);
            }
        }

        @Override
        public int target(LocalDateTime seeded, int days) {
            return days + n;
        }
    }

    /** Up to an instant. */
    record To(LocalDateTime instant) implements Until {
        @Override
        public int target(LocalDateTime seeded, int days) {
            long whole = Duration.between(seeded, instant).toDays();
            if (whole - days > MAX_DAYS) {
                throw new IllegalArgumentException(instant + "Z is more than " + MAX_DAYS + " days after the dataset's "
                        + "anchor " + seeded.plusDays(days) + "Z: advance in steps");
            }
            return (int) Math.max(0, whole);
        }
    }

    /** Days one advance adds at most: about ten years. */
    public static final int MAX_DAYS = 3_660;

    private final AdvanceDatasetPort target;
    private final Clock clock;

    public AdvanceRunner(AdvanceDatasetPort target) {
        this(target, Clock.systemUTC());
    }

    /** A runner timing itself with {@code clock} (the report's elapsed time only: rows never read it). */
    public AdvanceRunner(AdvanceDatasetPort target, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Advances {@code seed}'s dataset, or the users of shard {@code shard[0]} of {@code shard[1]}.
     *
     * @param shard null for every recorded slice; else {index, count} as {@link SeedPlan#shard}
     * @throws TargetException when the target holds no run of the seed, or its slices do not fit the shard
     */
    public AdvanceReport advance(long seed, Until until, AdvanceShape shape, int @Nullable [] shard) {
        Instant began = clock.instant();
        try (AdvanceTransaction tx = target.begin(seed)) {
            List<SeededSlice> slices = chosen(seed, tx.slices(), shard);
            List<AdvanceReport.SliceDays> covered = new ArrayList<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            long finished = 0;
            long balances = 0;
            long featured = 0;
            AdvanceReport.StoreMoves store = AdvanceReport.StoreMoves.NONE;
            for (SeededSlice slice : slices) {
                SeedPlan plan = slice.plan();
                int goal = until.target(plan.now(), slice.days());
                covered.add(new AdvanceReport.SliceDays(plan.fromUser(), plan.toUser(), plan.now(), slice.days(),
                        Math.max(goal, slice.days())));
                if (goal <= slice.days()) {
                    continue;
                }
                DayActivity.State state = DayActivity.State.of(plan, tx.credit(plan), tx.listedVersions(plan));
                DayStore.State listings = DayStore.State.of(plan, tx.store().listings(plan));
                Map<Long, Integer> searches = DayChats.logged(tx.loggedSearches(plan));
                for (int d = slice.days() + 1; d <= goal; d++) {
                    DayActivity day = DayActivity.of(plan, shape, d);
                    finished += tx.finishStaleRuns(plan, day.start(), day.anchor());
                    long written = 0;
                    SignUps joined = SignUps.of(plan, shape, d);
                    written += SignUpDay.write(tx, rows, joined);
                    written += write(tx, rows, AgentGraphExecution.TABLE, day::graphExecutions);
                    written += write(tx, rows, AgentNodeExecution.TABLE, day::nodeExecutions);
                    written += write(tx, rows, AgentNodeExecutionInputOutput.TABLE, day::inputsOutputs);
                    if (tx.hasTable(PendingHumanReview.TABLE.name())) {
                        written += write(tx, rows, PendingHumanReview.TABLE, day::humanReviews);
                    }
                    if (plan.rules().atLeast(PlatformRules.SEPTEMBER_2026)
                            && tx.hasTable(SharedExecutionFile.TABLE.name())) {
                        written += write(tx, rows, SharedExecutionFile.TABLE, day::runFiles);
                    }
                    written += write(tx, rows, CreditTransaction.TABLE, () -> day.creditTransactions(state));
                    // After the credit: a usage that took a balance below the line is alerted on.
                    if (tx.hasTable(NotificationEvent.TABLE.name()) && tx.hasTable(UserNotificationBatch.TABLE.name())) {
                        long alerts = tx.fileNotices(day.alertBatches().toList(), day.alerts().toList());
                        rows.merge(NotificationEvent.TABLE.name(), alerts, Long::sum);
                        written += alerts;
                    }
                    StoreAndChatDays.StoreDay moved = StoreAndChatDays.store(tx, rows, DayStore.of(plan, shape, d),
                            listings, state);
                    written += moved.written();
                    store = store.plus(moved.moves());
                    written += StoreAndChatDays.chats(tx, rows, DayChats.of(day, plan, shape, d), searches);
                    written += write(tx, rows, StoreListingReview.TABLE, () -> day.reviews(state));
                    featured += tx.toggleFeatured(day.featureToggles(state), day.featuredAt());
                    tx.recordDay(plan, d, day.anchor(), written);
                    tx.recordSignUps(plan, d, joined.userIds());
                }
                balances += tx.updateBalances(DayActivity.balances(state));
                tx.updateLastRuns(plan);
                tx.updateOnboarding(plan, plan.now().plusDays(slice.days()));
            }
            AdvanceReport report = new AdvanceReport(seed, covered, rows, finished, balances, featured, store,
                    Duration.between(began, clock.instant()));
            if (!report.alreadyThere()) {
                tx.commit();
            }
            return report;
        }
    }

    /** Writes {@code table}'s rows, made now, and adds their count to the day's {@code rows} per table. */
    static <R extends Record> long write(AdvanceTransaction tx, Map<String, Long> rows, Table<R> table,
                                         Supplier<Stream<R>> made) {
        long n = tx.write(table, made.get());
        rows.merge(table.name(), n, Long::sum);
        return n;
    }

    /** The slices to advance: all of the seed's, or those of one shard, which must hold whole recorded slices. */
    private static List<SeededSlice> chosen(long seed, List<SeededSlice> slices, int @Nullable [] shard) {
        if (slices.isEmpty()) {
            throw new TargetException("seed " + seed + " has not been seeded in this database, so no day can pass "
                    + "on it", List.of(), TargetException.Remedy.SEED_FIRST);
        }
        if (shard == null) {
            return slices;
        }
        SeedPlan part = slices.get(0).plan().shard(shard[0], shard[1]);
        List<SeededSlice> inside = new ArrayList<>();
        for (SeededSlice s : slices) {
            SeedPlan p = s.plan();
            boolean within = p.fromUser() >= part.fromUser() && p.toUser() <= part.toUser();
            boolean outside = p.toUser() <= part.fromUser() || p.fromUser() >= part.toUser();
            if (!within && !outside) {
                throw new TargetException("shard " + shard[0] + "/" + shard[1] + " (users " + part.fromUser() + ".."
                        + (part.toUser() - 1) + ") cuts the seeded run of users " + p.fromUser() + ".."
                        + (p.toUser() - 1) + " in two: advance it whole or with the shards it was seeded in",
                        List.of());
            }
            if (within) {
                inside.add(s);
            }
        }
        if (inside.isEmpty()) {
            throw new TargetException("shard " + shard[0] + "/" + shard[1] + " (users " + part.fromUser() + ".."
                    + (part.toUser() - 1) + ") of seed " + seed + " has not been seeded in this database", List.of(),
                    TargetException.Remedy.SEED_FIRST);
        }
        return inside;
    }
}
