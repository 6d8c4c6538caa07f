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
 * its rows. A slice's current anchor is its seeded anchor plus its highest day. Each day's row keeps the ids of the
 * users who signed up that day ({@code signup_user_ids}), so a reset removes them with the slice's own users.
 */
final class AdvanceLedger {
    static final String CREATE_SQL = "DO $advances$ BEGIN IF to_regclass('autogpt_seed.advances') IS NULL THEN "
            + "CREATE SCHEMA IF NOT EXISTS autogpt_seed; "
            + "CREATE TABLE IF NOT EXISTS autogpt_seed.advances (target_schema text NOT NULL, seed bigint NOT NULL, "
            + "from_user integer NOT NULL, to_user integer NOT NULL, day integer NOT NULL, anchor timestamp NOT NULL, "
            + "row_count bigint NOT NULL, advanced_at timestamptz NOT NULL DEFAULT now(), "
            + "signup_user_ids text[] NOT NULL DEFAULT '{}', "
            + "PRIMARY KEY (target_schema, seed, from_user, to_user, day)); "
            // A ledger an older seeder made lacks the day's sign-ups: added where missing (an older day had none).
            + "ELSIF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'autogpt_seed' "
            + "AND table_name = 'advances' AND column_name = 'signup_user_ids') THEN "
            + "ALTER TABLE autogpt_seed.advances ADD COLUMN signup_user_ids text[] NOT NULL DEFAULT '{}'; "
            + "END IF; END $advances$";
    private static final String SIGN_UPS_SQL = "UPDATE autogpt_seed.advances SET signup_user_ids = ? "
            + "WHERE target_schema = ? AND seed = ? AND from_user = ? AND to_user = ? AND day = ?";
    private static final String SIGNED_UP_SQL = "SELECT unnest(signup_user_ids) FROM autogpt_seed.advances "
            + "WHERE target_schema = ? AND seed = ? AND from_user = ? AND to_user = ? ORDER BY day";
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

    /** Records the users who signed up on {@code day} of the slice (its row was recorded before). */
    static void recordSignUps(Connection conn, String schema, long seed, int from, int to, int day,
                              java.util.List<String> userIds) throws SQLException {
        if (userIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(SIGN_UPS_SQL)) {
            ps.setArray(1, conn.createArrayOf("text", userIds.toArray()));
            ps.setString(2, schema);
            ps.setLong(3, seed);
            ps.setInt(4, from);
            ps.setInt(5, to);
            ps.setInt(6, day);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("day " + day + " of users [" + from + ", " + to + ") is not recorded");
            }
        }
    }

    /**
     * The users who signed up on the advanced days of {@code run}'s slice, in day order; none where no advance ever
     * made the table or it predates sign-ups.
     */
    static java.util.List<String> signUps(Connection conn, String schema, RecordedRun run) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE "
                     + "table_schema = 'autogpt_seed' AND table_name = 'advances' "
                     + "AND column_name = 'signup_user_ids')")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return java.util.List.of();
            }
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(SIGNED_UP_SQL)) {
            bind(ps, schema, run.seed(), run.fromUser(), run.toUser());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
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
