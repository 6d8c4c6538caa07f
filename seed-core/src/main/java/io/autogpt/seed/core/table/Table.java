package io.autogpt.seed.core.table;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the seeder writes into one platform table: the table's name, the columns it fills, and how a row record maps
 * onto them. Every writer (COPY, JPA, SQL file, in memory) reads rows through this one description, and it is read
 * off the row record itself ({@link #insertOf}): a column is a record component, named, typed and nullable as it
 * is, so the two cannot drift. The reference schema checks the result (a test per column).
 *
 * <p>Most tables are {@linkplain Kind#INSERT inserted}. Rows every slice of every plan makes identically (the agent
 * blocks) are {@linkplain Kind#INSERT_MISSING inserted where missing}, so slices loaded in any order, or at once,
 * write each such row once. A few values can only be set once a later table exists (the
 * platform's own foreign keys form a cycle between {@code StoreListing} and {@code StoreListingVersion}); those come
 * as an {@linkplain Kind#UPDATE update} table: the first column is the key, the rest are set on the row it names.
 * The seeded users' {@linkplain Kind#LOGIN_ACCOUNTS login accounts} are no platform table: the target's login system
 * keeps them, and each target writes them where its logins live.
 *
 * @param <R> the row record type
 */
public final class Table<R extends Record> {
    /** Whether rows are new rows, shared rows that may exist already, or updates of rows written earlier in the run. */
    public enum Kind {
        /** New rows; a row whose key exists already fails the run. */
        INSERT,
        /** Rows other runs may have written already, identically: inserted where their key is not there yet. */
        INSERT_MISSING,
        /** Updates of rows written earlier in the same run; the first column is the key. */
        UPDATE,
        /**
         * The activation of the seeded marketplace catalogue release, as the platform's publisher activates one: only
         * where no release is active yet (a live catalogue is never replaced). The writer moves the catalogue state
         * to the release, numbers the activation after the state's generation, gives the release's listings their
         * versions and shows its expert templates; where a release is active already it writes nothing and says so.
         */
        CATALOGUE_ACTIVATION,
        /**
         * Login accounts for the run's users, made from their {@code "User"} rows and kept by the target's login
         * system, not in a platform table of this name: the target writes them where its logins live (Supabase Auth's
         * {@code auth.users}, say), or refuses them when it keeps none. Written before the users' own rows, as a
         * login system that makes platform users for new accounts expects.
         */
        LOGIN_ACCOUNTS
    }

    private final String name;
    private final Class<R> rowType;
    private final Kind kind;
    private final List<Column<R>> columns;
    /** How many leading columns make the row's key, for rows inserted where missing. */
    private final int keyWidth;
    /** Whether the platform's catalogue guards admit these rows only from its catalogue publisher. */
    private final boolean catalogue;

    private Table(String name, Class<R> rowType, Kind kind, List<Column<R>> columns, int keyWidth,
                  boolean catalogue) {
        this.name = Objects.requireNonNull(name);
        this.rowType = Objects.requireNonNull(rowType);
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.keyWidth = keyWidth;
        this.catalogue = catalogue;
        if (keyWidth < 1 || keyWidth > columns.size()) {
            throw new IllegalStateException("table " + name + ": a key of " + keyWidth + " columns");
        }
    }

    /**
     * The table named like {@code rowType} (its simple name), whose rows are inserted: one column per record
     * component, in order, named like it; the SQL type follows from the Java type and a JSpecify {@code @Nullable}
     * on the component makes it nullable. The record is the one description of the table.
     */
    public static <R extends Record> Table<R> insertOf(Class<R> rowType) {
        return of(rowType.getSimpleName(), rowType, Kind.INSERT);
    }

    /** As {@link #insertOf}, for a table whose rows every run makes alike: inserted where missing. */
    public static <R extends Record> Table<R> insertMissingOf(Class<R> rowType) {
        return of(rowType.getSimpleName(), rowType, Kind.INSERT_MISSING);
    }

    /**
     * As {@link #insertMissingOf}, for the rows of the seeded marketplace catalogue in {@code rowType}'s table (a
     * table that also takes rows of the run's users): written where missing, keyed by the first {@code keyWidth}
     * columns, through the platform's catalogue publisher. Labelled apart from the table's own rows.
     */
    public static <R extends Record> Table<R> catalogueOf(Class<R> rowType, int keyWidth) {
        List<Column<R>> columns = RecordColumns.of(rowType);
        return new Table<>(rowType.getSimpleName(), rowType, Kind.INSERT_MISSING, columns, keyWidth, true);
    }

    /** The activation of the seeded catalogue release: see {@link Kind#CATALOGUE_ACTIVATION}. */
    public static <R extends Record> Table<R> catalogueActivationOf(Class<R> rowType) {
        List<Column<R>> columns = RecordColumns.of(rowType);
        return new Table<>(rowType.getSimpleName(), rowType, Kind.CATALOGUE_ACTIVATION, columns, 1, true);
    }

    /** As {@link #insertOf}, for the login accounts of a run's users: see {@link Kind#LOGIN_ACCOUNTS}. */
    public static <R extends Record> Table<R> loginAccountsOf(Class<R> rowType) {
        return of(rowType.getSimpleName(), rowType, Kind.LOGIN_ACCOUNTS);
    }

    /** An update of rows of {@code name}, columns from {@code rowType}'s components: the first is the key. */
    public static <R extends Record> Table<R> updateOf(String name, Class<R> rowType) {
        return of(name, rowType, Kind.UPDATE);
    }

    private static <R extends Record> Table<R> of(String name, Class<R> rowType, Kind kind) {
        List<Column<R>> columns = RecordColumns.of(rowType);
        if (columns.isEmpty() || (kind == Kind.UPDATE && columns.size() < 2)) {
            throw new IllegalStateException("table " + name + " needs columns");
        }
        return new Table<>(name, rowType, kind, columns, 1, false);
    }

    /**
     * This table without the named columns, for a target schema that lacks them (an older or newer platform):
     * writers then leave those columns to the target's default. Names this table does not have are ignored.
     *
     * @throws IllegalArgumentException when no column would be left, or an update would lose its key
     */
    public Table<R> without(Collection<String> names) {
        if (names.isEmpty() || columns.stream().noneMatch(c -> names.contains(c.name()))) {
            return this;
        }
        if (kind == Kind.UPDATE && names.contains(columns.get(0).name())) {
            throw new IllegalArgumentException("the update of " + name + " needs its key " + columns.get(0).name());
        }
        List<Column<R>> kept = columns.stream().filter(c -> !names.contains(c.name())).toList();
        if (kept.isEmpty() || (kind == Kind.UPDATE && kept.size() < 2)) {
            throw new IllegalArgumentException("no column of " + label() + " would be left");
        }
        if (kept.size() < keyWidth || !kept.subList(0, keyWidth).equals(columns.subList(0, keyWidth))) {
            throw new IllegalArgumentException("the key of " + label() + " would be lost");
        }
        return new Table<>(name, rowType, kind, kept, keyWidth, catalogue);
    }

    /** The platform table name, case-sensitive, unquoted. */
    public String name() {
        return name;
    }

    public Class<R> rowType() {
        return rowType;
    }

    public Kind kind() {
        return kind;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** The columns that make a row's key (the leading ones), which rows inserted where missing are matched on. */
    public List<Column<R>> key() {
        return columns.subList(0, keyWidth);
    }

    /**
     * Whether these are rows of the platform's marketplace catalogue, whose guard triggers admit them only from the
     * catalogue publisher ({@code autogpt.catalogue_publisher} on in the writing transaction).
     */
    public boolean catalogue() {
        return catalogue;
    }

    /**
     * A short label for progress and summaries: the table name, with a suffix for update tables and for the seeded
     * catalogue's rows in a table that also takes the users' own.
     */
    public String label() {
        return switch (kind) {
            case UPDATE -> name + " (update " + columns.stream().skip(1).map(Column::name)
                    .collect(Collectors.joining(", ")) + ")";
            case INSERT_MISSING -> catalogue && !name.startsWith("Catalogue") ? name + " (catalogue)" : name;
            default -> name;
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
