package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.SqlType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No generated timestamp, in any column of any table, lies after the plan's anchor. */
class AnchorTest {
    @ParameterizedTest(name = "seed {0}, anchor {1}, {2} users")
    @CsvSource({
            // The review's case: the store chain (listed, submitted, reviewed) used to end up to 3.75 days past "now".
            "42, 2026-01-01T00:00:00Z, 100",
            "7, 2025-06-01T00:00:00Z, 400",
            "1234, 2024-02-29T23:59:59.999999Z, 300"})
    void noTimestampLiesAfterTheAnchor(long seed, String anchor, int users) {
        SeedPlan plan = SeedPlan.of(seed, Instant.parse(anchor), ScaleProfile.original().withUsers(users));
        List<String> late = new ArrayList<>();
        for (Dataset.Step<?> step : new Dataset(plan).steps()) {
            collectLate(step, plan.now(), late);
        }
        assertThat(late).as("seed %d: timestamps after %s", seed, anchor).isEmpty();
    }

    private static <R extends Record> void collectLate(Dataset.Step<R> step, LocalDateTime now, List<String> late) {
        // Deadlines (an OAuth code's or token's expiresAt) lie after the anchor while they are valid; nothing else may.
        List<Column<R>> timestamps = step.table().columns().stream()
                .filter(c -> c.type() == SqlType.TIMESTAMP && !c.name().equals("expiresAt")).toList();
        try (var rows = step.rows().get()) {
            rows.forEach(row -> {
                for (Column<R> column : timestamps) {
                    Object value = column.value(row);
                    if (value instanceof LocalDateTime t && t.isAfter(now)) {
                        late.add(step.table().name() + "." + column.name() + " = " + t);
                    }
                }
            });
        }
    }
}
