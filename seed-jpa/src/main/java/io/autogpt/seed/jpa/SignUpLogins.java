package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.ReferredLogin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Logins for the users who signed up during {@code advance}, in every login system the target has: each gets the
 * account its referrer has there, with the referrer's bcrypt hash copied inside the database (seeded users share one
 * password, so the hash is all a new login needs, and no secret is asked for or handled). A referrer without an
 * account there (a seed without {@code --auth-users}) gives none.
 */
final class SignUpLogins {
    private SignUpLogins() {
    }

    /** Copies the logins on {@code conn} (in its transaction); returns how many sign-ups got one in some system. */
    static long copy(Connection conn, List<ReferredLogin> logins) throws SQLException {
        if (logins.isEmpty()) {
            return 0;
        }
        Set<LoginSystem> systems = LoginSystem.detect(conn);
        long got = 0;
        if (systems.contains(LoginSystem.SUPABASE_AUTH)) {
            got = Math.max(got, SupabaseLogins.copy(conn, logins));
        }
        if (systems.contains(LoginSystem.BETTER_AUTH)) {
            got = Math.max(got, BetterAuthLogins.copy(conn, logins));
        }
        return got;
    }
}
