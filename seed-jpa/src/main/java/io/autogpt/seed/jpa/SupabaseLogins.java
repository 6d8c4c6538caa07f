package io.autogpt.seed.jpa;

import io.autogpt.seed.core.user.LoginAccount;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Seeded users' {@linkplain LoginAccount login accounts} as Supabase Auth (GoTrue) accounts: an {@code auth.users}
 * row with the platform user's id and an email identity each, in the seeding transaction.
 *
 * <p>The rows are the ones GoTrue itself loads and logs in: nil {@code instance_id}, lower-case email, {@code aud}
 * and {@code role} {@code authenticated}, not SSO, email confirmed, a bcrypt password, and {@code ''} / {@code 0} in
 * every column GoTrue reads into a non-null Go string or int (a NULL there fails every login of the user with HTTP
 * 500).
 *
 * <p>The platform puts a trigger on {@code auth.users} that inserts a {@code "User"} and a {@code "Profile"} for every
 * new account. The accounts go in before the seeded users' own rows; whatever the trigger made for them is deleted
 * again, and the seeded rows follow as they would without it. That holds whether the trigger fires (any role that may
 * not disable triggers) or not (a session in replica mode), and nothing is duplicated either way.
 */
final class SupabaseLogins {
    static final String NIL_INSTANCE = "00000000-0000-0000-0000-000000000000";
    private static final int CHUNK = 5_000;

    /** Column → the value it gets, for every column written when the target has it; {@code ?} is the hash. */
    private static final Map<String, String> USER_COLUMNS = columns(
            "instance_id", "'" + NIL_INSTANCE + "'::uuid",
            "id", "u.id",
            "aud", "'authenticated'",
            "role", "'authenticated'",
            "email", "lower(u.email)",
            "encrypted_password", "?",
            "email_confirmed_at", "u.created",
            "confirmation_token", "''",
            "recovery_token", "''",
            "email_change_token_new", "''",
            "email_change_token_current", "''",
            "email_change", "''",
            "email_change_confirm_status", "0",
            "phone_change", "''",
            "phone_change_token", "''",
            "reauthentication_token", "''",
            "raw_app_meta_data", "'{\"provider\":\"email\",\"providers\":[\"email\"]}'::jsonb",
            "raw_user_meta_data", "jsonb_build_object('email_verified', true)",
            "is_super_admin", "false",
            "created_at", "u.created",
            "updated_at", "u.created",
            "last_sign_in_at", "NULL",
            "is_sso_user", "false",
            "is_anonymous", "false");
    /** Columns a login fails without. */
    private static final Set<String> REQUIRED = Set.of("instance_id", "id", "aud", "role", "email",
            "encrypted_password", "email_confirmed_at", "confirmation_token", "recovery_token",
            "email_change_token_new", "email_change", "created_at", "updated_at", "is_sso_user");

    /** GoTrue's email identity: provider_id is the user id, identity_data carries sub and email. */
    private static final String IDENTITIES = "INSERT INTO auth.identities (id, provider_id, user_id, identity_data, "
            + "provider, last_sign_in_at, created_at, updated_at) SELECT u.id, u.id::text, u.id, "
            + "jsonb_build_object('sub', u.id::text, 'email', lower(u.email), 'email_verified', true, "
            + "'phone_verified', false), 'email', NULL, u.created, u.created FROM unnest(?::uuid[], ?::text[], "
            + "?::timestamptz[]) AS u(id, email, created)";

    private SupabaseLogins() {
    }

    /** The columns of {@link #USER_COLUMNS} {@code auth.users} has; fails when it lacks one a login needs. */
    private static List<String> checkedColumns(Connection conn) throws SQLException {
        List<String> present = userColumns(conn);
        for (String c : REQUIRED) {
            if (!present.contains(c)) {
                throw new SQLException("auth.users has no column " + c + ": not a Supabase Auth schema this seeder "
                        + "knows");
            }
        }
        return USER_COLUMNS.keySet().stream().filter(present::contains).toList();
    }

    /** Deletes what the platform's trigger on {@code auth.users} made for the accounts {@code ids}, if it fired. */
    private static void dropTriggered(Connection conn, Array ids) throws SQLException {
        try (PreparedStatement profiles = conn.prepareStatement("DELETE FROM \"Profile\" WHERE \"userId\" = ANY(?)");
             PreparedStatement platformUsers = conn.prepareStatement("DELETE FROM \"User\" WHERE id = ANY(?)")) {
            profiles.setArray(1, ids);
            profiles.executeUpdate();
            platformUsers.setArray(1, ids);
            platformUsers.executeUpdate();
        }
    }

    /** Whether the database has Supabase Auth's tables (a Supabase project's database). */
    static boolean present(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('auth.users') IS NOT NULL "
                     + "AND to_regclass('auth.identities') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Writes an account for every one of {@code accounts}, then removes what the platform's trigger made for them.
     *
     * @return accounts written
     */
    static long write(Connection conn, Stream<LoginAccount> accounts, LoginUsers logins) throws SQLException {
        List<String> cols = checkedColumns(conn);
        String insertUsers = "INSERT INTO auth.users (" + String.join(", ", cols) + ") SELECT "
                + String.join(", ", cols.stream().map(USER_COLUMNS::get).toList())
                + " FROM unnest(?::uuid[], ?::text[], ?::timestamptz[]) AS u(id, email, created)";
        String insertIdentities = IDENTITIES;
        long written = 0;
        Iterator<LoginAccount> it = accounts.iterator();
        List<LoginAccount> chunk = new ArrayList<>(CHUNK);
        while (it.hasNext()) {
            chunk.add(it.next());
            if (chunk.size() == CHUNK || !it.hasNext()) {
                written += insert(conn, insertUsers, insertIdentities, chunk, logins.passwordHash());
                chunk.clear();
            }
        }
        return written;
    }

    /**
     * Gives each sign-up of {@code logins} an account and email identity with their referrer's password hash, where
     * the referrer has an account; then removes what the platform's trigger made for them, as {@link #write} does.
     *
     * @return accounts written
     */
    static long copy(Connection conn, List<io.autogpt.seed.core.port.ReferredLogin> logins) throws SQLException {
        List<String> cols = checkedColumns(conn);
        String insertUsers = "INSERT INTO auth.users (" + String.join(", ", cols) + ") SELECT "
                + String.join(", ", cols.stream().map(c -> c.equals("encrypted_password") ? "r.encrypted_password"
                : USER_COLUMNS.get(c)).toList())
                + " FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::uuid[]) AS u(id, email, created, referrer) "
                + "JOIN auth.users r ON r.id = u.referrer WHERE r.encrypted_password IS NOT NULL "
                + "AND r.encrypted_password <> ''";
        Object[] ids = logins.stream().map(l -> l.account().id()).toArray();
        Array idArray = conn.createArrayOf("text", ids);
        long n;
        try (PreparedStatement users = conn.prepareStatement(insertUsers);
             PreparedStatement identities = conn.prepareStatement(IDENTITIES + " JOIN auth.users x ON x.id = u.id")) {
            users.setArray(1, idArray);
            users.setArray(2, conn.createArrayOf("text", logins.stream().map(l -> l.account().email()).toArray()));
            users.setArray(3, conn.createArrayOf("text", logins.stream()
                    .map(l -> l.account().createdAt().toInstant(ZoneOffset.UTC).toString()).toArray()));
            users.setArray(4, conn.createArrayOf("text", logins.stream().map(l -> l.referrerId()).toArray()));
            n = users.executeUpdate();
            identities.setArray(1, idArray);
            identities.setArray(2, conn.createArrayOf("text", logins.stream().map(l -> l.account().email()).toArray()));
            identities.setArray(3, conn.createArrayOf("text", logins.stream()
                    .map(l -> l.account().createdAt().toInstant(ZoneOffset.UTC).toString()).toArray()));
            identities.executeUpdate();
        }
        dropTriggered(conn, idArray);
        return n;
    }

    /**
     * Deletes the accounts of the users staged in {@code stagedUsers} (a table of text ids), where the database has
     * Supabase Auth and the role may delete them; their identities and sessions cascade. Returns how many went.
     */
    static long removeStaged(Connection conn, String stagedUsers) throws SQLException {
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('auth.users') IS NOT NULL "
                    + "AND has_table_privilege('auth.users', 'DELETE')")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
            return st.executeUpdate("DELETE FROM auth.users a USING " + stagedUsers + " s WHERE a.id = s.id::uuid");
        }
    }

    private static long insert(Connection conn, String insertUsers, String insertIdentities,
                               List<LoginAccount> chunk, String hash) throws SQLException {
        Object[] ids = chunk.stream().map(LoginAccount::id).toArray();
        Object[] emails = chunk.stream().map(LoginAccount::email).toArray();
        Object[] created = chunk.stream().map(u -> u.createdAt().toInstant(ZoneOffset.UTC).toString())
                .toArray();
        Array idArray = conn.createArrayOf("text", ids);
        Array emailArray = conn.createArrayOf("text", emails);
        Array createdArray = conn.createArrayOf("text", created);
        long n;
        try (PreparedStatement users = conn.prepareStatement(insertUsers);
             PreparedStatement identities = conn.prepareStatement(insertIdentities)) {
            users.setString(1, hash);
            users.setArray(2, idArray);
            users.setArray(3, emailArray);
            users.setArray(4, createdArray);
            n = users.executeUpdate();
            identities.setArray(1, idArray);
            identities.setArray(2, emailArray);
            identities.setArray(3, createdArray);
            identities.executeUpdate();
        }
        // What the platform's trigger made for these accounts, if it fired: the seeded rows replace it.
        dropTriggered(conn, idArray);
        return n;
    }

    private static List<String> userColumns(Connection conn) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns "
                     + "WHERE table_schema = 'auth' AND table_name = 'users' AND is_generated = 'NEVER'")) {
            while (rs.next()) {
                cols.add(rs.getString(1));
            }
        }
        return cols;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
