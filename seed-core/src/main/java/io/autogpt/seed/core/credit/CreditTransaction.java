package io.autogpt.seed.core.credit;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "CreditTransaction"}, keyed by (transactionKey, userId). Amounts are in cents; a positive amount
 * adds credit. {@code runningBalance} is the user's balance after this transaction.
 */
public record CreditTransaction(String transactionKey, LocalDateTime createdAt, String userId, int amount,
                                CreditTransactionType type, boolean isActive, @Nullable Json metadata,
                                @Nullable Integer runningBalance) {
    public static final Table<CreditTransaction> TABLE = Table.insertOf(CreditTransaction.class);

    public CreditTransaction {
        Objects.requireNonNull(transactionKey, "transactionKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
    }
}
