package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.table.Table;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A transaction that delegates everything, but whose row generator fails after {@code afterRows} rows of one table
 * — a crash in the middle of a load, for tests of atomicity.
 *
 * @param table     the table whose rows fail
 * @param afterRows rows that pass before the failure
 * @param message   the failure's message
 * @param inner     the real transaction
 */
public record FailingTransaction(String table, int afterRows, String message, DatasetTransaction inner)
        implements DatasetTransaction {
    @Override
    public Optional<RecordedRun> findRun() {
        return inner.findRun();
    }

    @Override
    public long removeRun(RecordedRun run, Stream<String> userIds, Stream<String> blockIds) {
        return inner.removeRun(run, userIds, blockIds);
    }

    @Override
    public <R extends Record> long write(Table<R> t, Stream<R> rows) {
        if (!t.name().equals(table)) {
            return inner.write(t, rows);
        }
        int[] seen = {0};
        return inner.write(t, rows.peek(r -> {
            if (++seen[0] > afterRows) {
                throw new IllegalStateException(message);
            }
        }));
    }

    @Override
    public void recordRun(RecordedRun run) {
        inner.recordRun(run);
    }

    @Override
    public void commit() {
        inner.commit();
    }

    @Override
    public void close() {
        inner.close();
    }
}
