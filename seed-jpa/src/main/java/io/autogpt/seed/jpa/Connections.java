package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.TargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** Opens PostgreSQL connections and turns connection failures into one clear, secret-free line. */
final class Connections {
    private Connections() {
    }

    /**
     * Opens a connection in the target schema, auto-commit off. The caller owns it and must close it.
     *
     * @param forJpa whether EclipseLink will write through it: then string parameters are sent untyped, so the
     *               server casts them to enum, jsonb and array columns, and JDBC batches become multi-row inserts
     */
    static Connection open(DatabaseUrl url, boolean forJpa) {
        Properties props = url.withSchema(url.schemaOrDefault()).connectionProperties();
        if (forJpa) {
            props.setProperty("stringtype", "unspecified");
            props.setProperty("reWriteBatchedInserts", "true");
        }
        try {
            // The driver directly, not DriverManager: no service loading, and so no surprises in a shaded jar.
            Connection conn = new org.postgresql.Driver().connect(url.jdbcUrl(), props);
            if (conn == null) {
                throw new TargetException("not a PostgreSQL URL: " + url.redacted(), java.util.List.of());
            }
            conn.setAutoCommit(false);
            return conn;
        } catch (SQLException e) {
            throw translate(url, e);
        }
    }

    /** A connection failure as one line that names the server and never the password. */
    static TargetException translate(DatabaseUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = url.host() + ":" + url.port();
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = "PostgreSQL at " + where + " refused the credentials of user '" + url.user()
                    + "' (wrong password, or no such user)";
        } else if (state.equals("3D000")) {
            message = "database '" + url.database() + "' does not exist on " + where;
        } else if (state.startsWith("08")) {
            message = "cannot reach PostgreSQL at " + where + " (" + firstLine(e.getMessage()) + ")";
        } else {
            message = "cannot connect to " + url.redacted() + " (" + firstLine(e.getMessage()) + ")";
        }
        return new TargetException(message, e);
    }

    /**
     * Stops {@code worker}, a thread of the caller's that works on {@code conn}, and waits until it has let go of the
     * connection: interrupted, and whatever it runs on the server cancelled while {@code running} says it runs one (a
     * statement the server may be slow to finish, a lock it waits for), again after each 100 ms, as it may have begun
     * another since. Restores the caller's interrupt flag; never throws.
     */
    static void stopWorker(Thread worker, Connection conn, java.util.function.BooleanSupplier running) {
        worker.interrupt();
        boolean interrupted = false;
        while (worker.isAlive()) {
            if (running.getAsBoolean()) {
                try {
                    conn.unwrap(org.postgresql.PGConnection.class).cancelQuery();
                } catch (SQLException e) {
                    // The statement then runs to its end; the wait below waits for it.
                }
            }
            try {
                worker.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first line of {@code message}, or {@code no detail} when the exception carried none. */
    static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
