package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Table;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Writes rows with PostgreSQL's COPY, the fastest way in: each table's rows through the session, which sends them on
 * its pipeline when it has one ({@link CopyPipeline}), else as one {@link CopyStream}.
 */
final class CopySink implements RowSink<SQLException> {
    private final DatabaseSession session;
    /** The tables whose rows go in frozen ({@link BulkLoad#freezes}). */
    private final Predicate<String> frozen;

    CopySink(DatabaseSession session, Predicate<String> frozen) {
        this.session = session;
        this.frozen = frozen;
    }

    @Override
    public <R extends Record> long insert(Table<R> table, Stream<R> rows) throws SQLException {
        return session.copy(CopyText.quote(table.name()), table, rows, frozen.test(table.name()));
    }

    /** COPY into a session-local staging table, then one {@code UPDATE … FROM}. */
    @Override
    public <R extends Record> long update(Table<R> table, Stream<R> rows) throws SQLException {
        DatabaseSession.Staged staged = session.stage(table, rows);
        // Behind the staged rows, while the caller goes on to the next table.
        session.submit(() -> {
            try (Statement st = session.jdbc().createStatement()) {
                st.executeUpdate(CopyText.applyStaging(table, staged.name()));
            }
        }, table.name());
        return staged.count();
    }
}
