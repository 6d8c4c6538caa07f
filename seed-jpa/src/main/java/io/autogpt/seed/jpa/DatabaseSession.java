package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's connection and its one transaction: the run's advisory locks, session-local staging tables, what the
 * server said, commit and rollback. Nothing here knows tables, loads or rows.
 *
 * <p>Owns its connection: {@link #close()} rolls back unless committed, then closes it. If the process dies
 * instead, PostgreSQL rolls the open transaction back: nothing of the run stays either way.
 */
final class DatabaseSession {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSession.class);

    /** An advisory lock's 64-bit key from a name, hashed by the server, so every client agrees on it. */
    static final String LOCK_KEY = "hashtextextended(?, 0)";

    /**
     * Another client of the session's connection that buffers writes and runs the transaction itself (EclipseLink):
     * its writes are pushed before plain JDBC work, and the transaction commits and rolls back through it.
     */
    interface SharedClient {
        /** Sends buffered writes to the connection. */
        void flush();

        /** Commits the connection's transaction, this client's writes and everyone else's. */
        void commit();

        /** Rolls back what is still open and releases the client; never throws. */
        void close();
    }

    /** Statements on the session's connection, run one by one for as long as {@code keepGoing} says. */
    @FunctionalInterface
    interface SqlWork {
        void run(java.util.function.BooleanSupplier keepGoing) throws SQLException;
    }

    private final Connection conn;
    private final @Nullable SharedClient shared;
    /** Work the next table's COPY runs once its rows are being made: see {@link #beforeNextCopy}. */
    private @Nullable SqlWork beforeNextCopy;
    private int stagingTables;
    private boolean committed;
    /** What the server said that the run's report passes on. */
    private final List<String> notices = new ArrayList<>();

    /** A session on {@code conn}, which it owns from now on, shared with {@code shared} (or only JDBC's: null). */
    DatabaseSession(Connection conn, @Nullable SharedClient shared) {
        this.conn = conn;
        this.shared = shared;
    }

    /**
     * Takes the run's locks on {@code conn}, for the rest of its transaction. Runs of one seed share a lock, so shards
     * load side by side; two runs of one slice exclude each other: the second waits, then finds the first in the
     * ledger ("already seeded").
     */
    static void lockRun(Connection conn, String schema, SeedPlan plan) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock_shared(" + LOCK_KEY
                + "), pg_advisory_xact_lock(" + LOCK_KEY + ")")) {
            lock.setString(1, "autogpt-seed/" + schema + "/" + plan.seed());
            lock.setString(2, "autogpt-seed/" + schema + "/" + plan.seed() + "/" + plan.fromUser() + ".."
                    + plan.toUser());
            lock.execute();
        }
    }

    /** The connection for plain JDBC work, with the shared client's buffered writes pushed first. */
    Connection jdbc() {
        if (shared != null) {
            shared.flush();
        }
        return conn;
    }

    /**
     * Hands {@code work} (building indexes of full tables) to the next table COPY, which runs it on the connection
     * while its producer makes rows and has room for them: the server's work and the generator's overlap. Work not taken by then
     * is left to whoever settles the load ({@link BulkLoad#finish}); it must be safe to skip.
     */
    void beforeNextCopy(SqlWork work) {
        beforeNextCopy = work;
    }

    /** The work handed over for the next COPY, once; null when there is none. */
    @Nullable SqlWork takeBeforeCopy() {
        SqlWork work = beforeNextCopy;
        beforeNextCopy = null;
        return work;
    }

    /**
     * A table staged in the session: its name and how many rows went in.
     *
     * @param name  the session-local table's name, to splice into SQL (made here, never from input)
     * @param count rows copied into it
     */
    record Staged(String name, long count) {
    }

    /**
     * COPYs {@code rows} into a new session-local table of {@code table}'s columns, dropped at commit.
     */
    <R extends Record> Staged stage(Table<R> table, Stream<R> rows) throws SQLException {
        String staging = "seed_staging_" + (++stagingTables);
        Connection c = jdbc();
        try (Statement st = c.createStatement()) {
            st.execute(CopyText.createStaging(table, staging));
        }
        return new Staged(staging, CopyStream.copy(c, staging, table, rows));
    }

    /**
     * Runs {@code sql} (a constant statement), keeping what the server said about it for the report.
     */
    void executeNoting(String sql) throws SQLException {
        try (Statement st = jdbc().createStatement()) {
            st.execute(sql);
            addNotices(st.getWarnings());
        }
    }

    /** Takes what the server said outside a statement of ours (during a COPY, at commit): it waits on the connection. */
    void takeConnectionNotices() throws SQLException {
        addNotices(conn.getWarnings());
        conn.clearWarnings();
    }

    /** Server notices and warnings go into the run's report, one line each; a logger would print them raw. */
    private void addNotices(@Nullable SQLWarning first) {
        for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
            String line = Connections.firstLine(w.getMessage());
            if (!line.isBlank()) {
                notices.add(line);
            }
        }
    }

    /** What the server said so far, in order. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    /** Commits the transaction: through the shared client when there is one (it owns the transaction then). */
    void commit() throws SQLException {
        if (shared != null) {
            // EclipseLink commits the shared connection, and with it the ledger and lock work done over JDBC.
            shared.commit();
        } else {
            conn.commit();
        }
        committed = true;
    }

    /** Rolls back unless committed, and closes the connection; never throws. */
    void close() {
        try {
            LoadTimings.write();
        } catch (RuntimeException e) {
            LOG.warn("{}", Connections.firstLine(e.getMessage()));
        }
        try {
            if (shared != null) {
                shared.close();
            }
        } finally {
            try {
                // EclipseLink's own rollback may already have ended the transaction (and turned auto-commit on).
                if (!committed && !conn.getAutoCommit()) {
                    conn.rollback();
                }
            } catch (SQLException e) {
                LOG.warn("rollback failed: {}", Connections.firstLine(e.getMessage()));
            } finally {
                try {
                    conn.close();
                } catch (SQLException e) {
                    LOG.warn("closing the connection failed: {}", Connections.firstLine(e.getMessage()));
                }
            }
        }
    }

    /** A database error while doing {@code what}, as one line without secrets. */
    static TargetException failure(String what, SQLException e) {
        String detail = Connections.firstLine(e.getMessage());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            detail = Connections.firstLine(next.getMessage());
        }
        return new TargetException(what + " failed: " + detail, e);
    }
}
