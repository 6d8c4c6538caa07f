package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.testing.Canonical;
import io.autogpt.seed.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetDeterminismTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final SeedPlan PLAN = SeedPlan.of(42, NOW, ScaleProfile.original().withUsers(40).withBlocks(30));

    /** Every table's rows as canonical lines. */
    static Map<String, List<String>> lines(Dataset dataset) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Dataset.Step<?> step : dataset.steps()) {
            out.put(step.table().label(), lines(step));
        }
        return out;
    }

    private static <R extends Record> List<String> lines(Dataset.Step<R> step) {
        return step.rows().get().map(r -> Canonical.line(step.table(), r)).collect(Collectors.toList());
    }

    @Test
    void sameSeedGivesIdenticalRows() {
        assertThat(lines(new Dataset(PLAN))).isEqualTo(lines(new Dataset(PLAN)));
    }

    @Test
    void aStreamGivesTheSameRowsEachTimeItIsAsked() {
        Dataset dataset = new Dataset(PLAN);
        assertThat(lines(dataset)).isEqualTo(lines(dataset));
    }

    @Test
    void differentSeedsShareNoIdsAndNoUniqueValues() {
        List<User> a = new Dataset(PLAN).steps().get(0).rows().get().map(User.class::cast).toList();
        SeedPlan other = new SeedPlan(43, PLAN.now(), PLAN.scale(), 0, PLAN.scale().users());
        List<User> b = new Dataset(other).steps().get(0).rows().get().map(User.class::cast).toList();
        assertThat(a).extracting(User::id).doesNotContainAnyElementsOf(b.stream().map(User::id).toList());
        assertThat(a).extracting(User::email).doesNotContainAnyElementsOf(b.stream().map(User::email).toList());
    }

    @Test
    void aSliceGivesExactlyTheRowsOfItsUsersInTheWholeDataset() {
        Map<String, List<String>> whole = lines(new Dataset(PLAN));
        Map<String, List<String>> first = lines(new Dataset(PLAN.slice(0, 17)));
        Map<String, List<String>> second = lines(new Dataset(PLAN.slice(17, 40)));
        for (String table : whole.keySet()) {
            List<String> joined = new ArrayList<>(first.get(table));
            joined.addAll(second.get(table));
            assertThat(joined).as(table).isEqualTo(whole.get(table));
        }
        assertThat(second.get("AgentBlock")).as("blocks go with the slice that starts at user 0").isEmpty();
    }

    @Test
    void rowsAreTheSameWhateverTheThreadCount() throws Exception {
        Map<String, List<String>> whole = lines(new Dataset(PLAN));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, List<String>>>> parts = new ArrayList<>();
            for (int from = 0; from < 40; from += 10) {
                SeedPlan slice = PLAN.slice(from, from + 10);
                parts.add(pool.submit(() -> lines(new Dataset(slice))));
            }
            Map<String, List<String>> joined = new LinkedHashMap<>();
            for (Future<Map<String, List<String>>> part : parts) {
                part.get().forEach((t, rows) -> joined.computeIfAbsent(t, k -> new ArrayList<>()).addAll(rows));
            }
            assertThat(joined).isEqualTo(whole);
        } finally {
            pool.shutdownNow();
        }
    }
}
