package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.TargetFacts;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * What every database writer shares: one connection, one transaction, advisory locks, the run ledger, removal of an
 * earlier run, rows shared between runs (inserted where missing), and the materialised-view refresh before commit.
 * Subclasses write new rows.
 *
 * <p>Owns its connection: {@link #close()} rolls back unless committed, then closes it. If the process dies
 * instead, PostgreSQL rolls the open transaction back: nothing of the run stays either way.
 */
abstract class JdbcTransaction implements DatasetTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransaction.class);

    /** An advisory lock's 64-bit key from a name, hashed by the server, so every client agrees on it. */
    static final String LOCK_KEY = "hashtextextended(?, 0)";

    final Connection conn;
    final String schema;
    private final SeedPlan plan;
    /** Set-based foreign key checks, when the role allows them; null: checks stay per row. */
    private final @Nullable ForeignKeyDeferral deferral;
    /** Which tables load without their indexes and foreign keys, and their rebuild before commit. */
    private final BulkLoad bulk;
    /** Which tables and columns the target takes, and what it said about itself. */
    private final Target target;
    private final @Nullable LoginUsers logins;
    private boolean loginsWritten;
    /** Inserts of staged shared rows not yet run. */
    private final List<String> pendingShared = new ArrayList<>();
    private int stagingTables;
    private boolean committed;
    /** What the server said that the run's report passes on. */
    private final List<String> notices = new ArrayList<>();

    /**
     * The target as {@link #prepare} found it.
     *
     * @param fit   how the dataset's tables fit the target's schema
     * @param facts what the run reports of it
     */
    record Target(SchemaFit fit, TargetFacts facts) {
        /** This target, with more to say about itself. */
        Target withNotes(List<String> more) {
            return more.isEmpty() ? this : new Target(fit, facts.withNotes(more));
        }
    }

    /**
     * How the parts of a writer that reach the database go about it.
     *
     * @param logins Supabase Auth accounts for the seeded users, or null for none
     */
    record Session(@Nullable ForeignKeyDeferral deferral, BulkLoad bulk, @Nullable LoginUsers logins) {
        Session(@Nullable ForeignKeyDeferral deferral, BulkLoad bulk) {
            this(deferral, bulk, null);
        }
    }

    JdbcTransaction(Connection conn, String schema, SeedPlan plan, Session session, Target target) {
        this.conn = conn;
        this.schema = schema;
        this.plan = plan;
        this.deferral = session.deferral();
        this.bulk = session.bulk();
        this.logins = session.logins();
        this.target = target;
    }

    @Override
    public TargetFacts facts() {
        return target.facts();
    }

    /** Per table written without some of its columns (the target lacks them), those columns. */
    final Map<String, List<String>> absentColumns() {
        return target.fit().absentColumns();
    }

    /** {@code table} as the target takes it, or null when the target leaves the table out. */
    final <R extends Record> @Nullable Table<R> fitted(Table<R> table) {
        return target.fit().table(table);
    }

    @Override
    public String path(Table<?> table) {
        return switch (table.kind()) {
            case INSERT -> bulk.path(table.name());
            case INSERT_MISSING -> "where missing";
            case UPDATE -> "update";
        };
    }

    /**
     * Readies the session for a bulk insert into {@code table}. Before the first, decides which tables load without
     * their indexes and foreign keys.
     */
    final void beforeInsert(String table) throws SQLException {
        beforeJdbc();
        if (logins != null && !loginsWritten && table.equals(User.TABLE.name())) {
            // Accounts first: the platform's trigger on auth.users would collide with seeded "User" rows.
            loginsWritten = true;
            long n = SupabaseLogins.write(conn, new Dataset(plan).rows(User.TABLE), logins);
            LOG.info("{} Supabase Auth accounts written (auth.users, auth.identities)", n);
        }
        bulk.start();
        if (bulk.isBulk(table)) {
            // Its foreign keys come back, checked, before commit; its own triggers, if any, fire as usual.
            if (deferral != null) {
                deferral.triggersOn();
            }
            return;
        }
        boolean deferred = deferral != null && deferral.beforeInsert(table);
        if (!deferred) {
            // Checked row by row: every parent must be there, the shared ones included.
            applyShared();
        }
    }

    /** Readies the session for updating rows of {@code table}: its indexes, its triggers. */
    final void beforeUpdate(String table) throws SQLException {
        beforeJdbc();
        bulk.beforeUpdate(table);
        triggersOn();
    }

    /** Turns per-row triggers back on, for updates and deletes. */
    final void triggersOn() throws SQLException {
        applyShared();
        if (deferral != null) {
            deferral.triggersOn();
        }
    }

    /**
     * Stages rows that other runs may have written already (the blocks), and inserts those that are missing: at
     * once when foreign keys are checked per row, else just before commit. A concurrent run inserting the same keys
     * makes {@code ON CONFLICT} wait for that run's end; done last, that wait does not hold the whole load, so
     * shards of one dataset load side by side instead of one after another.
     */
    final <R extends Record> long insertMissing(Table<R> table, Stream<R> rows) throws SQLException {
        long[] count = {0};
        pendingShared.add(CopyText.insertMissing(table, stage(table, rows, count)));
        if (deferral == null) {
            applyShared();
        }
        return count[0];
    }

    /**
     * COPYs {@code rows} into a new session-local table of {@code table}'s columns, dropped at commit, and returns
     * its name; {@code count[0]} receives how many rows went in.
     */
    final <R extends Record> String stage(Table<R> table, Stream<R> rows, long[] count) throws SQLException {
        String staging = "seed_staging_" + (++stagingTables);
        try (Statement st = conn.createStatement()) {
            st.execute(CopyText.createStaging(table, staging));
        }
        count[0] = CopyStream.copy(conn, CopyText.copyInto(table, staging), table, rows);
        return staging;
    }

    /** Inserts the staged shared rows that are still missing. */
    private void applyShared() throws SQLException {
        if (pendingShared.isEmpty()) {
            return;
        }
        if (deferral != null) {
            deferral.triggersOn();
        }
        try (Statement st = conn.createStatement()) {
            for (String insert : pendingShared) {
                st.executeUpdate(insert);
            }
        }
        pendingShared.clear();
    }

    /**
     * Readies the target for {@code plan}: ledger, lock, optional DDL, and the schema check, all before any row.
     *
     * @throws TargetException listing every problem when the schema cannot take the rows
     */
    static Target prepare(Connection conn, String schema, SeedPlan plan, @Nullable SchemaVersion create)
            throws SQLException {
        Ledger.ensure(conn);
        // Runs of one seed share a lock, so shards load side by side; two runs of one slice exclude each other: the
        // second waits, then finds the first in the ledger ("already seeded").
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock_shared(" + LOCK_KEY
                + "), pg_advisory_xact_lock(" + LOCK_KEY + ")")) {
            lock.setString(1, "autogpt-seed/" + schema + "/" + plan.seed());
            lock.setString(2, "autogpt-seed/" + schema + "/" + plan.seed() + "/" + plan.fromUser() + ".."
                    + plan.toUser());
            lock.execute();
        }
        List<String> notes = create == null ? List.of()
                : SchemaDdl.of(create).ensure(conn, schema, "autogpt-seed/" + schema + "/ddl");
        if (!schemaExists(conn, schema)) {
            throw new TargetException("schema \"" + schema + "\" cannot take the seeded rows",
                    List.of("schema \"" + schema + "\" does not exist"), TargetException.Remedy.CREATE_SCHEMA);
        }
        SchemaFit fit = SchemaFit.of(SchemaShape.read(conn, schema), plan);
        if (!fit.problems().isEmpty()) {
            throw new TargetException("schema \"" + schema + "\" cannot take the seeded rows", fit.problems(),
                    create != null ? TargetException.Remedy.NONE : TargetException.Remedy.CREATE_SCHEMA);
        }
        return new Target(fit, fit.facts(notes));
    }

    private static boolean schemaExists(Connection conn, String schema) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public RunLedger runs() {
        return new RunLedger() {
            @Override
            public List<RecordedRun> overlapping() {
                return findOverlapping();
            }

            @Override
            public void record(RecordedRun run) {
                try {
                    beforeJdbc();
                    Ledger.record(conn, schema, run);
                } catch (SQLException e) {
                    throw failure("recording the run", e);
                }
            }

            @Override
            public long remove(RecordedRun run, Stream<String> userIds) {
                try {
                    beforeJdbc();
                    triggersOn();
                    long removed = RunRemover.remove(conn, userIds,
                            Dataset.searchTermIds(run.seed(), run.fromUser(), run.toUser()), target.fit()::hasTable);
                    Ledger.forget(conn, schema, run);
                    return removed;
                } catch (SQLException e) {
                    throw failure("removing the earlier run of users [" + run.fromUser() + ", " + run.toUser() + ")",
                            e);
                }
            }
        };
    }

    /**
     * The ledger's runs of this seed that overlap the plan's users; failing any, when the plan's first user is
     * already in the table (the ledger was dropped, or the rows came from a dump), a record made from this plan, so
     * the rerun is still recognised and a reset still finds the rows.
     */
    private List<RecordedRun> findOverlapping() {
        long seed = plan.seed();
        try {
            List<RecordedRun> recorded = Ledger.overlapping(conn, schema, seed, plan.fromUser(), plan.toUser());
            if (!recorded.isEmpty()) {
                return recorded;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM \"User\" WHERE id = ?")) {
                ps.setString(1, Dataset.userIds(seed, plan.fromUser(), plan.fromUser() + 1).findFirst().orElseThrow());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return List.of();
                    }
                }
            }
            // Its shape is unknown: the runner takes it for a rerun and its report says the shape was not compared.
            return List.of(new RecordedRun(seed, plan.fromUser(), plan.toUser(), plan.scale().users(),
                    io.autogpt.seed.core.block.BlockCatalogue.platform().size(), plan.now(), -1,
                    io.autogpt.seed.core.plan.RunShape.UNKNOWN));
        } catch (SQLException e) {
            throw failure("reading the run ledger", e);
        }
    }

    @Override
    public void commit() {
        try {
            beforeJdbc();
            applyShared();
            bulk.finish();
            if (deferral != null) {
                deferral.verify();
            }
            // What the server said outside a statement of ours (during a COPY, at commit) waits on the connection.
            takeConnectionNotices();
            refreshStoreViews();
            commitConnection();
            committed = true;
            takeConnectionNotices();
        } catch (SQLException e) {
            throw failure("committing", e);
        }
    }

    /** Hook for writers that buffer: push pending rows before plain JDBC work on the same connection. */
    void beforeJdbc() {
    }

    /** Commits the connection's transaction. */
    void commitConnection() throws SQLException {
        conn.commit();
    }

    /** The marketplace reads materialised views; a migrated database refreshes them with its own function. */
    private void refreshStoreViews() throws SQLException {
        LOG.info("refreshing the store's materialized views, where the platform has them");
        try (Statement st = conn.createStatement()) {
            st.execute(StoreViews.REFRESH_SQL);
            addNotices(st.getWarnings());
        }
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

    private void takeConnectionNotices() throws SQLException {
        addNotices(conn.getWarnings());
        conn.clearWarnings();
    }

    @Override
    public List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public void close() {
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
