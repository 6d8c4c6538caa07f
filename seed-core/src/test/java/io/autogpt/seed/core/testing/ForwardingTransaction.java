package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.table.Table;
import java.util.Optional;
import java.util.stream.Stream;

/** A transaction that hands every call to {@code inner}; tests override the calls they watch. */
public class ForwardingTransaction implements DatasetTransaction {
    private final DatasetTransaction inner;

    public ForwardingTransaction(DatasetTransaction inner) {
        this.inner = inner;
    }

    @Override
    public Optional<RecordedRun> findRun() {
        return inner.findRun();
    }

    @Override
    public long removeRun(RecordedRun run, Stream<String> userIds, Stream<String> blockIds) {
        return inner.removeRun(run, userIds, blockIds);
    }

    @Override
    public <R extends Record> long write(Table<R> table, Stream<R> rows) {
        return inner.write(table, rows);
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
