package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.FindTestUsersPort;
import io.autogpt.seed.core.port.SaveTestUsersPort;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.token.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The platform's {@code "User"} table, as the token commands need it: read users, add test users. */
final class PlatformUsers implements FindTestUsersPort, SaveTestUsersPort {
    private static final String FIND = "SELECT id, email FROM \"User\" ORDER BY email LIMIT ?";
    /** Users who can log in: those with a Supabase Auth account (same id) that has a password. */
    private static final String FIND_LOGINS = "SELECT u.id, u.email FROM \"User\" u JOIN auth.users a "
            + "ON a.id::text = u.id WHERE a.encrypted_password IS NOT NULL AND a.deleted_at IS NULL "
            + "ORDER BY u.email LIMIT ?";
    /** Users who can log in through Better Auth: an identity (same id) with a credential account that has a password. */
    private static final String FIND_BETTER_AUTH_LOGINS = "SELECT u.id, i.email FROM \"User\" u JOIN \"UserAuthIdentity\" i "
            + "ON i.id = u.id WHERE EXISTS (SELECT 1 FROM \"UserAuthAccount\" a WHERE a.\"userId\" = i.id "
            + "AND a.\"providerId\" = 'credential' AND a.password IS NOT NULL) ORDER BY i.email LIMIT ?";
    // Every other column has a default in the platform's schema; ON CONFLICT without a target skips a row whose id
    // or email is taken, so a rerun changes nothing.
    private static final String INSERT = "INSERT INTO \"User\" (id, email, \"createdAt\", \"updatedAt\", "
            + "\"emailVerified\") VALUES (?, ?, ?, ?, true) ON CONFLICT DO NOTHING";

    private final DatabaseUrl url;
    private final Clock clock;
    private final Logins logins;

    /** Which users {@link #find} reads. */
    enum Logins {
        /** Every {@code "User"}. */
        ANY,
        /** Those with a Supabase Auth account, where the schema has {@code auth.users}. */
        SUPABASE,
        /** Those with a Better Auth credential account. */
        BETTER_AUTH
    }

    PlatformUsers(DatabaseUrl url, Clock clock) {
        this(url, clock, Logins.ANY);
    }

    /** With {@code logins}, {@link #find} reads only users with a Supabase Auth account, where it can see them. */
    PlatformUsers(DatabaseUrl url, Clock clock, boolean logins) {
        this(url, clock, logins ? Logins.SUPABASE : Logins.ANY);
    }

    PlatformUsers(DatabaseUrl url, Clock clock, Logins logins) {
        this.url = Objects.requireNonNull(url, "url");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logins = logins;
    }

    @Override
    public List<TestUser> find(int limit) {
        try (Connection conn = Connections.open(url, false);
             PreparedStatement st = conn.prepareStatement(query(conn))) {
            st.setInt(1, limit);
            List<TestUser> users = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    users.add(new TestUser(rs.getString(2), null, rs.getString(1)));
                }
            }
            return users;
        } catch (SQLException e) {
            throw failure("reading users from", e);
        }
    }

    private String query(Connection conn) throws SQLException {
        return switch (logins) {
            case ANY -> FIND;
            case SUPABASE -> SupabaseLogins.present(conn) ? FIND_LOGINS : FIND;
            case BETTER_AUTH -> FIND_BETTER_AUTH_LOGINS;
        };
    }

    @Override
    public int save(List<TestUser> users) {
        // Bound as a LocalDateTime: a java.sql.Timestamp would be read in the JVM zone (see Ledger.record).
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection conn = Connections.open(url, false)) {
            int created = 0;
            try (PreparedStatement st = conn.prepareStatement(INSERT)) {
                for (TestUser user : users) {
                    st.setString(1, Objects.requireNonNull(user.userId(), () -> user.email() + " has no id"));
                    st.setString(2, user.email());
                    st.setObject(3, now);
                    st.setObject(4, now);
                    st.addBatch();
                }
                // One count per row: 1 inserted, 0 skipped by ON CONFLICT.
                for (int count : st.executeBatch()) {
                    created += count;
                }
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
            return created;
        } catch (SQLException e) {
            throw failure("writing users to", e);
        }
    }

    private TargetException failure(String doing, SQLException e) {
        if ("42P01".equals(e.getSQLState()) && logins == Logins.BETTER_AUTH) {
            return new TargetException("no \"User\" or Better Auth tables (\"UserAuthIdentity\") in schema \""
                    + url.schemaOrDefault() + "\" of " + url.redacted() + ": seed today's schema with --auth-users",
                    e, TargetException.Remedy.SEED_FIRST);
        }
        if ("42P01".equals(e.getSQLState())) {
            return new TargetException("no \"User\" table in schema \"" + url.schemaOrDefault() + "\" of "
                    + url.redacted(), e, TargetException.Remedy.SEED_FIRST);
        }
        return new TargetException(doing + " " + url.redacted() + " failed: " + Connections.firstLine(e.getMessage()),
                e);
    }
}
