package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.port.RecordedRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of seeding runs, in a schema of its own ({@code autogpt_seed}) so the platform's schema, which its
 * migrations own, gains nothing but seeded rows. Keyed by target schema, seed and user slice; each run's
 * {@link RunShape} is kept in its canonical text ({@code shape}, null for runs recorded before shapes were).
 */
final class Ledger {
    static final String SCHEMA = "autogpt_seed";
    /**
     * Creates the ledger where it is missing, and asks nothing of a role when it is there: a role that may write the
     * ledger need not be one that may create schemas. The database writers and SQL files run this same statement.
     */
    static final String CREATE_SQL = "DO $ledger$ BEGIN IF to_regclass('autogpt_seed.runs') IS NULL THEN "
            + "CREATE SCHEMA IF NOT EXISTS autogpt_seed; "
            + "CREATE TABLE IF NOT EXISTS autogpt_seed.runs (target_schema text NOT NULL, seed bigint NOT NULL, "
            + "from_user integer NOT NULL, to_user integer NOT NULL, users integer NOT NULL, blocks integer NOT NULL, "
            + "anchor timestamp NOT NULL, row_count bigint NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now(), "
            + "shape text, PRIMARY KEY (target_schema, seed, from_user, to_user)); "
            // A ledger made by a version that recorded no shapes gains the column; its runs keep a null shape.
            + "ELSIF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'autogpt_seed.runs'::regclass "
            + "AND attname = 'shape' AND NOT attisdropped) THEN ALTER TABLE autogpt_seed.runs ADD COLUMN shape text; "
            + "END IF; END $ledger$";
    private static final String OVERLAPPING_SQL = "SELECT from_user, to_user, users, blocks, anchor, row_count, shape "
            + "FROM autogpt_seed.runs WHERE target_schema = ? AND seed = ? AND from_user < ? AND to_user > ? "
            + "ORDER BY from_user";
    static final String INSERT_SQL = "INSERT INTO autogpt_seed.runs (target_schema, seed, from_user, to_user, users, "
            + "blocks, anchor, row_count, shape) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_SQL = "DELETE FROM autogpt_seed.runs "
            + "WHERE target_schema = ? AND seed = ? AND from_user = ? AND to_user = ?";

    private Ledger() {
    }

    /**
     * Creates the ledger if missing, in its own short transaction: it is bookkeeping, not seeded data, and creating
     * it apart keeps concurrent runs of different seeds from queueing behind each other's catalog locks.
     */
    static void ensure(Connection conn) throws SQLException {
        createApart(conn, CREATE_SQL);
    }

    /**
     * Runs {@code ddl}, a create-where-missing of bookkeeping in {@code autogpt_seed}, in its own short transaction.
     * Two runs creating it (or adding a column) at once: the loser's duplicate error means it exists.
     */
    static void createApart(Connection conn, String ddl) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(true);
        try (Statement st = conn.createStatement()) {
            st.execute(ddl);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())
                    && !"42P07".equals(e.getSQLState()) && !"42701".equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    /** The runs of {@code seed} in {@code schema} whose users overlap {@code [from, to)}, in user order. */
    static List<RecordedRun> overlapping(Connection conn, String schema, long seed, int from, int to)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(OVERLAPPING_SQL)) {
            ps.setString(1, schema);
            ps.setLong(2, seed);
            ps.setInt(3, to);
            ps.setInt(4, from);
            List<RecordedRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new RecordedRun(seed, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getObject(5, LocalDateTime.class), rs.getLong(6), RunShape.parse(rs.getString(7))));
                }
            }
            return runs;
        }
    }

    static void record(Connection conn, String schema, RecordedRun run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(INSERT_SQL)) {
            bindKey(ps, schema, run.seed(), run.fromUser(), run.toUser());
            ps.setInt(5, run.users());
            ps.setInt(6, run.blocks());
            // A LocalDateTime, not a java.sql.Timestamp: Timestamp.valueOf reads it in the JVM's zone and moves a time in a
            // daylight-saving gap by an hour.
            ps.setObject(7, run.now());
            ps.setLong(8, run.rows());
            ps.setString(9, run.shape().isKnown() ? run.shape().canonical() : null);
            ps.executeUpdate();
        }
    }

    static void forget(Connection conn, String schema, RecordedRun run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(DELETE_SQL)) {
            bindKey(ps, schema, run.seed(), run.fromUser(), run.toUser());
            ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, String schema, long seed, int from, int to) throws SQLException {
        ps.setString(1, schema);
        ps.setLong(2, seed);
        ps.setInt(3, from);
        ps.setInt(4, to);
    }
}
