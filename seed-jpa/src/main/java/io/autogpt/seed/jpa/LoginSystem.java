package io.autogpt.seed.jpa;

import io.autogpt.seed.core.user.LoginAccount;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A login system a target keeps its users' accounts in: Supabase Auth (GoTrue, the platform's until mid-2026) or
 * Better Auth (the platform's since). A database being migrated from one to the other has both; seeded users then
 * get an account in each, so they log in whichever answers.
 */
enum LoginSystem {
    SUPABASE_AUTH("Supabase Auth") {
        @Override
        boolean present(Connection conn) throws SQLException {
            return SupabaseLogins.present(conn);
        }

        @Override
        long write(Connection conn, Stream<LoginAccount> accounts, LoginUsers logins) throws SQLException {
            return SupabaseLogins.write(conn, accounts, logins);
        }
    },
    BETTER_AUTH("Better Auth") {
        @Override
        boolean present(Connection conn) throws SQLException {
            return BetterAuthLogins.present(conn);
        }

        @Override
        long write(Connection conn, Stream<LoginAccount> accounts, LoginUsers logins) throws SQLException {
            return BetterAuthLogins.write(conn, accounts, logins);
        }
    };

    private final String label;

    LoginSystem(String label) {
        this.label = label;
    }

    /** Whether the target (the connection's database and current schema) has this system's tables. */
    abstract boolean present(Connection conn) throws SQLException;

    /** Writes the accounts; returns how many users got one. */
    abstract long write(Connection conn, Stream<LoginAccount> accounts, LoginUsers logins) throws SQLException;

    /** The systems the target has, possibly none. */
    static Set<LoginSystem> detect(Connection conn) throws SQLException {
        Set<LoginSystem> found = EnumSet.noneOf(LoginSystem.class);
        for (LoginSystem system : values()) {
            if (system.present(conn)) {
                found.add(system);
            }
        }
        return found;
    }

    /** E.g. {@code Supabase Auth + Better Auth}. */
    static String describe(Set<LoginSystem> systems) {
        return Stream.of(values()).filter(systems::contains).map(s -> s.label).collect(Collectors.joining(" + "));
    }

    @Override
    public String toString() {
        return label;
    }
}
