package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The persistence port in memory, for tests of code that seeds: rows are kept per table as column-name maps, become
 * visible only on commit, and NOT NULL columns are checked as a database would. Not for large plans: it keeps
 * every row. Thread-safe for one transaction at a time.
 */
public final class InMemoryDatasetStore implements WriteDatasetPort {
    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private final Map<Long, RecordedRun> runs = new LinkedHashMap<>();

    /** Committed rows of {@code table}, in write order, as column name to value. */
    public synchronized List<Map<String, Object>> rows(String table) {
        return List.copyOf(tables.getOrDefault(table, List.of()));
    }

    /** Committed row counts per table. */
    public synchronized Map<String, Integer> counts() {
        return tables.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(),
                (a, b) -> a, LinkedHashMap::new));
    }

    public synchronized Optional<RecordedRun> run(long seed) {
        return Optional.ofNullable(runs.get(seed));
    }

    @Override
    public DatasetTransaction begin(SeedPlan plan) {
        return new Tx(plan);
    }

    private final class Tx implements DatasetTransaction {
        private final SeedPlan plan;
        private final Map<String, List<Map<String, Object>>> pending = new LinkedHashMap<>();
        private final List<Set<String>> removals = new ArrayList<>();
        private RecordedRun recorded;
        private Long forgotten;

        Tx(SeedPlan plan) {
            this.plan = plan;
        }

        @Override
        public Optional<RecordedRun> findRun() {
            synchronized (InMemoryDatasetStore.this) {
                return Optional.ofNullable(runs.get(plan.seed()))
                        .filter(r -> r.fromUser() == plan.fromUser() && r.toUser() == plan.toUser());
            }
        }

        @Override
        public long removeRun(RecordedRun run, Stream<String> userIds, Stream<String> blockIds) {
            removals.add(Stream.concat(userIds, blockIds).collect(Collectors.toSet()));
            forgotten = run.seed();
            return -1;
        }

        @Override
        public <R extends Record> long write(Table<R> table, Stream<R> rows) {
            List<Map<String, Object>> target = pending.computeIfAbsent(table.name(), t -> new ArrayList<>());
            long[] count = {0};
            rows.forEach(row -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Column<R> column : table.columns()) {
                    Object value = column.value(row);
                    if (value == null && !column.nullable()) {
                        throw new IllegalStateException(table.name() + "." + column.name() + " is null");
                    }
                    values.put(column.name(), value);
                }
                if (table.kind() == Table.Kind.INSERT) {
                    target.add(values);
                } else {
                    update(target, values);
                }
                count[0]++;
            });
            return count[0];
        }

        private void update(List<Map<String, Object>> target, Map<String, Object> values) {
            String key = values.keySet().iterator().next();
            Map<String, Object> row = target.stream().filter(r -> r.get(key).equals(values.get(key))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no row " + key + "=" + values.get(key)));
            row.putAll(values);
        }

        @Override
        public void recordRun(RecordedRun run) {
            recorded = run;
        }

        @Override
        public void commit() {
            synchronized (InMemoryDatasetStore.this) {
                for (Set<String> ids : removals) {
                    cascade(new java.util.HashSet<>(ids));
                }
                if (forgotten != null) {
                    runs.remove(forgotten);
                }
                pending.forEach((t, rows) -> tables.computeIfAbsent(t, k -> new ArrayList<>()).addAll(rows));
                if (recorded != null) {
                    runs.put(recorded.seed(), recorded);
                }
                pending.clear();
            }
        }

        @Override
        public void close() {
            pending.clear();
        }

        /** Removes rows that reference a removed id, and then rows referencing those, as cascades would. */
        private void cascade(Set<Object> removed) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (List<Map<String, Object>> rows : tables.values()) {
                    for (var it = rows.iterator(); it.hasNext(); ) {
                        Map<String, Object> row = it.next();
                        if (row.values().stream().anyMatch(removed::contains)) {
                            it.remove();
                            removed.add(row.values().iterator().next());
                            changed = true;
                        }
                    }
                }
            }
        }
    }
}
