package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a user's {@code "CreditTransaction"} rows and their {@code "UserBalance"}. The first transaction grants or
 * tops up credit; later ones spend (never below zero) or top up. {@code runningBalance} is the running sum of the
 * amounts in time order, and the balance equals the last running balance. Thread-safe.
 */
final class CreditLedgerFactory {
    private final DatasetShape shape;

    public CreditLedgerFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public List<CreditTransaction> transactions(long u) {
        int count = shape.creditTransactions(u);
        List<CreditTransaction> rows = new ArrayList<>(count);
        int balance = 0;
        LocalDateTime at = shape.userCreatedAt(u);
        for (int t = 0; t < count; t++) {
            Rng rng = shape.rng("CreditTransaction", u, t);
            // Spread the remaining transactions over the time left, so they stay in order and before the anchor.
            // Strictly increasing times keep "running" well defined.
            LocalDateTime from = t == 0 ? at : at.plusSeconds(1);
            at = DatasetShape.between(rng, from, from.plus(Duration.between(from, shape.now()).dividedBy(count - t)));
            CreditTransactionType type;
            int amount;
            if (t == 0) {
                type = rng.chance(0.5) ? CreditTransactionType.GRANT : CreditTransactionType.TOP_UP;
                amount = rng.between(5, 100) * 100;
            } else if (balance > 0 && rng.chance(0.75)) {
                type = CreditTransactionType.USAGE;
                amount = -rng.between(1, balance);
            } else {
                type = CreditTransactionType.TOP_UP;
                amount = rng.between(5, 50) * 100;
            }
            balance += amount;
            Json metadata = type == CreditTransactionType.USAGE
                    ? Json.obj("reason", "Ran agent", "graph_exec_id", shape.id("usage", u, t))
                    : Json.obj("reason", type == CreditTransactionType.GRANT ? "Welcome bonus" : "Top up");
            rows.add(new CreditTransaction(shape.id("CreditTransaction", u, t), at, shape.userId(u), amount, type,
                    true, metadata, balance));
        }
        return rows;
    }

    /** The user's balance: the last running balance, or 0 at sign-up when there are no transactions. */
    public UserBalance balance(long u) {
        List<CreditTransaction> rows = transactions(u);
        if (rows.isEmpty()) {
            return new UserBalance(shape.userId(u), 0, shape.userCreatedAt(u));
        }
        CreditTransaction last = rows.get(rows.size() - 1);
        return new UserBalance(shape.userId(u), Objects.requireNonNull(last.runningBalance()), last.createdAt());
    }
}
