package io.autogpt.seed.core.user;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A seeded user's login account, as a target's login system keeps it: made from the user's {@code "User"} row, with
 * its id, email and creation time, and nothing secret (the target supplies how a password is kept). Whatever the
 * login system (Supabase Auth's {@code auth.users} and {@code auth.identities}, or another), these are its rows' facts.
 *
 * @param id        the platform user's id, which the account shares
 * @param email     the user's email, as in {@code "User"}
 * @param name      the user's name, as in {@code "User"}, or null where the user has none
 * @param createdAt when the user was created (UTC): the account's creation and confirmation time
 */
public record LoginAccount(String id, String email, @Nullable String name, LocalDateTime createdAt) {
    /** Not a platform table: see {@link Table.Kind#LOGIN_ACCOUNTS}. */
    public static final Table<LoginAccount> TABLE = Table.loginAccountsOf(LoginAccount.class);

    public LoginAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The account of {@code user}. */
    public static LoginAccount of(User user) {
        return new LoginAccount(user.id(), user.email(), user.name(), user.createdAt());
    }
}
