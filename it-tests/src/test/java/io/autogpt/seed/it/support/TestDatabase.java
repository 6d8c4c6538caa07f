package io.autogpt.seed.it.support;

import io.autogpt.seed.jpa.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh, empty database on a real PostgreSQL server, dropped on close. The server is a Testcontainers
 * PostgreSQL when a Docker engine answers, else the one {@code SEED_TEST_DATABASE_URL} names; with neither, tests
 * fail loudly instead of skipping.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseUrl server;

    private final DatabaseUrl admin;
    private final DatabaseUrl url;

    private TestDatabase(DatabaseUrl admin, DatabaseUrl url) {
        this.admin = admin;
        this.url = url;
    }

    /** A new database named after {@code owner} (a test class), on the shared server. */
    public static TestDatabase create(Class<?> owner) {
        DatabaseUrl admin = server();
        String name = ("it_" + owner.getSimpleName() + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        execute(admin, "DROP DATABASE IF EXISTS " + name);
        execute(admin, "CREATE DATABASE " + name);
        return new TestDatabase(admin, admin.withDatabase(name));
    }

    /**
     * A new database holding what this one holds ({@code CREATE DATABASE … TEMPLATE}), dropped on close: a schema or
     * a dataset made once and used by many runs. Nothing may be connected to this one meanwhile.
     */
    public TestDatabase copy() {
        String name = (url.database() + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        execute(admin, "DROP DATABASE IF EXISTS " + name);
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + url.database());
        return new TestDatabase(admin, admin.withDatabase(name));
    }

    /** The database's address, schema unset (public). */
    public DatabaseUrl url() {
        return url;
    }

    /** The address in the libpq form the CLI takes, with {@code ?schema=} when given. */
    public String cliUrl(String schema) {
        return cliForm(url.withSchema(schema));
    }

    /** {@code target} in the libpq form the CLI takes, password included (tests only). */
    public static String cliForm(DatabaseUrl target) {
        String auth = target.user() == null ? ""
                : target.user() + (target.password() == null ? "" : ":" + target.password()) + "@";
        return "postgresql://" + auth + target.host() + ":" + target.port() + "/" + target.database()
                + (target.schema() == null ? "" : "?schema=" + target.schema());
    }

    /** A new auto-commit connection with {@code search_path} set to {@code schema}. Caller closes it. */
    public Connection connect(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(url.jdbcUrl(), url.withSchema(schema).connectionProperties());
        c.setAutoCommit(true);
        return c;
    }

    /**
     * Makes pgvector's {@code vector} type available in schema {@code extensions} (where Supabase keeps it): the
     * extension itself where the server has it, else {@code pgvector-stand-in.sql}, which takes the platform's DDL
     * and pgvector's text form but computes no distances. Returns whether the real extension is in use.
     */
    public boolean installVector() {
        try (Connection c = connect("public"); Statement st = c.createStatement()) {
            boolean real;
            try (var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')")) {
                rs.next();
                real = rs.getBoolean(1);
            }
            st.execute("CREATE SCHEMA IF NOT EXISTS extensions");
            if (real) {
                st.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA extensions");
                try (var rs = st.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
                    rs.next();
                    sayOnce("pgvector: the real extension, version " + rs.getString(1));
                }
            } else {
                sayOnce("pgvector: the stand-in (this server offers no pgvector; .ci/run builds it from "
                        + "shared/vendor): vector columns, no distances");
                try (var in = TestDatabase.class.getResourceAsStream("/io/autogpt/seed/it/pgvector-stand-in.sql")) {
                    st.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return real;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot install pgvector or its stand-in: " + e.getMessage(), e);
        }
    }

    /**
     * Lays out schema version {@code version} in {@code schema} as the platform's migrations leave it, without the
     * seeder: its DDL (generated from the reference, {@code seed-jpa}'s {@code schema/<version>.sql}) run as one
     * script, pgvector from {@code extensions} as on Supabase ({@link #installVector()} first).
     */
    public void migrate(String version, String schema) {
        String resource = "/io/autogpt/seed/jpa/schema/" + version + ".sql";
        try (var in = TestDatabase.class.getResourceAsStream(resource);
             Connection c = connect("public"); Statement st = c.createStatement()) {
            if (in == null) {
                throw new IllegalStateException("no DDL for " + version + " at " + resource);
            }
            st.execute("CREATE SCHEMA " + schema);
            st.execute("SET search_path TO " + schema + ", extensions");
            st.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            long tables = Reference.rows(version, "columns.csv").stream().map(r -> r.get("table_name")).distinct()
                    .count();
            try (var rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'")) {
                rs.next();
                if (rs.getLong(1) != tables) {
                    throw new IllegalStateException(version + " laid out " + rs.getLong(1) + " tables, not " + tables);
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot lay out " + version + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.Set<String> SAID = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Prints {@code line} in the test output the first time it is said in this JVM. */
    private static void sayOnce(String line) {
        if (SAID.add(line)) {
            System.out.println(line);
        }
    }

    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    }

    /**
     * A role the test server asks for a password, for the wrong-password path. {@code .ci/run} creates it and puts a
     * password rule for it ahead of a local server's trust rules; a Testcontainers server asks every role for one.
     */
    public static final String PASSWORD_ROLE = "seed_pw_probe";

    /**
     * The test server's address in the CLI's form, as {@link #PASSWORD_ROLE} giving {@code password} (tests only),
     * the role created first where it is missing.
     */
    public static DatabaseUrl asPasswordRole(String password) {
        onServer("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + PASSWORD_ROLE + "') THEN "
                + "CREATE ROLE " + PASSWORD_ROLE + " LOGIN PASSWORD 'right-password'; END IF; END $$");
        DatabaseUrl s = server();
        return new DatabaseUrl(s.host(), s.port(), s.database(), PASSWORD_ROLE, password, null, Map.of());
    }

    /** Runs {@code sql} on the server's maintenance database (for roles, which live outside databases). */
    public static void onServer(String sql) {
        execute(server(), sql);
    }

    private static synchronized DatabaseUrl server() {
        if (server != null) {
            return server;
        }
        if (dockerAvailable()) {
            // PostgreSQL with pgvector, so the embeddings table is tested against the real extension where it can be.
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>(org.testcontainers.utility.DockerImageName
                    .parse("pgvector/pgvector:pg16").asCompatibleSubstituteFor("postgres"));
            pg.start();
            server = DatabaseUrl.parse(pg.getJdbcUrl() + "&user=" + pg.getUsername() + "&password=" + pg.getPassword()
                    .replace("&", "%26")).withDatabase("postgres");
            return server;
        }
        String env = System.getenv("SEED_TEST_DATABASE_URL");
        if (env == null || env.isBlank()) {
            throw new IllegalStateException("No database for integration tests: no Docker engine for Testcontainers, "
                    + "and SEED_TEST_DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
        }
        server = DatabaseUrl.parse(env);
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void execute(DatabaseUrl target, String sql) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.connectionProperties());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + target + ": " + e.getMessage(), e);
        }
    }
}
