package io.autogpt.seed.core.org;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "OrgBalance"}: an organisation's balance in cents, equal to the running balance of its last
 * {@link OrgCreditTransaction} (0 for a personal organisation, which is billed on its owner's user ledger).
 */
public record OrgBalance(String orgId, int balance, LocalDateTime updatedAt) {
    public static final Table<OrgBalance> TABLE = Table.insertOf(OrgBalance.class);

    public OrgBalance {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
