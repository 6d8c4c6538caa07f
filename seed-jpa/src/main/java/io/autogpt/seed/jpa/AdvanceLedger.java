package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.RecordedRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * The record of days {@code advance} added, beside the run ledger in {@code autogpt_seed}: one row per (target
 * schema, seed, user slice, day), so a rerun finds the days it reached and a reset of the slice forgets them with
 * its rows. A slice's current anchor is its seeded anchor plus its highest day.
 */
final class AdvanceLedger {
    static final String CREATE_SQL = "DO $advances$ BEGIN IF to_regclass('autogpt_seed.advances') IS NULL THEN "
            + "CREATE SCHEMA IF NOT EXISTS autogpt_seed; "
            + "CREATE TABLE IF NOT EXISTS autogpt_seed.advances (target_schema text NOT NULL, seed bigint NOT NULL, "
            + "from_user integer NOT NULL, to_user integer NOT NULL, day integer NOT NULL, anchor timestamp NOT NULL, "
            + "row_count bigint NOT NULL, advanced_at timestamptz NOT NULL DEFAULT now(), "
            + "PRIMARY KEY (target_schema, seed, from_user, to_user, day)); END IF; END $advances$";
    private static final String DAYS_SQL = "SELECT coalesce(max(day), 0) FROM autogpt_seed.advances "
            + "WHERE target_schema = ? AND seed = ? AND from_user = ? AND to_user = ?";
    private static final String INSERT_SQL = "INSERT INTO autogpt_seed.advances (target_schema, seed, from_user, "
            + "to_user, day, anchor, row_count) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_SQL = "DELETE FROM autogpt_seed.advances "
            + "WHERE target_schema = ? AND seed = ? AND from_user = ? AND to_user = ?";

    private AdvanceLedger() {
    }

    /** Creates the table where missing, in its own short transaction, as the run ledger is created. */
    static void ensure(Connection conn) throws SQLException {
        Ledger.createApart(conn, CREATE_SQL);
    }

    /** The days added to the slice so far: its highest day, 0 when none. */
    static int days(Connection conn, String schema, long seed, int from, int to) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(DAYS_SQL)) {
            bind(ps, schema, seed, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void record(Connection conn, String schema, long seed, int from, int to, int day, LocalDateTime anchor,
                       long rows) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(INSERT_SQL)) {
            bind(ps, schema, seed, from, to);
            ps.setInt(5, day);
            ps.setObject(6, anchor);
            ps.setLong(7, rows);
            ps.executeUpdate();
        }
    }

    /**
     * Forgets the days of {@code run}'s slice (a reset removed their rows with the run's users'); nothing where no
     * advance ever made the table.
     */
    static void forget(Connection conn, String schema, RecordedRun run) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('autogpt_seed.advances') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return;
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(DELETE_SQL)) {
            bind(ps, schema, run.seed(), run.fromUser(), run.toUser());
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, String schema, long seed, int from, int to) throws SQLException {
        ps.setString(1, schema);
        ps.setLong(2, seed);
        ps.setInt(3, from);
        ps.setInt(4, to);
    }
}
