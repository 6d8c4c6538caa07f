package io.autogpt.seed.core.run;

import io.autogpt.seed.core.user.User;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code advance} did.
 *
 * @param seed     the dataset's seed
 * @param slices   each recorded slice the advance covered, with its days before and after
 * @param rows     new rows per table, in the order first written (updates not counted)
 * @param finished runs left running or queued from an earlier day that the advance finished
 * @param balances users whose {@code "UserBalance"} moved
 * @param featured store versions whose {@code isFeatured} flag turned
 * @param store    what the store's reviewers and owners did to existing versions
 * @param elapsed  from begin to commit
 */
public record AdvanceReport(long seed, List<SliceDays> slices, Map<String, Long> rows, long finished, long balances,
                            long featured, StoreMoves store, Duration elapsed) {
    public AdvanceReport {
        slices = List.copyOf(slices);
        rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The store's updates of an advance, which add no rows (new versions are counted in {@link #rows}).
     *
     * @param approved      waiting versions approved (each now its listing's active version)
     * @param rejected      waiting versions rejected
     * @param recategorised active versions whose categories changed
     */
    public record StoreMoves(long approved, long rejected, long recategorised) {
        /** Nothing moved. */
        public static final StoreMoves NONE = new StoreMoves(0, 0, 0);

        StoreMoves plus(StoreMoves other) {
            return new StoreMoves(approved + other.approved, rejected + other.rejected,
                    recategorised + other.recategorised);
        }
    }

    /**
     * One slice's days.
     *
     * @param fromUser   first user, inclusive
     * @param toUser     last user, exclusive
     * @param seeded     the seeded anchor
     * @param daysBefore days advanced before this run
     * @param daysAfter  days advanced after it (equal when it was already there)
     */
    public record SliceDays(int fromUser, int toUser, LocalDateTime seeded, int daysBefore, int daysAfter) {
        /** The slice's anchor after the advance. */
        public LocalDateTime anchor() {
            return seeded.plusDays(daysAfter);
        }
    }

    /** Whether every slice was already at the day asked for: nothing changed. */
    public boolean alreadyThere() {
        return slices.stream().allMatch(s -> s.daysAfter() == s.daysBefore());
    }

    /** Users who signed up on the days: the only {@code "User"} rows an advance adds. */
    public long signUps() {
        return rows.getOrDefault(User.TABLE.name(), 0L);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
