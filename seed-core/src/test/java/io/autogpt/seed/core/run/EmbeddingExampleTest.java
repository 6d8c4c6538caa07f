package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.testing.InMemoryDatasetStore;
import io.autogpt.seed.core.user.User;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's "Using it from Java" calls, run: the documented API works as documented. */
class EmbeddingExampleTest {
    @Test
    void theReadmeExampleRuns() {
        SeedPlan plan = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original().scaled(0.5));
        Dataset dataset = new Dataset(plan);
        // Every table has rows under one generation of the platform's rules at least (today's tables only under
        // today's rules).
        Dataset today = new Dataset(plan.withRules(io.autogpt.seed.core.plan.PlatformRules.SEPTEMBER_2026));
        for (int i = 0; i < dataset.steps().size(); i++) {
            Dataset.Step<?> step = dataset.steps().get(i);
            try (Stream<?> rows = step.rows().get(); Stream<?> todays = today.steps().get(i).rows().get()) {
                assertThat(Stream.concat(rows.limit(3), todays.limit(3)).toList()).as(step.table().label())
                        .isNotEmpty();
            }
        }
        User first = dataset.rows(User.TABLE).findFirst().orElseThrow();
        assertThat(first.email()).endsWith(".s42n0@example.com");

        SeedPlan half = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
                ScaleProfile.original().withUsers(400));
        Dataset shard = new Dataset(half.shard(2, 4));
        assertThat(shard.userIds().count()).isEqualTo(100);

        InMemoryDatasetStore store = new InMemoryDatasetStore();
        SeedReport report = new SeedRunner(store, SeedProgress.NONE).run(plan, false);
        assertThat(report.outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        assertThat(store.rows("User")).hasSize(50);
        assertThat(report.totalRows()).as("every row of the plan's dataset, written once")
                .isEqualTo(dataset.steps().stream().mapToLong(s -> s.rows().get().count()).sum());
        assertThat(report.tables()).extracting(SeedReport.TableReport::table)
                .containsExactlyElementsOf(dataset.steps().stream().map(s -> s.table().label()).toList());
    }
}
