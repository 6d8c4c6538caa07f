package io.autogpt.seed.core.table;

import io.autogpt.seed.core.plan.PlatformRules;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One column the seeder writes: its name as in the platform schema, its type, whether the seeder may write
 * {@code null} into it, and how to read its value from a row record.
 *
 * <p>Values read through {@link #value} are {@link String}, {@link Integer}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link java.time.LocalDateTime} (UTC), {@link io.autogpt.seed.core.json.Json}, a Java {@link Enum} named like its
 * PostgreSQL type, or a {@link java.util.List} of strings or enums for array columns.
 *
 * @param name     column name, case-sensitive, unquoted
 * @param type     SQL type
 * @param enumClass the Java enum mirroring the PostgreSQL enum, for {@link SqlType#ENUM} and
 *                  {@link SqlType#ENUM_ARRAY}, else null; the PostgreSQL type has the enum's simple name
 * @param nullable whether rows may carry {@code null} here
 * @param getter   reads the value from a row
 * @param <R>      the row record type
 */
public record Column<R>(String name, SqlType type, @Nullable Class<? extends Enum<?>> enumClass, boolean nullable,
                        Function<R, ?> getter) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(getter, "getter");
        if ((type == SqlType.ENUM || type == SqlType.ENUM_ARRAY) != (enumClass != null)) {
            throw new IllegalArgumentException("enum type must be given exactly for enum columns: " + name);
        }
    }

    /** The value of this column in {@code row}; null only where {@link #nullable}. */
    public @Nullable Object value(R row) {
        return getter.apply(row);
    }

    /** The PostgreSQL enum type's name, or null for other columns. */
    public @Nullable String enumType() {
        return enumClass == null ? null : enumClass.getSimpleName();
    }

    /**
     * The labels the seeder may write into an enum column under {@code rules}, in declaration order (every label,
     * but for an enum whose constants are {@link PlatformLabel}s); empty for other columns.
     */
    public List<String> enumLabels(PlatformRules rules) {
        return enumClass == null ? List.of() : Arrays.stream(enumClass.getEnumConstants())
                .filter(e -> !(e instanceof PlatformLabel label) || label.existsUnder(rules))
                .map(Enum::name).toList();
    }

    /** The SQL type name as {@code information_schema} reports it (enum names unquoted). */
    public String sqlTypeName() {
        return type.sqlName(enumType());
    }
}
