package io.autogpt.seed.core.port;

import io.autogpt.seed.core.table.Table;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One all-or-nothing write of a dataset. Tables are written in dependency order, each from a stream that is
 * consumed once and never held whole; {@link #close()} without {@link #commit()} discards everything.
 *
 * <p>Not thread-safe: one thread drives a transaction from begin to close.
 */
public interface DatasetTransaction extends AutoCloseable {
    /** The earlier run of the plan this transaction was begun with (same seed and users), if the target has one. */
    Optional<RecordedRun> findRun();

    /**
     * Removes exactly the rows {@code run} wrote: those of its users (found by id) and, if it wrote them, its
     * blocks, then forgets the run.
     *
     * @param userIds  ids of the run's users, consumed once
     * @param blockIds ids of the run's blocks (empty when it wrote none), consumed once
     * @return rows removed, where the target can tell (else -1)
     */
    long removeRun(RecordedRun run, Stream<String> userIds, Stream<String> blockIds);

    /**
     * Writes every row of {@code rows} into {@code table}: inserts for {@link Table.Kind#INSERT} tables, updates of
     * rows written earlier in this transaction for {@link Table.Kind#UPDATE} tables.
     *
     * @param rows consumed once, in order; the implementation may not keep it
     * @return rows written
     */
    <R extends Record> long write(Table<R> table, Stream<R> rows);

    /** Remembers {@code run}, so a rerun is recognised and {@code --reset} can find its rows. */
    void recordRun(RecordedRun run);

    /** Makes everything written visible at once. */
    void commit();

    /** Ends the transaction; discards everything unless {@link #commit()} returned. Never throws checked. */
    @Override
    void close();
}
