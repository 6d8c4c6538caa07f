package io.autogpt.seed.jpa;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Seeded users get login accounts with this password hash, so they can log in: Supabase Auth accounts
 * ({@code auth.users} and {@code auth.identities}), Better Auth accounts ({@code "UserAuthIdentity"} and its
 * credential {@code "UserAuthAccount"}), or both, as the target has them. One bcrypt hash serves every user of a run:
 * they share the run's password, and hashing is deliberately slow (tens of milliseconds each).
 *
 * @param passwordHash a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}), as GoTrue, Better Auth on the
 *                     platform and pgcrypto's {@code crypt(…, gen_salt('bf'))} make; never shown by
 *                     {@link #toString()}
 * @param adminShare   the share of users, 0 to 1, whose Better Auth identity has role {@code admin} (the rest
 *                     {@code user}); chosen by the user's id, so the same users on every run of a seed
 */
public record LoginUsers(String passwordHash, double adminShare) {
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    private static final long BUCKETS = 1_000_000;

    public LoginUsers {
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!BCRYPT.matcher(passwordHash).matches()) {
            throw new IllegalArgumentException("the password hash is not a bcrypt hash");
        }
        if (!(adminShare >= 0 && adminShare <= 1)) {
            throw new IllegalArgumentException("the admin share is not between 0 and 1: " + adminShare);
        }
    }

    /** Logins with this password hash and no admins. */
    public LoginUsers(String passwordHash) {
        this(passwordHash, 0);
    }

    /** Whether the user with {@code id} is an admin: a stable hash of the id falls in the first share. */
    boolean admin(String id) {
        if (adminShare == 0) {
            return false;
        }
        // FNV-1a over the id's bytes: defined here, so the choice never depends on a JVM's String.hashCode.
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return Math.floorMod(h, BUCKETS) < Math.round(adminShare * BUCKETS);
    }

    @Override
    public String toString() {
        return "LoginUsers[passwordHash=***, adminShare=" + adminShare + "]";
    }
}
