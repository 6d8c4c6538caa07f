package io.autogpt.seed.core.plan;

/**
 * Which generation of the platform's rules the rows follow. The platform's schema moved in steps; most steps only
 * add tables and columns (writers leave out what a target lacks), but in 2026 the platform also changed what its
 * rows mean: the notification types, the onboarding steps, the subscription tiers, organisations that own
 * resources. A dataset follows one generation, the one its target has.
 */
public enum PlatformRules {
    /** Up to early 2026 (schemas {@code original} to {@code platform-upstream-2026}): users own everything. */
    EARLY_2026,
    /**
     * From 2026-09 (schema {@code platform-2026-09}): organisations and teams own resources, Better Auth logs users
     * in, notifications are briefings, alerts and billing notices, onboarding steps are free text.
     */
    SEPTEMBER_2026;

    /** Whether these rules are {@code other}'s or newer. */
    public boolean atLeast(PlatformRules other) {
        return compareTo(other) >= 0;
    }
}
