package io.autogpt.seed.core.port;

import io.autogpt.seed.core.plan.RunShape;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the target remembers of an earlier seeding run: enough to recognise a rerun and to find the rows it made.
 *
 * @param seed      the run's seed
 * @param fromUser  first user ordinal of its slice, inclusive
 * @param toUser    last user ordinal of its slice, exclusive
 * @param users     the plan's total user count
 * @param blocks    the size of the block catalogue the run wrote (where missing)
 * @param now       the run's time anchor
 * @param rows      rows the run wrote
 * @param shape     everything that shaped its rows; {@link RunShape#UNKNOWN} for a run recorded without it (by an
 *                  older version of the seeder, or found by its rows without a record)
 */
public record RecordedRun(long seed, int fromUser, int toUser, int users, int blocks, LocalDateTime now,
                          long rows, RunShape shape) {
    public RecordedRun {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(shape, "shape");
    }
}
