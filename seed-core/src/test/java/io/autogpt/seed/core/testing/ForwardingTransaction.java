package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetFacts;
import io.autogpt.seed.core.table.Table;
import java.util.List;
import java.util.stream.Stream;

/** A transaction that hands every call to {@code inner}; tests override the calls they watch. */
public class ForwardingTransaction implements DatasetTransaction {
    private final DatasetTransaction inner;

    public ForwardingTransaction(DatasetTransaction inner) {
        this.inner = inner;
    }

    @Override
    public <R extends Record> long write(Table<R> table, Stream<R> rows) {
        return inner.write(table, rows);
    }

    @Override
    public void commit() {
        inner.commit();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public TargetFacts facts() {
        return inner.facts();
    }

    @Override
    public List<String> notices() {
        return inner.notices();
    }

    @Override
    public RunLedger runs() {
        return inner.runs();
    }

    @Override
    public String path(Table<?> table) {
        return inner.path(table);
    }
}
