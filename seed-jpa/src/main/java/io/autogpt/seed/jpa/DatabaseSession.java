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
import java.util.Map;
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
        /**
         * Sends buffered writes to the connection, and waits until they are in.
         *
         * @throws RuntimeException what writing them threw (EclipseLink's {@code PersistenceException})
         */
        void flush();

        /** Commits the connection's transaction, this client's writes and everyone else's. */
        void commit();

        /** Rolls back what is still open and releases the client; never throws. */
        void close();

        /**
         * Queues {@code work} on the connection behind the client's buffered writes, for {@code table}'s sake: run
         * by the client's own thread in its place among them, while the caller goes on.
         *
         * @throws SQLException a failure of earlier writes, not yet thrown
         */
        void submit(ConnectionWork work, String table) throws SQLException;

        /** Whether the calling thread is the client's own, running work {@linkplain #submit submitted} to it. */
        boolean onWorker();
    }

    private final Connection conn;
    private final @Nullable SharedClient shared;
    /**
     * Where new rows go when the run sends them from a thread of their own ({@link #pipelineCopies}); null: each
     * table's rows go in before its write returns.
     */
    private @Nullable CopyPipeline pipeline;
    /** Column types of the pipeline's relations, read in one query: no catalog lookups while rows are queued. */
    private Map<String, Map<String, CopyBinary.TargetType>> pipelineTypes = Map.of();
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

    /**
     * The connection for plain JDBC work, with the shared client's buffered writes pushed first, and the rows and
     * statements queued on the pipeline done: the caller has it to itself until it queues again.
     */
    Connection jdbc() {
        if (shared != null && !shared.onWorker()) {
            shared.flush();
        }
        if (pipeline != null && !pipeline.onWorker()) {
            pipeline.drain();
        }
        return conn;
    }

    /**
     * From now on, new rows ({@link #copy}) and the work {@link #submit}ted go to a thread of their own that sends
     * them while the caller makes the next ones, and does {@code backlog} whenever it has nothing to send. Only for
     * a session no shared client writes through.
     *
     * @param relations the relations rows will be copied into (SQL names), whose column types are read now
     */
    void pipelineCopies(List<String> relations, Backlog backlog) throws SQLException {
        if (shared != null) {
            throw new IllegalStateException("a shared client writes through this session: its rows go in order");
        }
        pipelineTypes = CopyBinary.columnTypes(jdbc(), relations);
        pipeline = new CopyPipeline(conn, backlog);
    }

    /**
     * Runs {@code work} on the connection: in its place behind the rows queued before it, while the caller goes on,
     * when the session pipelines its copies or a shared client sends its writes from a thread of its own (a failure
     * then surfaces at the caller's next call, as writing {@code table}); else now.
     */
    void submit(ConnectionWork work, String table) throws SQLException {
        if (pipeline != null && !pipeline.onWorker()) {
            pipeline.submit(work, table);
        } else if (shared != null && !shared.onWorker()) {
            shared.submit(work, table);
        } else {
            jdbc();
            work.run();
        }
    }

    /**
     * COPYs {@code rows} into {@code relation} (an SQL name, quoted where needed): queued on the pipeline, when the
     * session has one, else before returning. Queued in binary where the relation's column types were read when the
     * pipeline began, else in text: a relation made since (a staging table) may not even exist yet.
     *
     * @return rows handed over
     */
    <R extends Record> long copy(String relation, Table<R> table, Stream<R> rows) throws SQLException {
        return copy(relation, table, rows, false);
    }

    /**
     * As {@link #copy(String, Table, Stream)}; with {@code freeze}, the rows are stored frozen, which the server allows
     * only into a table this transaction created or emptied ({@link BulkLoad#freezes}).
     */
    <R extends Record> long copy(String relation, Table<R> table, Stream<R> rows, boolean freeze)
            throws SQLException {
        if (pipeline != null && !pipeline.onWorker()) {
            Map<String, CopyBinary.TargetType> types = pipelineTypes.get(relation);
            return pipeline.copy(relation, table, rows, types != null ? CopyStream.encoding(types, table)
                    : CopyText.rows(table), freeze);
        }
        return CopyStream.copy(jdbc(), relation, table, rows, freeze);
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
     * COPYs {@code rows} into a new session-local table of {@code table}'s columns, dropped at commit: queued behind
     * the rows before them when the session pipelines its copies, so what uses the staged rows must be
     * {@linkplain #submit submitted} too, or wait for them.
     */
    <R extends Record> Staged stage(Table<R> table, Stream<R> rows) throws SQLException {
        String staging = "seed_staging_" + (++stagingTables);
        String create = CopyText.createStaging(table, staging);
        submit(() -> {
            try (Statement st = conn.createStatement()) {
                st.execute(create);
            }
        }, table.name());
        return new Staged(staging, copy(staging, table, rows));
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
        if (pipeline != null) {
            // The worker lets go of the connection first: what it still had queued is dropped, and rolled back below.
            pipeline.close();
        }
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

    /** A database error while writing {@code table}, as one line without secrets. */
    static TargetException writing(String table, SQLException e) {
        return failure("writing \"" + table + "\"", e);
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
