package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.SigningKeysPort;
import io.autogpt.seed.core.port.TargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Better Auth's {@code "UserAuthJwks"} table, for keys this tool mints with. Better Auth signs with the row whose
 * {@code createdAt} is newest and decrypts its {@code privateKey} with the server's secret; a row dated 2000-01-01 is
 * never the newest while the server has a key of its own, so its {@code privateKey} is a marker the server never
 * reads, and the private key stays with the tool. The marker also tells {@link #remove} which rows are ours.
 */
final class JwksRows implements SigningKeysPort {
    /** Stored instead of a private key: never decrypted (see the class comment), and marks the row as this tool's. */
    static final String MARKER = "autogpt-seed: private key not stored (minting key, held by the tool)";
    /** Older than any key the server makes itself. */
    static final LocalDateTime CREATED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final String COUNT_SERVER_KEYS = "SELECT count(*) FROM \"UserAuthJwks\" WHERE \"privateKey\" <> ?";
    private static final String INSERT = "INSERT INTO \"UserAuthJwks\" (id, \"publicKey\", \"privateKey\", "
            + "\"createdAt\") VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String DELETE = "DELETE FROM \"UserAuthJwks\" WHERE id = ? AND \"privateKey\" = ?";

    private final DatabaseUrl url;

    JwksRows(DatabaseUrl url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    @Override
    public boolean install(String keyId, String publicJwk) {
        try (Connection conn = Connections.open(url, false)) {
            try (PreparedStatement st = conn.prepareStatement(COUNT_SERVER_KEYS)) {
                st.setString(1, MARKER);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        // Ours would be the newest row: the server would sign with it and fail on the marker.
                        throw new TargetException("the auth server has no signing key of its own yet in "
                                + url.redacted() + ": open AUTH_URL/api/auth/jwks once (the server then creates "
                                + "one) and rerun", java.util.List.of());
                    }
                }
            }
            try (PreparedStatement st = conn.prepareStatement(INSERT)) {
                st.setString(1, keyId);
                st.setString(2, publicJwk);
                st.setString(3, MARKER);
                st.setObject(4, CREATED);
                boolean added = st.executeUpdate() == 1;
                conn.commit();
                return added;
            }
        } catch (SQLException e) {
            throw failure("installing the minting key in", e);
        }
    }

    @Override
    public boolean remove(String keyId) {
        try (Connection conn = Connections.open(url, false);
             PreparedStatement st = conn.prepareStatement(DELETE)) {
            st.setString(1, keyId);
            st.setString(2, MARKER);
            boolean removed = st.executeUpdate() == 1;
            conn.commit();
            return removed;
        } catch (SQLException e) {
            throw failure("removing the minting key from", e);
        }
    }

    private TargetException failure(String doing, SQLException e) {
        if ("42P01".equals(e.getSQLState())) {
            return new TargetException("no \"UserAuthJwks\" table in schema \"" + url.schemaOrDefault() + "\" of "
                    + url.redacted() + ": not a Better Auth platform database (schema platform-2026-09 or newer)", e);
        }
        return new TargetException(doing + " " + url.redacted() + " failed: " + Connections.firstLine(e.getMessage()),
                e);
    }
}
