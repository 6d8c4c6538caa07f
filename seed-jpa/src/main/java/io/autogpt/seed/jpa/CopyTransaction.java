package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Writes rows with PostgreSQL's COPY, the fastest way in: each table is one {@link CopyStream}.
 */
final class CopyTransaction extends JdbcTransaction {
    CopyTransaction(Connection conn, String schema, SeedPlan plan, Session session, Target target) {
        super(conn, schema, plan, session, target);
    }

    @Override
    public <R extends Record> long write(Table<R> given, Stream<R> rows) {
        Table<R> table = fitted(given);
        if (table == null) {
            return 0;
        }
        try {
            if (table.kind() == Table.Kind.INSERT) {
                beforeInsert(table.name());
                return CopyStream.copy(conn, CopyText.copyInto(table, CopyText.quote(table.name())), table, rows);
            }
            if (table.kind() == Table.Kind.INSERT_MISSING) {
                return insertMissing(table, rows);
            }
            // Updates: COPY into a session-local staging table, then one UPDATE ... FROM.
            beforeUpdate(table.name());
            long[] count = {0};
            String staging = stage(table, rows, count);
            try (Statement st = conn.createStatement()) {
                st.executeUpdate(CopyText.applyStaging(table, staging));
            }
            return count[0];
        } catch (SQLException e) {
            throw failure("writing \"" + table.name() + "\"", e);
        }
    }
}
