package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.TargetFacts;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.SqlType;
import io.autogpt.seed.core.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How the dataset's tables fit one target schema, decided once before anything is written: which known version the
 * target is (or is closest to), which tables and columns are written, and what stops the run.
 *
 * <p>The records hold the union of every known version's columns. A table or column some known version lacks is
 * <em>optional</em>: where the target lacks it too, it is left out (a column with it any column pointing into a
 * left-out table). Everything else the seeder writes must be there. Columns and tables the seeder does not know are
 * left to their defaults and left empty; only one it cannot leave (NOT NULL without a default) stops the run.
 */
final class SchemaFit {
    private static final Map<SchemaVersion, SchemaShape> KNOWN = new EnumMap<>(SchemaVersion.class);
    /** child table → column → parent table, over every known version. */
    private static final Map<String, Map<String, String>> REFERENCES = new HashMap<>();

    static {
        for (SchemaVersion v : SchemaVersion.values()) {
            KNOWN.put(v, SchemaShape.of(v));
            SchemaShape.references(v).forEach((t, cols) -> REFERENCES.computeIfAbsent(t, k -> new HashMap<>())
                    .putAll(cols));
        }
    }

    /** The shape of known version {@code v}: the static initializer loads every version. */
    private static SchemaShape known(SchemaVersion v) {
        return Objects.requireNonNull(KNOWN.get(v), "every version is loaded");
    }

    private final IdentityHashMap<Table<?>, Table<?>> fitted = new IdentityHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> targetTables;
    /** The dataset's tables, in write order. */
    private final List<Table<?>> tables;
    private final Set<String> leftOut = new LinkedHashSet<>();
    /** table → columns of the record the target lacks, for the tables that are written without some. */
    private final Map<String, List<String>> absentColumns = new TreeMap<>();
    private final SchemaVersion closest;
    private final int differences;

    private SchemaFit(SchemaShape target, SeedPlan plan) {
        this.targetTables = target.tables().keySet();
        SchemaVersion best = SchemaVersion.newest();
        int fewest = Integer.MAX_VALUE;
        for (SchemaVersion v : SchemaVersion.values()) {
            int d = known(v).differences(target);
            if (d <= fewest) { // ties go to the newer version
                best = v;
                fewest = d;
            }
        }
        this.closest = best;
        this.differences = fewest;
        // The rows follow the rules of the version the target is: so do the tables they go into.
        this.tables = tables(plan.withRules(best.rules()));
        fit(target, tables);
    }

    /** The dataset's tables under {@code plan}'s rules, in write order. */
    private static List<Table<?>> tables(SeedPlan plan) {
        return new Dataset(plan).steps().stream().<Table<?>>map(Dataset.Step::table).toList();
    }

    /** The tables the run inserts new rows into that the target has, in write order. */
    List<String> insertTables() {
        return tables.stream().filter(t -> t.kind() == Table.Kind.INSERT && table(t) != null).map(Table::name)
                .distinct().toList();
    }

    /** The tables the run inserts new rows into in more than one step of its order. */
    Set<String> insertTablesWrittenAgain() {
        Set<String> seen = new HashSet<>();
        return tables.stream().filter(t -> t.kind() == Table.Kind.INSERT && table(t) != null).map(Table::name)
                .filter(name -> !seen.add(name)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The tables the run inserts rows into where missing (rows every run shares) that the target has. */
    List<String> sharedTables() {
        return tables.stream().filter(t -> t.kind() == Table.Kind.INSERT_MISSING && table(t) != null)
                .map(Table::name).distinct().toList();
    }

    /** The fit of {@code plan}'s dataset, under the rules of the version the target is, to the schema {@code target}. */
    static SchemaFit of(SchemaShape target, SeedPlan plan) {
        return new SchemaFit(target, plan);
    }

    /** The fit to a known version itself: what a SQL file for that version writes. */
    static SchemaFit of(SchemaVersion version, SeedPlan plan) {
        return new SchemaFit(known(version), plan);
    }

    private void fit(SchemaShape target, List<Table<?>> tables) {
        for (Table<?> table : tables) {
            if (!target.tables().containsKey(table.name()) && optionalTable(table.name())) {
                leftOut.add(table.name());
            }
        }
        Set<String> missing = new HashSet<>();
        for (Table<?> table : tables) {
            Map<String, SchemaShape.ColumnFacts> actual = target.tables().get(table.name());
            if (actual == null) {
                if (!leftOut.contains(table.name()) && missing.add(table.name())) {
                    problems.add("table \"" + table.name() + "\" is missing");
                }
                continue;
            }
            fitted.put(table, fitTable(table, actual, target));
        }
        if (!leftOut.isEmpty()) {
            notes.add("left out, not in this schema: " + String.join(", ", leftOut));
        }
        Set<String> unknown = new TreeSet<>(target.tables().keySet());
        KNOWN.values().forEach(shape -> unknown.removeAll(shape.tables().keySet()));
        if (!unknown.isEmpty()) {
            notes.add("left empty, tables the seeder does not know: " + String.join(", ", unknown));
        }
    }

    private <R extends Record> Table<R> fitTable(Table<R> table, Map<String, SchemaShape.ColumnFacts> actual,
                                                 SchemaShape target) {
        Set<String> dropped = new HashSet<>();
        Map<String, String> references = REFERENCES.getOrDefault(table.name(), Map.of());
        for (Column<R> column : table.columns()) {
            String where = "column \"" + table.name() + "\".\"" + column.name() + "\"";
            SchemaShape.ColumnFacts facts = actual.get(column.name());
            if (facts == null || leftOut.contains(references.get(column.name()))) {
                if (facts == null && !optionalColumn(table.name(), column.name())) {
                    problems.add(where + " is missing");
                }
                dropped.add(column.name());
                continue;
            }
            check(where, table.name(), column, facts, target);
        }
        if (!dropped.isEmpty() && table.kind() == Table.Kind.INSERT) {
            absentColumns.put(table.name(), table.columns().stream().map(Column::name).filter(dropped::contains)
                    .toList());
        }
        if (table.kind() == Table.Kind.INSERT) {
            Set<String> unknownLeftToDefault = new TreeSet<>();
            actual.forEach((name, c) -> {
                boolean written = !dropped.contains(name) && table.columns().stream().anyMatch(k -> k.name()
                        .equals(name));
                if (!written && !c.nullable() && !c.hasDefault()) {
                    problems.add("column \"" + table.name() + "\".\"" + name
                            + "\" is NOT NULL without a default, and the seeder does not write it");
                } else if (!written && !knownColumn(table.name(), name)) {
                    unknownLeftToDefault.add("\"" + table.name() + "\".\"" + name + "\"");
                }
            });
            if (!unknownLeftToDefault.isEmpty()) {
                notes.add("left to their defaults, columns the seeder does not know: "
                        + String.join(", ", unknownLeftToDefault));
            }
        }
        try {
            return table.without(dropped);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return table;
        }
    }

    private void check(String where, String tableName, Column<?> column, SchemaShape.ColumnFacts actual,
                       SchemaShape target) {
        if (column.type() == SqlType.ENUM_ARRAY && actual.type().equals("text[]")) {
            // The platform retyped enum arrays to text[] (2026-09's onboarding steps): the labels go in as text.
            return;
        }
        if (!actual.type().equals(column.sqlTypeName())) {
            problems.add(where + " is " + actual.type() + ", the seeder writes " + column.sqlTypeName());
            return;
        }
        if (column.nullable() && !actual.nullable() && !nullableOnlyUnderNewerRules(tableName, column.name())) {
            problems.add(where + " is NOT NULL, the seeder may leave it null");
        }
        if (column.type() == SqlType.ENUM || column.type() == SqlType.ENUM_ARRAY) {
            Set<String> labels = target.enums().getOrDefault(column.enumType(), Set.of());
            List<String> lacking = column.enumLabels(closest.rules()).stream().filter(l -> !labels.contains(l))
                    .toList();
            if (!lacking.isEmpty()) {
                problems.add("enum \"" + column.enumType() + "\" lacks " + String.join(", ", lacking));
            }
        }
    }

    /** Whether some known version lacks the table: a target may, too. */
    private static boolean optionalTable(String table) {
        return KNOWN.values().stream().anyMatch(shape -> !shape.tables().containsKey(table));
    }

    /** Whether some known version that has the table lacks the column: a target may, too. */
    private static boolean optionalColumn(String table, String column) {
        return KNOWN.values().stream().anyMatch(shape -> shape.tables().containsKey(table)
                && !shape.tables().get(table).containsKey(column));
    }

    private static boolean knownColumn(String table, String column) {
        return KNOWN.values().stream().anyMatch(shape -> shape.tables().containsKey(table)
                && shape.tables().get(table).containsKey(column));
    }

    /** {@code table} as the target takes it (columns it lacks left out), or null when the table is left out. */
    @SuppressWarnings("unchecked")
    <R extends Record> @Nullable Table<R> table(Table<R> table) {
        return (Table<R>) fitted.get(table);
    }

    /** Per inserted table written without some of its record's columns, those columns, in record order. */
    Map<String, List<String>> absentColumns() {
        return Collections.unmodifiableMap(absentColumns);
    }

    /** Whether the target has a table of this name. */
    boolean hasTable(String name) {
        return targetTables.contains(name);
    }

    /** What stops the run, one line each; empty when the rows fit. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** What the run reports of this target: its version, the tables left out, {@code before} and then its notes. */
    TargetFacts facts(List<String> before) {
        List<String> all = new ArrayList<>(before);
        all.addAll(notes);
        return new TargetFacts(versionLine(), leftOut, all, closest.id(), closest.rules());
    }

    /** {@code platform-2026-01}, or {@code closest to platform-2026-01 (3 differences)}. */
    String versionLine() {
        return differences == 0 ? closest.id() : "closest to " + closest.id() + " (" + differences
                + (differences == 1 ? " difference)" : " differences)");
    }


    /**
     * Whether the column is nullable in the record only because a version of newer rules than the target's made it so
     * (2026-09's graph-or-chat reviews): every known version of the target's rules has it NOT NULL, so rows of those
     * rules never leave it null.
     */
    private boolean nullableOnlyUnderNewerRules(String table, String column) {
        boolean newerAllowsNull = false;
        for (SchemaVersion v : SchemaVersion.values()) {
            SchemaShape.ColumnFacts facts = known(v).tables().getOrDefault(table, Map.of()).get(column);
            if (facts == null || !facts.nullable()) {
                continue;
            }
            if (v.rules() == closest.rules()) {
                return false;
            }
            newerAllowsNull |= v.rules().compareTo(closest.rules()) > 0;
        }
        return newerAllowsNull;
    }
}
