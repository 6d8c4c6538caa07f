package io.autogpt.seed.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A database of a test class's own on the server {@code SEED_TEST_DATABASE_URL} names, made new by {@link #create}
 * and dropped by {@link #close}: connections to it come without auto-commit.
 */
final class ScratchDatabase implements AutoCloseable {
    private final String admin;
    private final String name;

    private ScratchDatabase(String admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /** A new, empty database named after {@code prefix} and this process. */
    static ScratchDatabase create(String prefix) throws SQLException {
        String env = System.getenv("SEED_TEST_DATABASE_URL");
        Objects.requireNonNull(env, "SEED_TEST_DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
        ScratchDatabase db = new ScratchDatabase(jdbc(env), prefix + "_" + ProcessHandle.current().pid());
        try (Connection c = DriverManager.getConnection(db.admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db.name);
            st.execute("CREATE DATABASE " + db.name);
        }
        return db;
    }

    /** A connection to the scratch database, auto-commit off. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        c.setAutoCommit(false);
        return c;
    }

    /** A connection to the server's database the URL names, to watch the scratch one from outside. */
    Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(admin);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The JDBC form of a {@code postgresql://user@host:port/db} URL. */
    private static String jdbc(String url) {
        return "jdbc:" + url.replaceFirst("^postgres(ql)?://([^@/]+)@", "postgresql://") + (url.contains("@")
                ? (url.contains("?") ? "&" : "?") + "user=" + url.replaceFirst("^postgres(ql)?://([^@:/]+).*$", "$2")
                : "");
    }
}
