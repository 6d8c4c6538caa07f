package io.autogpt.seed.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeder's DDL ({@code schema.sql}, generated from the reference) and the objects it creates, so a run can tell
 * whether anything is missing before it takes a lock or runs a statement.
 *
 * <p>Creating objects takes locks that last until commit ({@code CREATE INDEX} locks its table even when the index
 * exists), and concurrent creators of one schema deadlock or collide. So {@link #ensure} runs the DDL only when an
 * object is missing, under a session-level advisory lock: runs that find the schema complete take no lock at all
 * and load side by side; runs that arrive while another creates it wait for that run's end, look again, and find it
 * complete.
 */
final class SchemaDdl {
    private static final String RESOURCE = "/io/autogpt/seed/jpa/schema.sql";
    static final String TEXT = read();
    private static final List<String> RELATIONS = names(
            "CREATE TABLE IF NOT EXISTS \"([^\"]+)\"|CREATE (?:UNIQUE )?INDEX IF NOT EXISTS \"([^\"]+)\"");
    private static final List<String> CONSTRAINTS = names("CONSTRAINT \"([^\"]+)\"");
    private static final List<String> TYPES = names("t\\.typname = '([^']+)'");
    private static final String PRESENT_SQL = "SELECT (SELECT count(DISTINCT relname) FROM pg_class WHERE relnamespace "
            + "= to_regnamespace(?) AND relname = ANY(?)) + (SELECT count(DISTINCT conname) FROM pg_constraint WHERE "
            + "connamespace = to_regnamespace(?) AND conname = ANY(?)) + (SELECT count(DISTINCT typname) FROM pg_type "
            + "WHERE typnamespace = to_regnamespace(?) AND typname = ANY(?))";

    private SchemaDdl() {
    }

    /** Creates what is missing of the schema in {@code conn}'s open transaction; see the class comment for locks. */
    static void ensure(Connection conn, String schema, String lockName) throws SQLException {
        if (complete(conn, schema)) {
            return;
        }
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_lock(" + JdbcTransaction.LOCK_KEY
                + ")")) {
            // Session-level, held until the connection closes (after commit or rollback): a waiter's next look then
            // sees what this run created.
            lock.setString(1, lockName);
            lock.execute();
        }
        if (complete(conn, schema)) {
            try (PreparedStatement unlock = conn.prepareStatement("SELECT pg_advisory_unlock("
                    + JdbcTransaction.LOCK_KEY + ")")) {
                unlock.setString(1, lockName);
                unlock.execute();
            }
            return;
        }
        try (Statement st = conn.createStatement()) {
            st.execute("SET LOCAL client_min_messages = warning");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + CopyText.quote(schema));
            st.execute(TEXT);
        }
    }

    /** Whether every table, index, constraint and enum type of the DDL exists in {@code schema}. */
    static boolean complete(Connection conn, String schema) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(PRESENT_SQL)) {
            String quoted = CopyText.quote(schema);
            ps.setString(1, quoted);
            ps.setArray(2, conn.createArrayOf("text", RELATIONS.toArray()));
            ps.setString(3, quoted);
            ps.setArray(4, conn.createArrayOf("text", CONSTRAINTS.toArray()));
            ps.setString(5, quoted);
            ps.setArray(6, conn.createArrayOf("text", TYPES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == RELATIONS.size() + CONSTRAINTS.size() + TYPES.size();
            }
        }
    }

    private static List<String> names(String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(TEXT);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("schema.sql names no objects for " + regex);
        }
        return List.copyOf(out);
    }

    private static String read() {
        try (InputStream in = SchemaDdl.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema.sql", e);
        }
    }
}
