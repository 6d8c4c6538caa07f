package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Table;
import java.util.stream.Stream;

/**
 * How one writer (COPY, JPA, a SQL file) puts a table's rows where they go: new rows, and updates of rows written
 * earlier in the run. What happens around a write (locks, bulk loads, key checks, shared rows) is not its business.
 *
 * @param <X> what the writer's medium throws: {@link java.sql.SQLException}, {@link java.io.IOException}
 */
interface RowSink<X extends Exception> {
    /**
     * Writes {@code rows} as new rows of {@code table}.
     *
     * @param rows consumed once, in order
     * @return rows handed over
     */
    <R extends Record> long insert(Table<R> table, Stream<R> rows) throws X;

    /**
     * Sets the columns of {@code table} after its first (the key) on the row the key names, for each of
     * {@code rows}.
     *
     * @param rows consumed once, in order
     * @return rows handed over
     */
    <R extends Record> long update(Table<R> table, Stream<R> rows) throws X;
}
