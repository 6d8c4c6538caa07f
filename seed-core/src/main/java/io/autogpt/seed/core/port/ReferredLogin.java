package io.autogpt.seed.core.port;

import io.autogpt.seed.core.user.LoginAccount;
import java.util.Objects;

/**
 * A login account for a user who signed up during {@code advance}, to be made like the login of the seeded user who
 * brought them: where the referrer has an account, the new one holds the same password hash (seeded users share one
 * password, so the sign-up logs in with it too); where the referrer has none, neither does the sign-up.
 *
 * @param account    the sign-up's account (id, email, name, sign-up time)
 * @param referrerId the platform user id of the seeded user who brought them
 */
public record ReferredLogin(LoginAccount account, String referrerId) {
    public ReferredLogin {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(referrerId, "referrerId");
    }
}
