package io.autogpt.seed.core.token;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user a load test logs in as.
 *
 * @param email    the login, never blank
 * @param password the password for a password login; {@code null} when tokens are minted locally. A secret:
 *                 {@link #toString()} never shows it
 * @param userId   the Supabase user id ({@code sub}) when known, else {@code null}
 */
public record TestUser(String email, @Nullable String password, @Nullable String userId) {
    public TestUser {
        Objects.requireNonNull(email, "email");
        if (email.isBlank()) {
            throw new IllegalArgumentException("a test user's email is blank");
        }
    }

    /** A user to log in with a password; the id comes from the server. */
    public static TestUser withPassword(String email, String password) {
        return new TestUser(email, Objects.requireNonNull(password, "password"), null);
    }

    /** This user with a known id. */
    public TestUser withUserId(String id) {
        return new TestUser(email, password, Objects.requireNonNull(id, "id"));
    }

    /** The user's id, else the stable one derived from the email ({@link TestUsers#derivedId}) that minted tokens carry. */
    public String idOrDerived() {
        return userId != null ? userId : TestUsers.derivedId(email);
    }

    @Override
    public String toString() {
        return "TestUser[email=" + email + ", password=" + (password == null ? "none" : "***") + ", userId="
                + userId + "]";
    }
}
