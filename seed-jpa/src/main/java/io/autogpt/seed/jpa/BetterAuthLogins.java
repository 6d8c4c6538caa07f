package io.autogpt.seed.jpa;

import io.autogpt.seed.core.user.LoginAccount;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Seeded users' {@linkplain LoginAccount login accounts} as Better Auth accounts, the platform's logins since
 * mid-2026: a {@code "UserAuthIdentity"} row with the platform user's id and a {@code "UserAuthAccount"} credential
 * row each, in the target schema (the one the platform's frontend points Better Auth at), in the seeding transaction.
 *
 * <p>The rows are the ones the platform's own preview seeder writes and Better Auth signs in: lower-case email,
 * {@code "emailVerified"} true (the platform can require it), role {@code user} or {@code admin} (the token's
 * {@code role} claim), and a credential account whose {@code "accountId"} and {@code "userId"} are the identity's id
 * and whose password is the run's bcrypt hash (the platform verifies bcrypt, not Better Auth's default scrypt). The
 * account's id is derived from the user's, so a seed writes the same rows every time.
 */
final class BetterAuthLogins {
    private static final int CHUNK = 5_000;
    private static final String IDENTITY = "\"UserAuthIdentity\"";
    private static final String ACCOUNT = "\"UserAuthAccount\"";

    private static final String INSERT_IDENTITIES = "INSERT INTO " + IDENTITY + " (id, name, email, \"emailVerified\", "
            + "role, \"createdAt\", \"updatedAt\") SELECT u.id, u.name, lower(u.email), true, u.role, u.created, "
            + "u.created FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamp[]) "
            + "AS u(id, name, email, role, created)";
    private static final String INSERT_ACCOUNTS = "INSERT INTO " + ACCOUNT + " (id, \"accountId\", \"providerId\", "
            + "\"userId\", password, \"createdAt\", \"updatedAt\") SELECT u.account, u.id, 'credential', u.id, ?, "
            + "u.created, u.created FROM unnest(?::text[], ?::text[], ?::timestamp[]) AS u(id, account, created)";

    private BetterAuthLogins() {
    }

    /** Whether the target schema (the connection's current schema) has Better Auth's identity and account tables. */
    static boolean present(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass(format('%I.%I', current_schema(), 'UserAuthIdentity')) "
                     + "IS NOT NULL AND to_regclass(format('%I.%I', current_schema(), 'UserAuthAccount')) IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Writes an identity and a credential account for every one of {@code accounts}.
     *
     * @return identities written
     */
    static long write(Connection conn, Stream<LoginAccount> accounts, LoginUsers logins) throws SQLException {
        long written = 0;
        Iterator<LoginAccount> it = accounts.iterator();
        List<LoginAccount> chunk = new ArrayList<>(CHUNK);
        try (PreparedStatement identities = conn.prepareStatement(INSERT_IDENTITIES);
             PreparedStatement credentials = conn.prepareStatement(INSERT_ACCOUNTS)) {
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    written += insert(conn, identities, credentials, chunk, logins);
                    chunk.clear();
                }
            }
        }
        return written;
    }

    /** A sign-up's identity where their referrer has a credential account (role {@code user}: no new admins). */
    private static final String COPY_IDENTITIES = "INSERT INTO " + IDENTITY + " (id, name, email, \"emailVerified\", "
            + "role, \"createdAt\", \"updatedAt\") SELECT u.id, u.name, lower(u.email), true, 'user', u.created, "
            + "u.created FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamp[]) "
            + "AS u(id, name, email, referrer, created) WHERE EXISTS (SELECT 1 FROM " + ACCOUNT + " a "
            + "WHERE a.\"userId\" = u.referrer AND a.\"providerId\" = 'credential' AND a.password IS NOT NULL)";
    /** Its credential account, holding the referrer's password hash. */
    private static final String COPY_ACCOUNTS = "INSERT INTO " + ACCOUNT + " (id, \"accountId\", \"providerId\", "
            + "\"userId\", password, \"createdAt\", \"updatedAt\") SELECT u.account, u.id, 'credential', u.id, "
            + "a.password, u.created, u.created FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamp[]) "
            + "AS u(id, account, referrer, created) JOIN " + ACCOUNT + " a ON a.\"userId\" = u.referrer "
            + "AND a.\"providerId\" = 'credential' AND a.password IS NOT NULL";

    /**
     * Gives each sign-up of {@code logins} an identity and a credential account with their referrer's password hash,
     * where the referrer has a credential account.
     *
     * @return identities written
     */
    static long copy(Connection conn, List<io.autogpt.seed.core.port.ReferredLogin> logins) throws SQLException {
        List<LoginAccount> accounts = logins.stream().map(io.autogpt.seed.core.port.ReferredLogin::account).toList();
        Array ids = conn.createArrayOf("text", accounts.stream().map(LoginAccount::id).toArray());
        Array referrers = conn.createArrayOf("text",
                logins.stream().map(io.autogpt.seed.core.port.ReferredLogin::referrerId).toArray());
        Array created = conn.createArrayOf("text", accounts.stream().map(u -> u.createdAt().toString()).toArray());
        long n;
        try (PreparedStatement identities = conn.prepareStatement(COPY_IDENTITIES);
             PreparedStatement credentials = conn.prepareStatement(COPY_ACCOUNTS)) {
            identities.setArray(1, ids);
            identities.setArray(2, conn.createArrayOf("text", accounts.stream().map(BetterAuthLogins::name).toArray()));
            identities.setArray(3, conn.createArrayOf("text", accounts.stream().map(LoginAccount::email).toArray()));
            identities.setArray(4, referrers);
            identities.setArray(5, created);
            n = identities.executeUpdate();
            credentials.setArray(1, ids);
            credentials.setArray(2, conn.createArrayOf("text", accounts.stream().map(u -> accountId(u.id())).toArray()));
            credentials.setArray(3, referrers);
            credentials.setArray(4, created);
            credentials.executeUpdate();
        }
        return n;
    }

    /**
     * Deletes the identities of the users staged in {@code stagedUsers} (a table of text ids), where the target
     * schema has Better Auth's tables; their accounts and sessions cascade. Returns how many identities went.
     */
    static long removeStaged(Connection conn, String stagedUsers) throws SQLException {
        if (!present(conn)) {
            return 0;
        }
        try (Statement st = conn.createStatement()) {
            return st.executeUpdate("DELETE FROM " + IDENTITY + " i USING " + stagedUsers + " s WHERE i.id = s.id");
        }
    }

    /** The credential account's id for the user with {@code userId}: a UUID derived from it. */
    static String accountId(String userId) {
        return UUID.nameUUIDFromBytes(("UserAuthAccount:credential:" + userId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static long insert(Connection conn, PreparedStatement identities, PreparedStatement credentials,
                               List<LoginAccount> chunk, LoginUsers logins) throws SQLException {
        Array ids = conn.createArrayOf("text", chunk.stream().map(LoginAccount::id).toArray());
        Array created = conn.createArrayOf("text", chunk.stream().map(u -> u.createdAt().toString()).toArray());
        identities.setArray(1, ids);
        identities.setArray(2, conn.createArrayOf("text", chunk.stream().map(BetterAuthLogins::name).toArray()));
        identities.setArray(3, conn.createArrayOf("text", chunk.stream().map(LoginAccount::email).toArray()));
        identities.setArray(4, conn.createArrayOf("text",
                chunk.stream().map(u -> logins.admin(u.id()) ? "admin" : "user").toArray()));
        identities.setArray(5, created);
        long n = identities.executeUpdate();
        credentials.setString(1, logins.passwordHash());
        credentials.setArray(2, ids);
        credentials.setArray(3, conn.createArrayOf("text", chunk.stream().map(u -> accountId(u.id())).toArray()));
        credentials.setArray(4, created);
        credentials.executeUpdate();
        return n;
    }

    /** Better Auth requires a name; a user without one is named by the local part of the email, as upstream does. */
    static String name(LoginAccount account) {
        if (account.name() != null && !account.name().isBlank()) {
            return account.name();
        }
        int at = account.email().indexOf('@');
        return at > 0 ? account.email().substring(0, at) : account.email();
    }
}
