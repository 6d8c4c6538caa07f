package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.TargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks foreign keys once per table, set-based, instead of once per row — as {@code pg_restore
 * --disable-triggers} does, but verified before commit.
 *
 * <p>PostgreSQL checks each inserted row's foreign keys with a separate index probe and row lock; for millions of
 * execution rows that is a fifth of the load. Where the role may set {@code session_replication_role} (a superuser,
 * or one granted that setting), tables without triggers of their own are loaded with the per-row checks off, and
 * before commit every foreign key of every table written is verified with one anti-join each. Any violation fails
 * the run, and the transaction rolls back: the guarantee is the same, the cost a fraction. Tables with user triggers
 * (which the platform may rely on) and every delete (cascades are triggers) run with triggers on.
 */
final class ForeignKeyDeferral {
    private static final Logger LOG = LoggerFactory.getLogger(ForeignKeyDeferral.class);
    private static final String USER_TRIGGERS_SQL = "SELECT count(*) FROM pg_trigger "
            + "WHERE tgrelid = to_regclass(?) AND NOT tgisinternal";
    private static final String FOREIGN_KEYS_SQL = "SELECT c.conname, c.conrelid::regclass::text, "
            + "c.confrelid::regclass::text, "
            + "(SELECT array_agg(quote_ident(a.attname) ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n) "
            + "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att), "
            + "(SELECT array_agg(quote_ident(a.attname) ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n) "
            + "JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att) "
            + "FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = to_regclass(?) ORDER BY c.conname";

    /**
     * One foreign key's check.
     *
     * @param constraint       the constraint's name
     * @param countViolations  SQL counting the rows that break it
     */
    private record Check(String constraint, String countViolations) {
    }

    private final Connection conn;
    private final Set<String> deferredTables = new LinkedHashSet<>();
    private boolean replica;

    private ForeignKeyDeferral(Connection conn) {
        this.conn = conn;
    }

    /** Deferral on {@code conn} if its role may turn per-row checks off, else none (checks stay per row). */
    static @Nullable ForeignKeyDeferral tryOn(Connection conn) throws SQLException {
        Savepoint probe = conn.setSavepoint();
        try (Statement st = conn.createStatement()) {
            st.execute("SET LOCAL session_replication_role = replica");
            st.execute("SET LOCAL session_replication_role = origin");
            conn.releaseSavepoint(probe);
            return new ForeignKeyDeferral(conn);
        } catch (SQLException e) {
            // Rolled back to and released: a savepoint left open would hold the rest of the run in a subtransaction,
            // where COPY may not freeze rows into the tables the run created (BulkLoad.freezes).
            conn.rollback(probe);
            conn.releaseSavepoint(probe);
            LOG.info("foreign keys are checked per row: this role may not set session_replication_role");
            return null;
        }
    }

    /**
     * Readies the session to insert into {@code table}: per-row checks off unless the table has user triggers.
     *
     * @return whether the table's checks are deferred to {@link #verify()}
     */
    boolean beforeInsert(String table) throws SQLException {
        boolean hasUserTriggers;
        try (PreparedStatement ps = conn.prepareStatement(USER_TRIGGERS_SQL)) {
            ps.setString(1, CopyText.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                hasUserTriggers = rs.getLong(1) > 0;
            }
        }
        if (hasUserTriggers) {
            triggersOn();
            return false;
        }
        deferredTables.add(table);
        set(true);
        return true;
    }

    /** Turns every trigger back on: before deletes, updates and anything but bulk inserts. */
    void triggersOn() throws SQLException {
        set(false);
    }

    /**
     * Verifies every foreign key of every table loaded with checks off; turns triggers back on.
     *
     * @throws TargetException naming the first violated constraint and how many rows break it
     */
    void verify() throws SQLException {
        triggersOn();
        try (Statement st = conn.createStatement()) {
            // Anti-joins over millions of rows: let the hash tables stay in memory.
            st.execute("SET LOCAL work_mem = '256MB'");
        }
        for (String table : deferredTables) {
            for (Check check : checks(table)) {
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(check.countViolations())) {
                    rs.next();
                    long broken = rs.getLong(1);
                    if (broken > 0) {
                        throw new TargetException("foreign key \"" + check.constraint() + "\" of \"" + table
                                + "\" is violated by " + broken + " row(s); nothing was written", List.of());
                    }
                }
            }
        }
        deferredTables.clear();
    }

    /** One anti-join per foreign key of {@code table}: rows whose non-null key has no parent (MATCH SIMPLE). */
    private List<Check> checks(String table) throws SQLException {
        List<Check> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(FOREIGN_KEYS_SQL)) {
            ps.setString(1, CopyText.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] from = (String[]) rs.getArray(4).getArray();
                    String[] to = (String[]) rs.getArray(5).getArray();
                    StringBuilder notNull = new StringBuilder();
                    StringBuilder join = new StringBuilder();
                    for (int i = 0; i < from.length; i++) {
                        notNull.append(" AND c.").append(from[i]).append(" IS NOT NULL");
                        join.append(i == 0 ? "" : " AND ").append("p.").append(to[i]).append(" = c.").append(from[i]);
                    }
                    out.add(new Check(rs.getString(1), "SELECT count(*) FROM " + rs.getString(2) + " c WHERE true"
                            + notNull + " AND NOT EXISTS (SELECT 1 FROM " + rs.getString(3) + " p WHERE " + join + ")"));
                }
            }
        }
        return out;
    }

    private void set(boolean toReplica) throws SQLException {
        if (replica != toReplica) {
            try (Statement st = conn.createStatement()) {
                st.execute("SET LOCAL session_replication_role = " + (toReplica ? "replica" : "origin"));
            }
            replica = toReplica;
        }
    }
}
