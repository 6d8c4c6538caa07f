package io.autogpt.seed.core.port;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A user's credit as the target holds it: the running balance of the last transaction, whoever wrote it (the seeder,
 * an earlier day, or the platform meanwhile), in cents.
 *
 * @param balance the last transaction's running balance (0 without one)
 * @param lastAt  when that transaction was made; null when the user has none
 */
public record UserCredit(int balance, @Nullable LocalDateTime lastAt) {
    /** A user without transactions. */
    public static final UserCredit NONE = new UserCredit(0, null);
}
