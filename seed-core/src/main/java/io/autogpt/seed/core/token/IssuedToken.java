package io.autogpt.seed.core.token;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token for one test user.
 *
 * @param token     the JWT; a secret, which {@link #toString()} never shows
 * @param email     the user's email
 * @param userId    the user's id (the token's {@code sub})
 * @param issuedAt  when the token was issued (its {@code iat}), UTC
 * @param expiresAt when it stops being accepted (its {@code exp}), UTC
 * @param round     which of the user's tokens this is, from 1: a user logged in three times holds rounds 1..3
 */
public record IssuedToken(String token, String email, String userId, Instant issuedAt, Instant expiresAt, int round) {
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (round < 1) {
            throw new IllegalArgumentException("round starts at 1, got " + round);
        }
    }

    /** The job this token fulfils. */
    public TokenJob.Key key() {
        return new TokenJob.Key(email, round);
    }

    /** Whether the token is still accepted at {@code instant} plus {@code marginSeconds}. */
    public boolean validAt(Instant instant, long marginSeconds) {
        return expiresAt.isAfter(instant.plusSeconds(marginSeconds));
    }

    @Override
    public String toString() {
        return "IssuedToken[email=" + email + ", userId=" + userId + ", round=" + round + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + ", token=***]";
    }
}
