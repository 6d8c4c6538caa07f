package io.autogpt.seed.core.port;

import io.autogpt.seed.core.table.Table;
import java.util.List;
import java.util.stream.Stream;

/**
 * One all-or-nothing write of a dataset: tables are written in dependency order, each from a stream that is consumed
 * once and never held whole; {@link #close()} without {@link #commit()} discards everything. A writer of rows
 * implements three methods; a target that also keeps a record of runs (to recognise reruns and reset them) returns
 * it from {@link #runs()}, inside the same transaction.
 *
 * <p>Not thread-safe: one thread drives a transaction from begin to close.
 */
public interface DatasetTransaction extends AutoCloseable {
    /**
     * Writes every row of {@code rows} into {@code table}, as its {@link Table#kind() kind} says: new rows, rows
     * where missing, or updates of rows written earlier in this transaction.
     *
     * <p>A target may still be sending the rows when this returns, so the next table's rows are made meanwhile: a row
     * it refuses then fails a later {@code write} or the {@link #commit()}, with a {@link TargetException} naming
     * this table. Nothing is written either way.
     *
     * @param rows consumed once, in order, before this returns; the implementation may not keep it
     * @return rows handed over
     */
    <R extends Record> long write(Table<R> table, Stream<R> rows);

    /** Makes everything written visible at once. */
    void commit();

    /** Ends the transaction; discards everything unless {@link #commit()} returned. Never throws checked. */
    @Override
    void close();

    /**
     * What the target found out about itself when the transaction began: its schema version and the tables it
     * leaves out; {@link TargetFacts#NONE} when it takes every table and has nothing to say.
     */
    default TargetFacts facts() {
        return TargetFacts.NONE;
    }

    /**
     * How {@code table}'s rows went in, once {@link #write} returned: a few words for the run's report (a database
     * may say {@code bulk} for rows loaded before the table's indexes were built, or {@code indexed (held rows)});
     * empty when the target does not tell.
     */
    default String path(Table<?> table) {
        return "";
    }

    /**
     * What the target said while the transaction went on, for the run's report: a database server's notices and
     * warnings (from the platform's functions and triggers), one line each, in the order said, complete once
     * {@link #commit()} returned; empty when it said nothing or does not tell. An implementation hands them over
     * here instead of logging them.
     */
    default List<String> notices() {
        return List.of();
    }

    /** The target's record of runs, in this transaction; {@link RunLedger#NONE} when it keeps none. */
    default RunLedger runs() {
        return RunLedger.NONE;
    }
}
