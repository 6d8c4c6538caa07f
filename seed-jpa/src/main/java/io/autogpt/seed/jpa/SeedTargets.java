package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.FindTestUsersPort;
import io.autogpt.seed.core.port.SaveTestUsersPort;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.WriteDatasetPort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

    /** What happens to the indexes and foreign keys of the tables a run inserts into. */
    public enum Indexes {
        /**
         * Empty tables this role owns are loaded without them and get them back, built from their catalog
         * definitions and checked, before commit — as {@code pg_restore} loads; tables holding rows keep theirs.
         */
        REBUILT_AFTER_LOAD,
        /** Every table keeps them while rows go in: checked row by row (slower; the same rows). */
        KEPT
    }

    private SeedTargets() {
    }

    /** The users of the platform database at {@code url} (its {@code "User"} table), for minting tokens. */
    public static FindTestUsersPort platformUsers(DatabaseUrl url) {
        return new PlatformUsers(url, java.time.Clock.systemUTC());
    }

    /**
     * The users of the platform database at {@code url} who can log in: where the database has Supabase Auth's
     * schema (a Supabase project's database), only those with an account there (as {@code seed --auth-users} makes);
     * else every {@code "User"}.
     */
    public static FindTestUsersPort loginUsers(DatabaseUrl url) {
        return new PlatformUsers(url, java.time.Clock.systemUTC(), true);
    }

    /**
     * The platform's users who can log in through Better Auth at {@code url}: a {@code "UserAuthIdentity"} with the
     * {@code "User"}'s id and a credential account with a password; by the identity's email.
     */
    public static FindTestUsersPort betterAuthLoginUsers(DatabaseUrl url) {
        return new PlatformUsers(url, java.time.Clock.systemUTC(), PlatformUsers.Logins.BETTER_AUTH);
    }

    /** Better Auth's published keys ({@code "UserAuthJwks"}) in the platform database at {@code url}. */
    public static io.autogpt.seed.core.port.SigningKeysPort signingKeys(DatabaseUrl url) {
        return new JwksRows(url);
    }

    /** Adds test users' {@code "User"} rows to the platform database at {@code url}, timestamped by {@code clock}. */
    public static SaveTestUsersPort userRows(DatabaseUrl url, java.time.Clock clock) {
        return new PlatformUsers(url, clock);
    }

    /**
     * Writes into the database at {@code url}, in its schema (default {@code public}), creating what is missing of
     * the newest known schema version first when {@code createSchema}.
     *
     * @see #postgres(DatabaseUrl, Writer, SchemaVersion)
     */
    public static WriteDatasetPort postgres(DatabaseUrl url, Writer writer, boolean createSchema) {
        return postgres(url, writer, createSchema ? SchemaVersion.newest() : null);
    }

    /**
     * Writes into the database at {@code url}, in its schema (default {@code public}). Each
     * {@link WriteDatasetPort#begin} opens its own connection, matches the target's schema against the known
     * versions and checks it can take the rows before writing: the rows go into the tables and columns the target
     * has, and a table or column some known version lacks may be missing. The transaction's
     * {@link io.autogpt.seed.core.port.DatasetTransaction#facts() facts} name the version found.
     *
     * @param create the version whose missing enums, tables, constraints, indexes, views, functions and triggers
     *               are created first; null to create nothing
     */
    public static WriteDatasetPort postgres(DatabaseUrl url, Writer writer, @Nullable SchemaVersion create) {
        return postgres(url, writer, create, Indexes.REBUILT_AFTER_LOAD);
    }

    /**
     * Writes into the database at {@code url} as {@link #postgres(DatabaseUrl, Writer, SchemaVersion)} does, with
     * the tables' indexes and foreign keys treated as {@code indexes} says.
     */
    public static WriteDatasetPort postgres(DatabaseUrl url, Writer writer, @Nullable SchemaVersion create,
                                            Indexes indexes) {
        return postgres(url, writer, create, indexes, null);
    }

    /**
     * Writes into the database at {@code url} as {@link #postgres(DatabaseUrl, Writer, SchemaVersion, Indexes)} does;
     * with {@code logins}, it writes the run's {@linkplain io.autogpt.seed.core.user.LoginAccount login accounts}
     * (which {@link io.autogpt.seed.core.run.SeedRunner#withLoginAccounts()} makes a step of the run, before the
     * users) into the login systems the target has, in the same transaction, same id, that password hash, email
     * confirmed: Supabase Auth accounts ({@code auth.users} and {@code auth.identities}), Better Auth accounts
     * ({@code "UserAuthIdentity"} and a credential {@code "UserAuthAccount"} in the target schema), or both on a
     * database between the two. The summary's path names them. A target with neither then fails before anything is
     * written, and so does a run that writes a table before the accounts.
     */
    public static WriteDatasetPort postgres(DatabaseUrl url, Writer writer, @Nullable SchemaVersion create,
                                            Indexes indexes, @Nullable LoginUsers logins) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(indexes, "indexes");
        return plan -> {
            String schema = url.schemaOrDefault();
            Connection conn = Connections.open(url, writer == Writer.JPA);
            try {
                PreparedTarget found = PreparedTarget.prepare(conn, schema, plan, create, indexes != Indexes.KEPT);
                Set<LoginSystem> systems = logins != null ? LoginSystem.detect(conn) : Set.of();
                if (logins != null && systems.isEmpty()) {
                    throw new TargetException("seeded users cannot get logins: the target has neither Supabase Auth "
                            + "(auth.users, auth.identities) nor Better Auth (\"UserAuthIdentity\", "
                            + "\"UserAuthAccount\" in schema " + schema + ")", List.of());
                }
                List<String> tables = found.fit().insertTables();
                // A new schema's indexes and keys: those of the tables the run inserts into are the bulk load's
                // (built once, over the rows); the rest are created now, before any row goes anywhere.
                found.postData().createExcept(conn, tables::contains);
                BulkLoad bulk = indexes == Indexes.KEPT ? BulkLoad.none(tables) : BulkLoad.of(conn, tables,
                        found.fit().sharedTables(), found.fit().insertTablesWrittenAgain(), found.postData());
                PreparedTarget target = found.withNotes(bulk.notes());
                ForeignKeyDeferral deferral = ForeignKeyDeferral.tryOn(conn);
                // EclipseLink shares the connection and runs its transaction; COPY needs the session alone. Either
                // way the rows go in from a thread of their own, which builds the indexes of full tables whenever it
                // has no rows to send, while the next ones are made.
                JpaSink jpa = writer == Writer.JPA
                        ? new JpaSink(conn, target.fit().absentColumns(), bulk.backlog()) : null;
                DatabaseSession session = new DatabaseSession(conn, jpa);
                LoadStrategy load = new LoadStrategy(session, deferral, bulk);
                if (jpa == null) {
                    session.pipelineCopies(tables.stream().map(CopyText::quote).toList(), bulk.backlog());
                }
                RowSink<SQLException> sink = jpa != null ? jpa : new CopySink(session, load::freezes);
                return new DatabaseTransaction(session, load, sink,
                        new DatabaseLedger(session, load, schema, plan, target.fit()), target, logins, systems);
            } catch (SQLException e) {
                closeQuietly(conn);
                throw DatabaseSession.failure("preparing schema \"" + schema + "\"", e);
            } catch (RuntimeException e) {
                closeQuietly(conn);
                throw e;
            }
        };
    }

    /**
     * Makes days pass on the seeded datasets of the database at {@code url}, in its schema (default {@code public}):
     * each {@link io.autogpt.seed.core.port.AdvanceDatasetPort#begin} opens its own connection and transaction.
     */
    public static io.autogpt.seed.core.port.AdvanceDatasetPort advancing(DatabaseUrl url) {
        Objects.requireNonNull(url, "url");
        return seed -> DatabaseAdvance.begin(Connections.open(url, false), url.schemaOrDefault(), seed);
    }

    /**
     * Writes a SQL file for the newest schema version.
     *
     * @see #sqlFile(Path, String, SchemaVersion, boolean)
     */
    public static WriteDatasetPort sqlFile(Path file, String schema, boolean createSchema) {
        return sqlFile(file, schema, SchemaVersion.newest(), createSchema);
    }

    /**
     * Writes a SQL file that {@code psql -f} loads in one transaction, into {@code schema} of schema version
     * {@code version} (its tables and columns; with {@code createSchema}, its DDL first). The file appears only when
     * the run commits.
     */
    public static WriteDatasetPort sqlFile(Path file, String schema, SchemaVersion version, boolean createSchema) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(version, "version");
        return plan -> new SqlFileTransaction(file, schema, plan, version, createSchema);
    }

    /** Rolls back and closes {@code conn}, which a failed {@code begin} still owns; closed even when rollback fails. */
    static void closeQuietly(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            // Already failing; the original error is the one to report.
        } finally {
            try {
                conn.close();
            } catch (SQLException e) {
                // As above: closing a broken connection may fail too, and the server ends its session anyway.
            }
        }
    }

}
