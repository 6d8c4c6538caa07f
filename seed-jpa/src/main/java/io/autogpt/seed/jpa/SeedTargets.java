package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.FindTestUsersPort;
import io.autogpt.seed.core.port.SaveTestUsersPort;
import io.autogpt.seed.core.port.WriteDatasetPort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The persistence adapter's entry point: {@link WriteDatasetPort} implementations for PostgreSQL.
 *
 * <pre>{@code
 * WriteDatasetPort port = SeedTargets.postgres(DatabaseUrl.parse(System.getenv("DATABASE_URL")),
 *         SeedTargets.Writer.COPY, false);
 * new SeedRunner(port, SeedProgress.NONE).run(SeedPlan.of(42, Instant.now(), ScaleProfile.original()), false);
 * }</pre>
 */
public final class SeedTargets {
    /** How rows reach the database. */
    public enum Writer {
        /** PostgreSQL COPY: the fastest. */
        COPY,
        /** Jakarta Persistence entities through EclipseLink, batched. */
        JPA
    }

    private SeedTargets() {
    }

    /** The users of the platform database at {@code url} (its {@code "User"} table), for minting tokens. */
    public static FindTestUsersPort platformUsers(DatabaseUrl url) {
        return new PlatformUsers(url, java.time.Clock.systemUTC());
    }

    /** Adds test users' {@code "User"} rows to the platform database at {@code url}, timestamped by {@code clock}. */
    public static SaveTestUsersPort userRows(DatabaseUrl url, java.time.Clock clock) {
        return new PlatformUsers(url, clock);
    }

    /**
     * Writes into the database at {@code url}, in its schema (default {@code public}). Each
     * {@link WriteDatasetPort#begin} opens its own connection and checks the schema before writing.
     *
     * @param createSchema create the enums, tables, constraints and indexes that are missing first
     */
    public static WriteDatasetPort postgres(DatabaseUrl url, Writer writer, boolean createSchema) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(writer, "writer");
        return plan -> {
            String schema = url.schemaOrDefault();
            Connection conn = Connections.open(url, writer == Writer.JPA);
            try {
                JdbcTransaction.prepare(conn, schema, plan, createSchema);
                ForeignKeyDeferral deferral = ForeignKeyDeferral.tryOn(conn);
                return writer == Writer.COPY ? new CopyTransaction(conn, schema, plan, deferral)
                        : new JpaTransaction(conn, schema, plan, deferral);
            } catch (SQLException e) {
                closeQuietly(conn);
                throw JdbcTransaction.failure("preparing schema \"" + schema + "\"", e);
            } catch (RuntimeException e) {
                closeQuietly(conn);
                throw e;
            }
        };
    }

    /**
     * Writes a SQL file that {@code psql -f} loads in one transaction, into {@code schema}. The file appears only
     * when the run commits.
     */
    public static WriteDatasetPort sqlFile(Path file, String schema, boolean createSchema) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schema, "schema");
        return plan -> new SqlFileTransaction(file, schema, plan, createSchema);
    }

    private static void closeQuietly(Connection conn) {
        try {
            conn.rollback();
            conn.close();
        } catch (SQLException e) {
            // Already failing; the original error is the one to report.
        }
    }

}
