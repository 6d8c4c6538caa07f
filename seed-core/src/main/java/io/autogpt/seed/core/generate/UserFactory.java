package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.user.BriefingFrequency;
import io.autogpt.seed.core.user.SubscriptionTier;
import io.autogpt.seed.core.user.User;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code "User"} rows. Emails carry the seed's tag, so they stay unique across datasets of different seeds.
 * Not thread-safe; one instance per generating thread.
 */
final class UserFactory {
    private final DatasetShape shape;
    private final PersonNames names;

    public UserFactory(DatasetShape shape) {
        this.shape = shape;
        this.names = new PersonNames(shape);
    }

    /** The email of user {@code u}: {@code first.last.s<seed>n<u>@example.com}, lowercase. */
    public String email(long u) {
        return names.of(u).handle().replace('-', '.') + "." + shape.tag(u) + "@example.com";
    }

    /**
     * The user's plan: most accounts are free, a few pay. Drawn from a stream of its own, so the column's arrival
     * in newer schemas left every other value of the row as it was.
     */
    SubscriptionTier tier(long u) {
        double p = shape.rng("User/tier", u).nextDouble();
        if (shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            // Today's tiers: most accounts have none, some try, a few pay.
            return p < 0.55 ? SubscriptionTier.NO_TIER : p < 0.65 ? SubscriptionTier.TRIAL
                    : p < 0.8 ? SubscriptionTier.BASIC : p < 0.92 ? SubscriptionTier.PRO
                    : p < 0.96 ? SubscriptionTier.MAX : p < 0.99 ? SubscriptionTier.BUSINESS
                    : SubscriptionTier.ENTERPRISE;
        }
        return p < 0.6 ? SubscriptionTier.FREE : p < 0.9 ? SubscriptionTier.PRO : p < 0.98 ? SubscriptionTier.BUSINESS
                : SubscriptionTier.ENTERPRISE;
    }

    /** The user's name as the platform shows it (the profile shows the same). */
    public String name(long u) {
        return names.of(u).full();
    }

    public User create(long u) {
        Rng rng = shape.rng("User", u);
        PersonNames.PersonName name = names.of(u);
        LocalDateTime createdAt = shape.userCreatedAt(u);
        LocalDateTime updatedAt = DatasetShape.between(rng, createdAt, shape.now());
        boolean quiet = rng.chance(0.2);
        Json topUp = rng.chance(0.15) ? Json.obj("amount", rng.between(5, 50) * 100, "threshold", 500) : null;
        String stripe = rng.chance(0.3) ? "cus_" + rng.urlSafe(14).replace('-', 'x').replace('_', 'y') : null;
        SubscriptionTier tier = tier(u);
        int maxEmails = rng.between(1, 5);
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            // The early platform's user: today's columns are absent there; their defaults stand in.
            return new User(shape.userId(u), email(u), name.full(), createdAt, updatedAt, Json.EMPTY_OBJECT, "",
                    stripe, topUp, maxEmails, !quiet, true, true, !quiet && rng.chance(0.5), true,
                    rng.chance(0.3), rng.chance(0.6), true, true, rng.pick(AgentVocabulary.TIMEZONES), true, true,
                    tier, BriefingFrequency.WEEKLY, true, true, null, null, null, null);
        }
        // Today's platform, from a stream of its own so the early values above stay as they were.
        Rng mail = shape.rng("User/mail", u);
        boolean unsubscribed = mail.chance(0.05);
        double f = mail.nextDouble();
        BriefingFrequency frequency = unsubscribed ? BriefingFrequency.OFF : f < 0.6 ? BriefingFrequency.WEEKLY
                : f < 0.75 ? BriefingFrequency.DAILY : f < 0.87 ? BriefingFrequency.MONTHLY : BriefingFrequency.OFF;
        boolean paying = tier != SubscriptionTier.NO_TIER && tier != SubscriptionTier.ENTERPRISE;
        // Stripe knows every user who checked out (a trial needs a verified card); ENTERPRISE is granted by hand.
        if (paying && stripe == null) {
            stripe = "cus_" + mail.urlSafe(14).replace('-', 'x').replace('_', 'y');
        }
        // The welcome mail goes once, when a first paid plan's checkout completes (a trial has not paid yet).
        LocalDateTime welcomed = paying && tier != SubscriptionTier.TRIAL
                ? DatasetShape.between(mail, createdAt, updatedAt) : null;
        String route = mail.chance(0.12) ? "platform" : null;
        return new User(shape.userId(u), email(u), name.full(), createdAt, updatedAt, Json.EMPTY_OBJECT, "",
                stripe, topUp, unsubscribed ? 0 : maxEmails, !quiet, true, true, !quiet && rng.chance(0.5), true,
                rng.chance(0.3), rng.chance(0.6), true, true, rng.pick(AgentVocabulary.TIMEZONES), true, true,
                tier, frequency, !unsubscribed && mail.chance(0.9), !unsubscribed, lastBriefing(mail, frequency,
                createdAt), welcomed, route, null);
    }

    /**
     * When the user last had a briefing: the most recent morning (07:30 UTC) of their period before the anchor, once
     * a whole period has passed since they joined; never for {@code OFF}.
     */
    private @Nullable LocalDateTime lastBriefing(Rng rng, BriefingFrequency frequency, LocalDateTime joined) {
        int days = switch (frequency) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> 30;
            case OFF -> 0;
        };
        if (days == 0) {
            return null;
        }
        LocalDateTime last = shape.now().toLocalDate().minusDays(rng.nextInt(days) + 1L).atTime(7, 30);
        return last.isAfter(joined.plusDays(days)) ? last : null;
    }
}
