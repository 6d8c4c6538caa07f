package io.autogpt.seed.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapedPlanTest {
    @Test
    void aRecordedShapeGivesBackThePlanItWasRecordedFrom() {
        ScaleProfile scale = ScaleProfile.original().scaled(3).toBuilder().graphsPerUser(new IntRange(2, 7))
                .onboardingShare(0.25).cohortUsers(50).build();
        SeedPlan plan = SeedPlan.of(7, Instant.parse("2025-06-01T12:34:56.123456Z"), scale).slice(50, 200)
                .withRules(PlatformRules.SEPTEMBER_2026);
        RunShape recorded = RunShape.parse(RunShape.of(plan, "platform-2026-09", Set.of()).canonical());
        assertThat(ShapedPlan.from(recorded, PlatformRules.SEPTEMBER_2026)).isEqualTo(plan);
    }

    @Test
    void aShapeWithoutAKeyOfThePlanNamesIt() {
        SeedPlan plan = SeedPlan.of(1, Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original());
        Map<String, String> values = new LinkedHashMap<>(RunShape.of(plan, "original", Set.of()).values());
        values.remove("graphs-per-user");
        assertThatThrownBy(() -> ShapedPlan.from(new RunShape(values), PlatformRules.EARLY_2026))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the recorded shape has no graphs-per-user");
    }
}
