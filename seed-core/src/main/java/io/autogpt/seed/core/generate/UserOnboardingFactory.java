package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.user.OnboardingStep;
import io.autogpt.seed.core.user.UserOnboarding;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code "UserOnboarding"} rows for the share of users who started onboarding. Completed steps are a prefix
 * of the onboarding order; notified and rewarded steps are completed ones; a selected store agent is an approved,
 * visible version.
 */
final class UserOnboardingFactory {
    /** The early platform's steps: the enum's first 22, in the order a user meets them. */
    private static final List<OnboardingStep> EARLY_STEPS = Arrays.stream(OnboardingStep.values())
            .filter(s -> s.existsUnder(PlatformRules.EARLY_2026)).toList();
    private static final int TRIES_FOR_AN_APPROVED_AGENT = 16;

    private final DatasetShape shape;
    private final ListingFacts listings;

    public UserOnboardingFactory(DatasetShape shape) {
        this.shape = shape;
        this.listings = new ListingFacts(shape);
    }

    /** Whether user {@code u} has an onboarding row at all. */
    public boolean exists(long u) {
        return shape.hasOnboarding(u);
    }

    public UserOnboarding create(long u) {
        Rng rng = shape.rng("UserOnboarding", u);
        LocalDateTime createdAt = shape.soonAfter(rng, shape.userCreatedAt(u), Duration.ofHours(1));
        Progress progress = Progress.draw(rng, shape.rules(), 10, 0.2);
        int agentRuns = rng.chance(0.3) ? 0 : rng.between(1, 120);
        int runDays = agentRuns == 0 ? 0 : rng.between(1, Math.min(agentRuns, 30));
        LocalDateTime lastRunAt = agentRuns == 0 ? null : DatasetShape.between(rng, createdAt, shape.now());
        LocalDateTime updatedAt = DatasetShape.between(rng, lastRunAt == null ? createdAt : lastRunAt, shape.now());
        return new UserOnboarding(shape.id("UserOnboarding", u), createdAt, rng.pick(AgentVocabulary.USAGE_REASONS),
                progress.integrations(), rng.chance(0.1) ? "zapier" : null,
                rng.chance(0.5) ? Json.obj("topic", rng.pick(AgentVocabulary.GRAPH_SUBJECTS)) : null,
                shape.userId(u), progress.completed(), selectedAgent(rng, u), updatedAt, progress.notified(),
                progress.rewarded(), null, agentRuns, runDays, lastRunAt, progress.completed().size() > 6);
    }

    /**
     * How far a user got: the first steps of the rules' onboarding order, the notified among them, the rewarded among
     * those (today's platform rewards only the steps that pay), and the integrations they said they use. Drawn in
     * this order from the caller's source, so the seeder and {@code advance}'s sign-ups draw alike.
     */
    record Progress(List<OnboardingStep> completed, List<OnboardingStep> notified, List<OnboardingStep> rewarded,
                    List<String> integrations) {
        /** Up to {@code maxCompleted} steps; each integration with chance {@code integrationShare}. */
        static Progress draw(Rng rng, PlatformRules rules, int maxCompleted, double integrationShare) {
            boolean today = rules.atLeast(PlatformRules.SEPTEMBER_2026);
            List<OnboardingStep> steps = today ? OnboardingStep.SEPTEMBER_2026_ORDER : EARLY_STEPS;
            List<OnboardingStep> completed = steps.subList(0, rng.between(1, maxCompleted));
            List<OnboardingStep> notified = completed.subList(0, rng.between(0, completed.size()));
            List<OnboardingStep> rewarded = notified.subList(0, rng.between(0, notified.size()));
            if (today) {
                // Today's platform records a reward only for the steps that pay one.
                rewarded = rewarded.stream().filter(OnboardingStep::rewardedToday).toList();
            }
            List<String> integrations = new ArrayList<>();
            for (String integration : AgentVocabulary.INTEGRATIONS) {
                if (rng.chance(integrationShare)) {
                    integrations.add(integration);
                }
            }
            return new Progress(completed, notified, rewarded, integrations);
        }
    }

    private @Nullable String selectedAgent(Rng rng, long u) {
        for (int i = 0; i < TRIES_FOR_AN_APPROVED_AGENT; i++) {
            long owner = shape.userInCohort(rng, u);
            int graphs = shape.graphs(owner);
            if (graphs > 0) {
                long g = rng.nextInt(graphs);
                if (listings.isApproved(owner, g)) {
                    return shape.listingVersionId(owner, g);
                }
            }
        }
        return null;
    }
}
