package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.table.Table;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A table the seeder writes but the remover forgets would survive a reset and collide with the reseed. */
class RunRemoverTest {
    @Test
    void everyTableARunOwnsIsRemoved() {
        Dataset dataset = new Dataset(SeedPlan.of(0, Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original()));
        for (Dataset.Step<?> step : dataset.steps()) {
            Table<?> table = step.table();
            boolean removed = RunRemover.DELETES.stream()
                    .anyMatch(d -> d.startsWith("DELETE FROM " + CopyText.quote(table.name()) + " "));
            if (table.kind() != Table.Kind.UPDATE) {
                // A run's own rows go; shared rows (the blocks) stay for the other runs that reference them.
                assertThat(removed).as(table.name() + " (" + table.kind() + ")")
                        .isEqualTo(table.kind() == Table.Kind.INSERT);
            }
        }
    }
}
