package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Table;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes rows with PostgreSQL's COPY, the fastest way in: each table is one COPY stream, fed in 64 KiB chunks as
 * rows are generated, so the server ingests one chunk while the next is made.
 */
final class CopyTransaction extends JdbcTransaction {
    private static final int CHUNK_CHARS = 1 << 16;

    private final CopyManager copy;
    private int stagingTables;

    CopyTransaction(Connection conn, String schema) throws SQLException {
        super(conn, schema);
        this.copy = conn.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public <R extends Record> long write(Table<R> table, Stream<R> rows) {
        try {
            if (table.kind() == Table.Kind.INSERT) {
                return copy(CopyText.copyInto(table, CopyText.quote(table.name())), table, rows);
            }
            // Updates: COPY into a session-local staging table, then one UPDATE ... FROM.
            String staging = "seed_update_" + (++stagingTables);
            try (Statement st = conn.createStatement()) {
                st.execute(CopyText.createStaging(table, staging));
            }
            long rowCount = copy(CopyText.copyInto(table, staging), table, rows);
            try (Statement st = conn.createStatement()) {
                st.executeUpdate(CopyText.applyStaging(table, staging));
            }
            return rowCount;
        } catch (SQLException e) {
            throw failure("writing \"" + table.name() + "\"", e);
        }
    }

    private <R extends Record> long copy(String sql, Table<R> table, Stream<R> rows) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
            long count = 0;
            for (Iterator<R> it = rows.iterator(); it.hasNext(); ) {
                CopyText.appendRow(chunk, table, it.next());
                count++;
                if (chunk.length() >= CHUNK_CHARS) {
                    send(in, chunk);
                }
            }
            send(in, chunk);
            in.endCopy();
            return count;
        } finally {
            // An exception mid-stream must abort the COPY: ending it would load the rows sent so far.
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder chunk) throws SQLException {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }
}
