package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The persistence port in memory, for tests of code that seeds, keeping the contract PostgreSQL keeps (the same
 * contract test runs against both, {@link DatasetStoreContract}): rows become visible on commit and vanish on close
 * without it; NOT NULL columns, every unique key and every foreign key of the reference schema are enforced; runs
 * are kept per seed and user slice; removing a run removes the rows it wrote, then does to rows that reference them
 * what the schema says (cascade, set null, or refuse, changing nothing).
 *
 * <p>Not for large plans: it keeps every row. One transaction at a time: a commit after another transaction
 * committed since this one began is refused.
 */
public final class InMemoryDatasetStore implements WriteDatasetPort {
    private static final ReferenceKeys KEYS = ReferenceKeys.load();

    /** A run's identity: seed and user slice. */
    private record RunKey(long seed, int from, int to) {
        static RunKey of(RecordedRun run) {
            return new RunKey(run.seed(), run.fromUser(), run.toUser());
        }
    }

    /** A stored row, and the run that wrote it: null for rows written where missing, which every run shares. */
    private record Row(Map<String, Object> values, @Nullable RunKey writer) {
        List<Object> tuple(List<String> columns) {
            List<Object> out = new ArrayList<>(columns.size());
            for (String c : columns) {
                out.add(values.get(c));
            }
            return out;
        }
    }

    /** Everything stored: rows by table and primary key, each unique key's taken values, and the runs. */
    private static final class State {
        final Map<String, LinkedHashMap<List<Object>, Row>> tables = new LinkedHashMap<>();
        final Map<String, Set<List<Object>>> taken = new HashMap<>();
        final Map<RunKey, RecordedRun> runs = new LinkedHashMap<>();

        State copy() {
            State c = new State();
            tables.forEach((t, rows) -> c.tables.put(t, new LinkedHashMap<>(rows)));
            taken.forEach((k, v) -> c.taken.put(k, new HashSet<>(v)));
            c.runs.putAll(runs);
            return c;
        }

        LinkedHashMap<List<Object>, Row> rows(String table) {
            return tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
        }
    }

    private State committed = new State();
    private long version;

    /** Committed rows of {@code table}, in write order, as column name to value. */
    public synchronized List<Map<String, Object>> rows(String table) {
        return committed.rows(table).values().stream().map(Row::values).toList();
    }

    /** Committed row counts of the tables that have rows. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        committed.tables.forEach((t, rows) -> {
            if (!rows.isEmpty()) {
                out.put(t, rows.size());
            }
        });
        return out;
    }

    /** The committed runs, in user order. */
    public synchronized List<RecordedRun> runs() {
        return committed.runs.values().stream()
                .sorted(Comparator.comparingLong(RecordedRun::seed).thenComparingInt(RecordedRun::fromUser)).toList();
    }

    @Override
    public synchronized DatasetTransaction begin(SeedPlan plan) {
        return new Tx(plan, committed.copy(), version);
    }

    private synchronized void commit(State state, long basedOn) {
        if (basedOn != version) {
            throw new IllegalStateException("another transaction committed since this one began; the in-memory "
                    + "store runs one transaction at a time");
        }
        committed = state;
        version++;
    }

    private static List<ReferenceKeys.UniqueKey> uniqueKeys(String table) {
        return KEYS.unique().getOrDefault(table, List.of());
    }

    private static List<Object> primaryKey(String table, Map<String, Object> values, int ordinal) {
        List<ReferenceKeys.UniqueKey> keys = uniqueKeys(table);
        // A table the reference does not know keeps its rows in write order.
        return keys.isEmpty() ? List.of(ordinal) : new Row(values, null).tuple(keys.get(0).columns());
    }

    private final class Tx implements DatasetTransaction {
        private final RunKey writer;
        private final State state;
        private final long basedOn;

        Tx(SeedPlan plan, State state, long basedOn) {
            this.writer = new RunKey(plan.seed(), plan.fromUser(), plan.toUser());
            this.state = state;
            this.basedOn = basedOn;
        }

        @Override
        public <R extends Record> long write(Table<R> table, Stream<R> rows) {
            long[] count = {0};
            rows.forEach(row -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Column<R> column : table.columns()) {
                    Object value = column.value(row);
                    if (value == null && !column.nullable()) {
                        throw new TargetException("writing \"" + table.name() + "\" failed: null value in column \""
                                + column.name() + "\" violates not-null constraint", List.of());
                    }
                    values.put(column.name(), value);
                }
                switch (table.kind()) {
                    case INSERT -> insert(table.name(), values, writer, false);
                    case INSERT_MISSING -> insert(table.name(), values, null, true);
                    // A fresh platform: the release's first activation, once.
                    case CATALOGUE_ACTIVATION -> insert(table.name(), values, null, true);
                    case UPDATE -> update(table.name(), values);
                    // The store keeps logins as it keeps a table, under the step's name.
                    case LOGIN_ACCOUNTS -> insert(table.name(), values, writer, false);
                }
                count[0]++;
            });
            return count[0];
        }

        private void insert(String table, Map<String, Object> values, @Nullable RunKey by, boolean whereMissing) {
            Row row = new Row(values, by);
            for (ReferenceKeys.UniqueKey key : uniqueKeys(table)) {
                List<Object> tuple = row.tuple(key.columns());
                // As in PostgreSQL, a key with a null in it never collides.
                if (!tuple.contains(null) && state.taken.getOrDefault(key.name(), Set.of()).contains(tuple)) {
                    if (whereMissing) {
                        return;
                    }
                    throw new TargetException("writing \"" + table + "\" failed: duplicate key value violates unique "
                            + "constraint \"" + key.name() + "\"", List.of());
                }
            }
            add(table, row);
        }

        private void add(String table, Row row) {
            LinkedHashMap<List<Object>, Row> rows = state.rows(table);
            rows.put(primaryKey(table, row.values(), rows.size()), row);
            for (ReferenceKeys.UniqueKey key : uniqueKeys(table)) {
                state.taken.computeIfAbsent(key.name(), k -> new HashSet<>()).add(row.tuple(key.columns()));
            }
        }

        private void removeRow(String table, List<Object> pk) {
            Row row = state.rows(table).remove(pk);
            if (row != null) {
                for (ReferenceKeys.UniqueKey key : uniqueKeys(table)) {
                    state.taken.getOrDefault(key.name(), new HashSet<>()).remove(row.tuple(key.columns()));
                }
            }
        }

        /** Sets the columns after the first on the row the first (the key) names. */
        private void update(String table, Map<String, Object> values) {
            String keyColumn = values.keySet().iterator().next();
            Map.Entry<List<Object>, Row> found = state.rows(table).entrySet().stream()
                    .filter(e -> Objects.equals(e.getValue().values().get(keyColumn), values.get(keyColumn)))
                    .findFirst().orElseThrow(() -> new TargetException("updating \"" + table + "\" failed: no row "
                            + keyColumn + " = " + values.get(keyColumn), List.of()));
            Map<String, Object> merged = new LinkedHashMap<>(found.getValue().values());
            merged.putAll(values);
            removeRow(table, found.getKey());
            add(table, new Row(merged, found.getValue().writer()));
        }

        @Override
        public RunLedger runs() {
            return new RunLedger() {
                @Override
                public List<RecordedRun> overlapping() {
                    return state.runs.values().stream()
                            .filter(r -> r.seed() == writer.seed() && r.fromUser() < writer.to()
                                    && r.toUser() > writer.from())
                            .sorted(Comparator.comparingInt(RecordedRun::fromUser)).toList();
                }

                @Override
                public void record(RecordedRun run) {
                    state.runs.put(RunKey.of(run), run);
                }

                @Override
                public long remove(RecordedRun run, Stream<String> userIds) {
                    RunKey key = RunKey.of(run);
                    Deque<Map.Entry<String, Row>> deleted = new ArrayDeque<>();
                    state.tables.forEach((table, rows) -> rows.values().stream()
                            .filter(r -> key.equals(r.writer())).forEach(r -> deleted.add(Map.entry(table, r))));
                    long removed = 0;
                    for (Map.Entry<String, Row> e : List.copyOf(deleted)) {
                        removeRow(e.getKey(), primaryKey(e.getKey(), e.getValue().values(), -1));
                        removed++;
                    }
                    removed += applyDeleteRules(deleted);
                    state.runs.remove(key);
                    return removed;
                }
            };
        }

        /**
         * For every row deleted, does to the rows that still reference it what each foreign key says: deletes them
         * (and follows on), sets their key to null, or refuses with PostgreSQL's words.
         *
         * @return further rows deleted
         */
        private long applyDeleteRules(Deque<Map.Entry<String, Row>> deleted) {
            long cascaded = 0;
            while (!deleted.isEmpty()) {
                Map.Entry<String, Row> gone = deleted.poll();
                for (ReferenceKeys.ForeignKey fk : KEYS.foreignKeys()) {
                    if (!fk.parent().equals(gone.getKey())) {
                        continue;
                    }
                    List<Object> parent = gone.getValue().tuple(fk.parentColumns());
                    for (Map.Entry<List<Object>, Row> child : List.copyOf(state.rows(fk.table()).entrySet())) {
                        if (!child.getValue().tuple(fk.columns()).equals(parent)) {
                            continue;
                        }
                        switch (fk.onDelete()) {
                            case RESTRICT -> throw new TargetException("removing the earlier run failed: update or "
                                    + "delete on table \"" + fk.parent() + "\" violates foreign key constraint \""
                                    + fk.name() + "\" on table \"" + fk.table() + "\"", List.of());
                            case CASCADE -> {
                                removeRow(fk.table(), child.getKey());
                                deleted.add(Map.entry(fk.table(), child.getValue()));
                                cascaded++;
                            }
                            case SET_NULL -> {
                                Map<String, Object> values = new LinkedHashMap<>(child.getValue().values());
                                fk.columns().forEach(c -> values.put(c, null));
                                removeRow(fk.table(), child.getKey());
                                add(fk.table(), new Row(values, child.getValue().writer()));
                            }
                        }
                    }
                }
            }
            return cascaded;
        }

        /** Every non-null foreign key must find its parent, as PostgreSQL checks before commit at the latest. */
        private void checkForeignKeys() {
            for (ReferenceKeys.ForeignKey fk : KEYS.foreignKeys()) {
                Set<List<Object>> parents = new HashSet<>();
                state.rows(fk.parent()).values().forEach(r -> parents.add(r.tuple(fk.parentColumns())));
                long broken = state.rows(fk.table()).values().stream().map(r -> r.tuple(fk.columns()))
                        .filter(t -> !t.contains(null) && !parents.contains(t)).count();
                if (broken > 0) {
                    throw new TargetException("foreign key \"" + fk.name() + "\" of \"" + fk.table()
                            + "\" is violated by " + broken + " row(s); nothing was written", List.of());
                }
            }
        }

        @Override
        public void commit() {
            checkForeignKeys();
            InMemoryDatasetStore.this.commit(state, basedOn);
        }

        @Override
        public void close() {
            // Nothing to release: uncommitted changes live only in this transaction's copy of the state.
        }
    }
}
