package io.autogpt.seed.cli;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * The one bcrypt hash a run gives every seeded login: GoTrue's format ({@code $2a$}, cost 10, as it hashes), which
 * the platform's Better Auth verifies too (bcryptjs, cost 10).
 */
final class PasswordHash {
    /** GoTrue's own cost. */
    private static final int COST = 10;
    /** bcrypt reads at most this many bytes of a password; GoTrue refuses longer ones. */
    private static final int MAX_BYTES = 72;

    private PasswordHash() {
    }

    static String bcrypt(String password, String option) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException("the password in " + option + " is longer than " + MAX_BYTES
                    + " bytes: bcrypt, and so Supabase Auth and the platform's Better Auth, cannot take it");
        }
        return new String(BCrypt.withDefaults().hash(COST, bytes), StandardCharsets.UTF_8);
    }
}
