package io.autogpt.seed.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the seeder writes into one platform table: the table's name, the columns it fills, and how a row record maps
 * onto them. Every writer (COPY, JPA, SQL file, in memory) reads rows through this one description.
 *
 * <p>Most tables are {@linkplain Kind#INSERT inserted}. Rows every slice of every plan makes identically (the agent
 * blocks) are {@linkplain Kind#INSERT_MISSING inserted where missing}, so slices loaded in any order, or at once,
 * write each such row once. A few values can only be set once a later table exists (the
 * platform's own foreign keys form a cycle between {@code StoreListing} and {@code StoreListingVersion}); those come
 * as an {@linkplain Kind#UPDATE update} table: the first column is the key, the rest are set on the row it names.
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
        UPDATE
    }

    private final String name;
    private final Class<R> rowType;
    private final Kind kind;
    private final List<Column<R>> columns;

    private Table(String name, Class<R> rowType, Kind kind, List<Column<R>> columns) {
        this.name = Objects.requireNonNull(name);
        this.rowType = Objects.requireNonNull(rowType);
        this.kind = kind;
        this.columns = List.copyOf(columns);
    }

    /** Starts describing the rows of {@code name} that the seeder inserts. */
    public static <R extends Record> Builder<R> insert(String name, Class<R> rowType) {
        return new Builder<>(name, rowType, Kind.INSERT);
    }

    /** Starts describing rows of {@code name} that other runs may have written already, identically. */
    public static <R extends Record> Builder<R> insertMissing(String name, Class<R> rowType) {
        return new Builder<>(name, rowType, Kind.INSERT_MISSING);
    }

    /** Starts describing an update of rows of {@code name}; the first column added is the key. */
    public static <R extends Record> Builder<R> update(String name, Class<R> rowType) {
        return new Builder<>(name, rowType, Kind.UPDATE);
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

    /** A short label for progress and summaries: the table name, with a suffix for update tables. */
    public String label() {
        return kind != Kind.UPDATE ? name : name + " (update " + columns.stream().skip(1).map(Column::name)
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String toString() {
        return label();
    }

    /** Builds a {@link Table}; one method per column type keeps the column list readable. */
    public static final class Builder<R extends Record> {
        private final String name;
        private final Class<R> rowType;
        private final Kind kind;
        private final List<Column<R>> columns = new ArrayList<>();

        private Builder(String name, Class<R> rowType, Kind kind) {
            this.name = name;
            this.rowType = rowType;
            this.kind = kind;
        }

        public Builder<R> text(String column, Function<R, String> getter) {
            return add(column, SqlType.TEXT, null, false, getter);
        }

        public Builder<R> nullableText(String column, Function<R, String> getter) {
            return add(column, SqlType.TEXT, null, true, getter);
        }

        public Builder<R> integer(String column, Function<R, Integer> getter) {
            return add(column, SqlType.INTEGER, null, false, getter);
        }

        public Builder<R> nullableInteger(String column, Function<R, Integer> getter) {
            return add(column, SqlType.INTEGER, null, true, getter);
        }

        public Builder<R> decimal(String column, Function<R, Double> getter) {
            return add(column, SqlType.DOUBLE, null, false, getter);
        }

        public Builder<R> bool(String column, Function<R, Boolean> getter) {
            return add(column, SqlType.BOOLEAN, null, false, getter);
        }

        public Builder<R> timestamp(String column, Function<R, ?> getter) {
            return add(column, SqlType.TIMESTAMP, null, false, getter);
        }

        public Builder<R> nullableTimestamp(String column, Function<R, ?> getter) {
            return add(column, SqlType.TIMESTAMP, null, true, getter);
        }

        public Builder<R> jsonb(String column, Function<R, ?> getter) {
            return add(column, SqlType.JSONB, null, false, getter);
        }

        public Builder<R> nullableJsonb(String column, Function<R, ?> getter) {
            return add(column, SqlType.JSONB, null, true, getter);
        }

        public Builder<R> textArray(String column, Function<R, ?> getter) {
            return add(column, SqlType.TEXT_ARRAY, null, false, getter);
        }

        public <E extends Enum<E>> Builder<R> enumValue(String column, Class<E> type, Function<R, E> getter) {
            return add(column, SqlType.ENUM, type, false, getter);
        }

        public <E extends Enum<E>> Builder<R> enumArray(String column, Class<E> type, Function<R, ?> getter) {
            return add(column, SqlType.ENUM_ARRAY, type, false, getter);
        }

        private Builder<R> add(String column, SqlType type, Class<? extends Enum<?>> enumClass, boolean nullable,
                               Function<R, ?> getter) {
            columns.add(new Column<>(column, type, enumClass, nullable, getter));
            return this;
        }

        public Table<R> build() {
            if (columns.isEmpty() || (kind == Kind.UPDATE && columns.size() < 2)) {
                throw new IllegalStateException("table " + name + " needs columns");
            }
            return new Table<>(name, rowType, kind, columns);
        }
    }
}
