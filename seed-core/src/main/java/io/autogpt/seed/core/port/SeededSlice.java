package io.autogpt.seed.core.port;

import io.autogpt.seed.core.plan.SeedPlan;
import java.util.Objects;

/**
 * One recorded seeding run as {@code advance} sees it: the plan it was written from (rebuilt from its recorded
 * shape) and how many days have been added to it since.
 *
 * @param plan the seeder's plan of the run's users; its {@link SeedPlan#now() anchor} is the seeded one
 * @param days days advanced so far (0 for a dataset just seeded); its current anchor is {@code plan.now() + days}
 */
public record SeededSlice(SeedPlan plan, int days) {
    public SeededSlice {
        Objects.requireNonNull(plan, "plan");
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more, got " + days);
        }
    }
}
