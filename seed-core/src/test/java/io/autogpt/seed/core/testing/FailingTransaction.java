package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.table.Table;
import java.util.stream.Stream;

/**
 * A transaction that delegates everything, but whose row generator fails after {@code afterRows} rows of one table
 * — a crash in the middle of a load, for tests of atomicity.
 */
public final class FailingTransaction extends ForwardingTransaction {
    private final String table;
    private final int afterRows;
    private final String message;

    /**
     * @param table     the table whose rows fail
     * @param afterRows rows that pass before the failure
     * @param message   the failure's message
     * @param inner     the real transaction
     */
    public FailingTransaction(String table, int afterRows, String message, DatasetTransaction inner) {
        super(inner);
        this.table = table;
        this.afterRows = afterRows;
        this.message = message;
    }

    @Override
    public <R extends Record> long write(Table<R> t, Stream<R> rows) {
        if (!t.name().equals(table)) {
            return super.write(t, rows);
        }
        int[] seen = {0};
        return super.write(t, rows.peek(r -> {
            if (++seen[0] > afterRows) {
                throw new IllegalStateException(message);
            }
        }));
    }
}
