package io.autogpt.seed.core.table;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL column types the seeder writes, as named in the reference schema
 * ({@code information_schema.columns}). Enum and enum-array columns carry their type name on the {@link Column}.
 */
public enum SqlType {
    TEXT("text"),
    INTEGER("integer"),
    BIGINT("bigint"),
    DOUBLE("double precision"),
    BOOLEAN("boolean"),
    TIMESTAMP("timestamp without time zone"),
    /** A calendar day ({@code java.time.LocalDate}). */
    DATE("date"),
    JSONB("jsonb"),
    TEXT_ARRAY("text[]"),
    /** pgvector's {@code vector}, written in its text form {@code [a,b,...]}. */
    VECTOR("vector"),
    /** {@code bytea}, written in PostgreSQL's hex form {@code \x…} ({@link Bytes}). */
    BYTEA("bytea"),
    ENUM(null),
    ENUM_ARRAY(null);

    private final @Nullable String sqlName;

    SqlType(@Nullable String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type's SQL name; for enums the PostgreSQL type name, unquoted, with {@code []} for arrays. */
    public String sqlName(@Nullable String enumType) {
        String name = switch (this) {
            case ENUM -> enumType;
            case ENUM_ARRAY -> enumType + "[]";
            default -> sqlName;
        };
        return Objects.requireNonNull(name, () -> this + " needs the enum type's name");
    }
}
