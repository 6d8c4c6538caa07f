package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.SubscriptionTrial;
import io.autogpt.seed.core.credit.SubscriptionTrialClaim;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.user.SubscriptionTier;
import io.autogpt.seed.core.user.User;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trial of a user of tier {@code TRIAL}, as the platform has it once the card was verified: {@code trialing},
 * started within the offer's 14 days before the anchor and ending after it, with the Stripe ids checkout left; and
 * the identities the verification claimed (the user and the Stripe customer), so none can take a second trial.
 * Other users have none, and under the early-2026 rules no one has. Thread-safe.
 */
final class SubscriptionTrialFactory {
    private static final int TRIAL_DAYS = 14;

    private final DatasetShape shape;
    private final UserFactory users;

    public SubscriptionTrialFactory(DatasetShape shape) {
        this.shape = shape;
        this.users = new UserFactory(shape);
    }

    public Optional<SubscriptionTrial> trial(long u) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026) || users.tier(u) != SubscriptionTier.TRIAL) {
            return Optional.empty();
        }
        Rng rng = shape.rng("SubscriptionTrial", u);
        User user = users.create(u);
        LocalDateTime started = DatasetShape.between(rng, shape.now().minusDays(TRIAL_DAYS - 1),
                shape.now().minusHours(1));
        LocalDateTime verified = started.minusSeconds(rng.between(5, 300));
        LocalDateTime created = verified.minusSeconds(rng.between(30, 1800));
        String tier = rng.pick(List.of("BASIC", "PRO", "MAX"));
        int unitAmount = switch (tier) {
            case "BASIC" -> 900;
            case "PRO" -> 2900;
            default -> 9900;
        };
        Json offer = Json.obj("version", 1, "new_users_from", "2026-08-01", "duration_days", TRIAL_DAYS,
                "tier", tier, "billing_cycle", "monthly", "daily_cost_limit", 5_000_000,
                "weekly_cost_limit", 20_000_000, "total_cost_limit", 50_000_000, "onboarding_credit_amount", 500,
                "allow_existing_beta_users", false, "price_id", "price_" + tier.toLowerCase(java.util.Locale.ROOT)
                        + "_trial_monthly", "unit_amount", unitAmount, "currency", "usd");
        String key = shape.id("SubscriptionTrial/stripe", u).replace("-", "");
        LocalDateTime updated = DatasetShape.between(rng, started, shape.now());
        return Optional.of(new SubscriptionTrial(trialId(u), user.id(), offer,
                Objects.requireNonNull(user.stripeCustomerId()),
                "cs_test_" + key, "sub_" + key.substring(0, 24), null, 0, 1,
                "https://platform.agpt.co/profile/credits?trial=success",
                "https://platform.agpt.co/profile/credits?trial=cancelled", Json.obj("user_id", user.id()),
                "trialing", null, verified, started, started.plus(Duration.ofDays(TRIAL_DAYS)), started, null,
                rng.chance(0.2), (long) rng.between(0, 4_000_000), created, updated));
    }

    /** The claims of the trial's verification: the user and the Stripe customer, keyed as the platform keys them. */
    public List<SubscriptionTrialClaim> claims(long u) {
        return trial(u).map(t -> List.of(
                new SubscriptionTrialClaim(claimKey("user", t.userId()), t.id(),
                Objects.requireNonNull(t.cardVerifiedAt())),
                new SubscriptionTrialClaim(claimKey("customer", t.stripeCustomerId()), t.id(),
                Objects.requireNonNull(t.cardVerifiedAt()))))
                .orElse(List.of());
    }

    private String trialId(long u) {
        return shape.id("SubscriptionTrial", u);
    }

    /** SHA-256 hex of the compact JSON {@code [kind, value]} (Python's {@code separators=(",", ":")}). */
    static String claimKey(String kind, String value) {
        return Hashes.sha256Hex(Json.of(List.of(kind, value)).text());
    }
}
