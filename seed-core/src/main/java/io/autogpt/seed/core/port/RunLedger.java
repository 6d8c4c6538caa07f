package io.autogpt.seed.core.port;

import java.util.List;
import java.util.stream.Stream;

/**
 * A target's record of the runs that wrote into it, read and changed inside one {@link DatasetTransaction}, so a
 * rerun is recognised and a reset removes exactly one run's rows. Runs are keyed by seed and user slice.
 *
 * <p>Not thread-safe: used by the thread that drives its transaction.
 */
public interface RunLedger {
    /** For targets that keep no record: finds nothing, records nothing, and cannot remove a run. */
    RunLedger NONE = new RunLedger() {
        @Override
        public List<RecordedRun> overlapping() {
            return List.of();
        }

        @Override
        public void record(RecordedRun run) {
        }

        @Override
        public long remove(RecordedRun run, Stream<String> userIds) {
            throw new IllegalStateException("this target keeps no record of runs, so it cannot remove one");
        }
    };

    /**
     * The earlier runs of the transaction's seed whose user slices overlap its plan's, in user order; empty when
     * there are none. A run of exactly the plan's slice is a rerun; any other overlap is a conflict.
     */
    List<RecordedRun> overlapping();

    /** Remembers {@code run}; committed with the rows. */
    void record(RecordedRun run);

    /**
     * Removes the rows {@code run} wrote for its users, and forgets it. Shared rows (the blocks, which other runs
     * reference) stay. Fails, changing nothing, where a row the run did not write references one it did through a
     * foreign key that restricts deletes.
     *
     * @param userIds ids of the run's users, consumed once
     * @return rows removed, where the target can tell (else -1)
     */
    long remove(RecordedRun run, Stream<String> userIds);
}
