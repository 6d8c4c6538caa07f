package io.autogpt.seed.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleProfileTest {
    @Test
    void originalReproducesTheScriptsCounts() {
        ScaleProfile p = ScaleProfile.original();
        assertThat(p.users()).isEqualTo(100);
        assertThat(p.graphsPerUser()).isEqualTo(new IntRange(1, 5));
        assertThat(p.nodesPerGraph()).isEqualTo(new IntRange(2, 5));
        assertThat(p.libraryAgentsPerUser()).isEqualTo(new IntRange(1, 10));
        assertThat(p.executionsPerGraph()).isEqualTo(new IntRange(1, 20));
        assertThat(p.onboardingShare()).isEqualTo(0.7);
        assertThat(p.webhookShare()).isEqualTo(0.3);
    }

    @Test
    void scaleMultipliesUsersOnly() {
        ScaleProfile p = ScaleProfile.original().scaled(2.5);
        assertThat(p.users()).isEqualTo(250);
        assertThat(p.nodesPerGraph()).isEqualTo(ScaleProfile.original().nodesPerGraph());
        assertThat(p.graphsPerUser()).isEqualTo(ScaleProfile.original().graphsPerUser());
        assertThat(ScaleProfile.original().scaled(0.001).users()).isEqualTo(1);
    }

    @Test
    void absurdOrNegativeCountsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> ScaleProfile.original().scaled(-1)).hasMessageContaining("scale must be > 0");
        assertThatThrownBy(() -> ScaleProfile.original().scaled(1e9)).hasMessageContaining("scale");
        assertThatThrownBy(() -> ScaleProfile.original().withUsers(0)).hasMessage(
                "users must be between 1 and 50000000, got 0");
        assertThatThrownBy(() -> ScaleProfile.original().withUsers(-5)).hasMessageContaining("got -5");
        assertThatThrownBy(() -> new IntRange(5, 1)).hasMessageContaining("0 <= min <= max");
        assertThatThrownBy(() -> IntRange.parse("x..y")).hasMessageContaining("not a range");
    }

    @Test
    void rangesParseFromTheCommandLineForm() {
        assertThat(IntRange.parse("1..5")).isEqualTo(new IntRange(1, 5));
        assertThat(IntRange.parse("3")).isEqualTo(IntRange.exactly(3));
    }
}
