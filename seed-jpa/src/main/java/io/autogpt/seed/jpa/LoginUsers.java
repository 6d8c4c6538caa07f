package io.autogpt.seed.jpa;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Seeded users get Supabase Auth accounts ({@code auth.users} and {@code auth.identities}) with this password hash,
 * so they can log in. One bcrypt hash serves every user of a run: they share the run's password, and hashing is
 * deliberately slow (tens of milliseconds each).
 *
 * @param passwordHash a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}), as GoTrue and pgcrypto's
 *                     {@code crypt(…, gen_salt('bf'))} make; never shown by {@link #toString()}
 */
public record LoginUsers(String passwordHash) {
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    public LoginUsers {
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!BCRYPT.matcher(passwordHash).matches()) {
            throw new IllegalArgumentException("the password hash is not a bcrypt hash");
        }
    }

    @Override
    public String toString() {
        return "LoginUsers[passwordHash=***]";
    }
}
