package io.autogpt.seed.core.credit;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/** A row of {@code "UserBalance"}: the user's current balance in cents, equal to their last running balance. */
public record UserBalance(String userId, int balance, LocalDateTime updatedAt) {
    public static final Table<UserBalance> TABLE = Table.insertOf(UserBalance.class);

    public UserBalance {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
