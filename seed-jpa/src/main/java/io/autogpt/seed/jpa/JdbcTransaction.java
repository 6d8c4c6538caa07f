package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.DatasetShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every database writer shares: one connection, one transaction, an advisory lock per (schema, seed), the
 * run ledger, removal of an earlier run, and the materialised-view refresh before commit. Subclasses write rows.
 *
 * <p>Owns its connection: {@link #close()} rolls back unless committed, then closes it. If the process dies
 * instead, PostgreSQL rolls the open transaction back: nothing of the run stays either way.
 */
abstract class JdbcTransaction implements DatasetTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransaction.class);
    private static final String DDL_RESOURCE = "/io/autogpt/seed/jpa/schema.sql";

    final Connection conn;
    final String schema;
    private final SeedPlan plan;
    /** Set-based foreign key checks, when the role allows them; null: checks stay per row. */
    private final @Nullable ForeignKeyDeferral deferral;
    private boolean committed;

    JdbcTransaction(Connection conn, String schema, SeedPlan plan, @Nullable ForeignKeyDeferral deferral) {
        this.conn = conn;
        this.schema = schema;
        this.plan = plan;
        this.deferral = deferral;
    }

    /** Readies the session for a bulk insert into {@code table}. */
    final void beforeInsert(String table) throws SQLException {
        if (deferral != null) {
            deferral.beforeInsert(table);
        }
    }

    /** Turns per-row triggers back on, for updates and deletes. */
    final void triggersOn() throws SQLException {
        if (deferral != null) {
            deferral.triggersOn();
        }
    }

    /**
     * Readies the target for {@code plan}: ledger, lock, optional DDL, and the schema check, all before any row.
     *
     * @throws TargetException listing every problem when the schema cannot take the rows
     */
    static void prepare(Connection conn, String schema, SeedPlan plan, boolean createSchema) throws SQLException {
        Ledger.ensure(conn);
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            // Two runs of one seed into one schema would collide; the second waits, then sees "already seeded".
            lock.setLong(1, Rng.key(plan.seed(), "lock/" + schema));
            lock.execute();
        }
        if (createSchema) {
            try (Statement st = conn.createStatement()) {
                st.execute("SET LOCAL client_min_messages = warning");
                st.execute("CREATE SCHEMA IF NOT EXISTS " + CopyText.quote(schema));
                st.execute(ddl());
            }
        }
        List<Table<?>> tables = new Dataset(plan).steps().stream().<Table<?>>map(Dataset.Step::table).toList();
        List<String> problems = SchemaVerifier.problems(conn, schema, tables);
        if (!problems.isEmpty()) {
            throw new TargetException("schema \"" + schema + "\" cannot take the seeded rows"
                    + (createSchema ? "" : " (--create-schema creates what is missing)"), problems);
        }
    }

    /** The seeder's idempotent DDL. */
    static String ddl() {
        try (InputStream in = JdbcTransaction.class.getResourceAsStream(DDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema.sql", e);
        }
    }

    /**
     * The ledger's record of the run; failing that, when the plan's first user is already in the table (the ledger
     * was dropped, or the rows came from a dump), a record made from this plan, so the rerun is still recognised and
     * {@code --reset} still finds the rows.
     */
    @Override
    public Optional<RecordedRun> findRun() {
        long seed = plan.seed();
        try {
            Optional<RecordedRun> recorded = Ledger.find(conn, schema, seed, plan.fromUser(), plan.toUser());
            if (recorded.isPresent() || plan.fromUser() >= plan.toUser()) {
                return recorded;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM \"User\" WHERE id = ?")) {
                ps.setString(1, new DatasetShape(plan).userId(plan.fromUser()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            LOG.warn("seed {} has rows in schema {} but no ledger entry; treating them as an earlier run", seed, schema);
            return Optional.of(new RecordedRun(seed, plan.fromUser(), plan.toUser(), plan.scale().users(),
                    plan.scale().blocks(), plan.now(), -1));
        } catch (SQLException e) {
            throw failure("reading the run ledger", e);
        }
    }

    @Override
    public long removeRun(RecordedRun run, Stream<String> userIds, Stream<String> blockIds) {
        try {
            beforeJdbc();
            triggersOn();
            long removed = RunRemover.remove(conn, userIds, blockIds);
            Ledger.forget(conn, schema, run);
            return removed;
        } catch (SQLException e) {
            throw failure("removing the earlier run", e);
        }
    }

    @Override
    public void recordRun(RecordedRun run) {
        try {
            beforeJdbc();
            Ledger.record(conn, schema, run);
        } catch (SQLException e) {
            throw failure("recording the run", e);
        }
    }

    @Override
    public void commit() {
        try {
            beforeJdbc();
            if (deferral != null) {
                deferral.verify();
            }
            refreshStoreViews();
            commitConnection();
            committed = true;
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

    /** The marketplace reads materialised views; a migrated database refreshes them with this function. */
    private void refreshStoreViews() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regproc('refresh_store_materialized_views') IS NOT NULL")) {
            if (rs.next() && rs.getBoolean(1)) {
                LOG.info("refreshing the store's materialized views");
                st.execute("SELECT refresh_store_materialized_views()");
            }
        }
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
