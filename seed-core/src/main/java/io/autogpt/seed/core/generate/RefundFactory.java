package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.credit.CreditRefundRequestStatus;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@code "CreditRefundRequest"} rows: a share of users asks back part or all of one of their own top-ups,
 * within two weeks of it; the request is pending, or approved or rejected a few days later with the result. A
 * user without a top-up asks nothing. Thread-safe.
 */
final class RefundFactory {
    private static final List<String> REASONS = List.of("Bought the wrong amount", "Agent did not work as expected",
            "Charged twice", "No longer need the credits", "Accidental purchase");

    private final DatasetShape shape;
    private final CreditLedgerFactory credit;

    public RefundFactory(DatasetShape shape) {
        this.shape = shape;
        this.credit = new CreditLedgerFactory(shape);
    }

    public Optional<CreditRefundRequest> request(long u) {
        if (!shape.asksRefund(u)) {
            return Optional.empty();
        }
        List<CreditTransaction> topUps = credit.transactions(u).stream()
                .filter(t -> t.type() == CreditTransactionType.TOP_UP && t.amount() > 0).toList();
        if (topUps.isEmpty()) {
            return Optional.empty();
        }
        Rng rng = shape.rng("CreditRefundRequest", u);
        CreditTransaction topUp = rng.pick(topUps);
        int amount = rng.chance(0.6) ? topUp.amount() : rng.between(1, topUp.amount());
        LocalDateTime created = shape.soonAfter(rng, topUp.createdAt(), Duration.ofDays(14));
        double p = rng.nextDouble();
        CreditRefundRequestStatus status = p < 0.4 ? CreditRefundRequestStatus.PENDING
                : p < 0.8 ? CreditRefundRequestStatus.APPROVED : CreditRefundRequestStatus.REJECTED;
        LocalDateTime updated = status == CreditRefundRequestStatus.PENDING ? created
                : shape.soonAfter(rng, created, Duration.ofDays(3));
        String result = switch (status) {
            case PENDING -> null;
            case APPROVED -> "Refunded " + amount + " credits to the original payment method";
            case REJECTED -> "Credits were already used";
        };
        return Optional.of(new CreditRefundRequest(shape.id("CreditRefundRequest", u), created, updated,
                shape.userId(u), topUp.transactionKey(), amount, rng.pick(REASONS), result, status));
    }
}
