package io.autogpt.seed.core.org;

import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OrgCreditTransaction"}, keyed by (transactionKey, orgId): a shared organisation's ledger, in
 * cents. {@code runningBalance} is the organisation's balance after this transaction; {@code teamId} is the team a
 * spend is attributed to (null: the organisation itself).
 */
public record OrgCreditTransaction(String transactionKey, LocalDateTime createdAt, String orgId,
                                   @Nullable String initiatedByUserId, @Nullable String teamId, int amount,
                                   CreditTransactionType type, @Nullable Integer runningBalance, boolean isActive,
                                   @Nullable Json metadata) {
    public static final Table<OrgCreditTransaction> TABLE = Table.insertOf(OrgCreditTransaction.class);

    public OrgCreditTransaction {
        Objects.requireNonNull(transactionKey, "transactionKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(type, "type");
    }
}
