package io.autogpt.seed.core.user;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.table.PlatformLabel;
import org.jspecify.annotations.Nullable;

/**
 * The platform's onboarding steps: the PostgreSQL enum {@code "OnboardingStep"} of the early platform (the first 22,
 * in the order a user meets them), and today's step names, which the platform keeps as text. Today's platform renamed
 * {@code VISIT_COPILOT} to {@code ONBOARDING_COMPLETE} and {@code MARKETPLACE_RUN_AGENT} to {@code LIBRARY_RUN_AGENT}
 * and added the tabs' first-visit cards; the early names are not written under its rules, nor the new ones under the
 * early rules.
 */
public enum OnboardingStep implements PlatformLabel {
    WELCOME, USAGE_REASON, INTEGRATIONS, AGENT_CHOICE, AGENT_NEW_RUN, AGENT_INPUT, CONGRATS, GET_RESULTS,
    MARKETPLACE_VISIT, MARKETPLACE_ADD_AGENT, MARKETPLACE_RUN_AGENT(PlatformRules.EARLY_2026), BUILDER_OPEN,
    BUILDER_SAVE_AGENT, BUILDER_RUN_AGENT, RUN_AGENTS, RE_RUN_AGENT, SCHEDULE_AGENT, RUN_3_DAYS, TRIGGER_WEBHOOK,
    RUN_14_DAYS, RUN_AGENTS_100, VISIT_COPILOT(PlatformRules.EARLY_2026),
    ONBOARDING_COMPLETE(PlatformRules.SEPTEMBER_2026), LIBRARY_RUN_AGENT(PlatformRules.SEPTEMBER_2026),
    AGENTS_TAB_INTRO(PlatformRules.SEPTEMBER_2026), MARKETPLACE_TAB_INTRO(PlatformRules.SEPTEMBER_2026),
    BUILD_TAB_INTRO(PlatformRules.SEPTEMBER_2026);

    /**
     * Today's steps in the order a user meets them (intro, first wins, consistency, the pro playground, then the
     * builder's and the tabs' steps, which come at any time): {@code backend/data/onboarding_steps.py}.
     */
    public static final java.util.List<OnboardingStep> SEPTEMBER_2026_ORDER = java.util.List.of(WELCOME, USAGE_REASON,
            INTEGRATIONS, AGENT_CHOICE, AGENT_NEW_RUN, AGENT_INPUT, CONGRATS, ONBOARDING_COMPLETE, GET_RESULTS,
            MARKETPLACE_VISIT, MARKETPLACE_ADD_AGENT, LIBRARY_RUN_AGENT, BUILDER_SAVE_AGENT, RE_RUN_AGENT,
            SCHEDULE_AGENT, RUN_AGENTS, RUN_3_DAYS, TRIGGER_WEBHOOK, RUN_14_DAYS, RUN_AGENTS_100, BUILDER_OPEN,
            BUILDER_RUN_AGENT, AGENTS_TAB_INTRO, MARKETPLACE_TAB_INTRO, BUILD_TAB_INTRO);

    /** The only generation that has the step; {@code null}: both. */
    private final @Nullable PlatformRules only;

    OnboardingStep() {
        this(null);
    }

    OnboardingStep(@Nullable PlatformRules only) {
        this.only = only;
    }

    @Override
    public boolean existsUnder(PlatformRules rules) {
        return only == null || only == rules;
    }

    /** Whether completing the step pays a reward on today's platform (credits granted once, in cents). */
    public boolean rewardedToday() {
        return switch (this) {
            case ONBOARDING_COMPLETE, AGENT_NEW_RUN, MARKETPLACE_ADD_AGENT, LIBRARY_RUN_AGENT, SCHEDULE_AGENT,
                 RUN_3_DAYS, TRIGGER_WEBHOOK, RUN_14_DAYS, RUN_AGENTS_100 -> true;
            default -> false;
        };
    }
}
