package io.autogpt.seed.core.port;

import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;

/**
 * Obtains an access token for a test user: by logging in against Supabase Auth, or by signing one locally.
 *
 * <p>Implementations are thread-safe and may block (waiting for a rate limit, retrying); they retry what can
 * succeed within their own budget, so a caller never adds a retry layer of its own.
 */
@FunctionalInterface
public interface IssueTokenPort {
    /**
     * One token for {@code user}.
     *
     * @param round which of the user's tokens this is, from 1; carried into the result
     * @throws TokenException when no token can be had; the subtype says why
     */
    IssuedToken issue(TestUser user, int round);
}
