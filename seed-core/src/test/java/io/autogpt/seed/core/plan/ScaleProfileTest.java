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

    @Test
    void aBuilderChangesOneCountByNameAndKeepsTheRest() {
        ScaleProfile original = ScaleProfile.original();
        ScaleProfile more = original.toBuilder().graphsPerUser(IntRange.exactly(10)).build();
        assertThat(more.graphsPerUser()).isEqualTo(IntRange.exactly(10));
        assertThat(more.toBuilder().graphsPerUser(original.graphsPerUser()).build()).isEqualTo(original);
        assertThat(original.toBuilder().build()).isEqualTo(original);
        ActivityProfile refunds = ActivityProfile.standard().toBuilder().refundShare(1).build();
        assertThat(refunds.refundShare()).isEqualTo(1.0);
        assertThat(refunds.toBuilder().refundShare(0.1).build()).isEqualTo(ActivityProfile.standard());
    }

    @Test
    void aBuilderChecksTheCountsTogetherWhenItBuilds() {
        ScaleProfile.Builder noGraphs = ScaleProfile.original().toBuilder().graphsPerUser(IntRange.exactly(0));
        assertThatThrownBy(noGraphs::build).hasMessage("presets need graphs: graphs per user must be at least 1");
        assertThat(noGraphs.presetsPerUser(IntRange.exactly(0)).build().graphsPerUser())
                .as("the order of the calls does not matter").isEqualTo(IntRange.exactly(0));
        assertThatThrownBy(() -> ActivityProfile.standard().toBuilder().refundShare(2).build())
                .hasMessage("refund share must be between 0 and 1, got 2.0");
    }
}
