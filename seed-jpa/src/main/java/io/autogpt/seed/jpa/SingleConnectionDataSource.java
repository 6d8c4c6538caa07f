package io.autogpt.seed.jpa;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Hands EclipseLink the one connection the run's transaction lives on, so entity writes, the ledger and the
 * advisory lock commit or roll back together. The connection it is given ignores {@code close()} (the
 * {@link BatchesAhead} connection does): the transaction owns the real one and closes it.
 */
final class SingleConnectionDataSource implements DataSource {
    private final Connection shared;

    /** @param shared a connection whose {@code close()} leaves the transaction's connection open */
    SingleConnectionDataSource(Connection shared) {
        this.shared = shared;
    }

    @Override
    public Connection getConnection() {
        return shared;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return shared;
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // EclipseLink logs through its own settings.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The connection is already open.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
        throw new java.sql.SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
