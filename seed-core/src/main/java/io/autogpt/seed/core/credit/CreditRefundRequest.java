package io.autogpt.seed.core.credit;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "CreditRefundRequest"}: a user asks back (part of) one of their top-ups; {@code amount} in cents,
 * never more than the transaction's.
 */
public record CreditRefundRequest(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                                  String transactionKey, int amount, String reason, @Nullable String result,
                                  CreditRefundRequestStatus status) {
    public static final Table<CreditRefundRequest> TABLE = Table.insertOf(CreditRefundRequest.class);

    public CreditRefundRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(transactionKey, "transactionKey");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
    }
}
