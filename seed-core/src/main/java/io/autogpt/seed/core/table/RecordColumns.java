package io.autogpt.seed.core.table;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.vector.Embedding;
import org.jspecify.annotations.Nullable;

/**
 * Columns read off a row record's components: the name, the SQL type the Java type stands for, nullability from a
 * JSpecify {@code @Nullable}, and a getter made with {@link LambdaMetafactory}, as fast as a method reference (the
 * COPY writer calls it for every value).
 */
final class RecordColumns {
    private static final Map<Class<?>, SqlType> SCALARS = Map.ofEntries(Map.entry(String.class, SqlType.TEXT),
            Map.entry(int.class, SqlType.INTEGER), Map.entry(Integer.class, SqlType.INTEGER),
            Map.entry(long.class, SqlType.BIGINT), Map.entry(Long.class, SqlType.BIGINT),
            Map.entry(double.class, SqlType.DOUBLE), Map.entry(Double.class, SqlType.DOUBLE),
            Map.entry(boolean.class, SqlType.BOOLEAN), Map.entry(Boolean.class, SqlType.BOOLEAN),
            Map.entry(LocalDateTime.class, SqlType.TIMESTAMP), Map.entry(java.time.LocalDate.class, SqlType.DATE),
            Map.entry(Json.class, SqlType.JSONB),
            Map.entry(Embedding.class, SqlType.VECTOR), Map.entry(Bytes.class, SqlType.BYTEA));
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, boolean.class, Boolean.class);

    private RecordColumns() {
    }

    static <R extends Record> List<Column<R>> of(Class<R> rowType) {
        List<Column<R>> columns = new ArrayList<>();
        for (RecordComponent c : rowType.getRecordComponents()) {
            boolean nullable = c.getAnnotatedType().isAnnotationPresent(Nullable.class);
            Class<?> raw = c.getType();
            SqlType type = SCALARS.get(raw);
            Class<? extends Enum<?>> enumClass = null;
            if (type == null && raw.isEnum()) {
                type = SqlType.ENUM;
                enumClass = enumClass(raw);
            } else if (type == null && raw == List.class) {
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (element == String.class) {
                    type = SqlType.TEXT_ARRAY;
                } else if (element instanceof Class<?> e && e.isEnum()) {
                    type = SqlType.ENUM_ARRAY;
                    enumClass = enumClass(e);
                }
            }
            if (type == null) {
                throw new IllegalArgumentException(rowType.getSimpleName() + "." + c.getName() + " has a type with no "
                        + "column type: " + c.getGenericType());
            }
            columns.add(new Column<>(c.getName(), type, enumClass, nullable, getter(rowType, c)));
        }
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> enumClass(Class<?> type) {
        return (Class<? extends Enum<?>>) type;
    }

    @SuppressWarnings("unchecked")
    private static <R> Function<R, ?> getter(Class<R> rowType, RecordComponent component) {
        try {
            // A lookup in the record's own class, so records need not be public (an embedder's often are not).
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(rowType, MethodHandles.lookup());
            MethodHandle accessor = lookup.unreflect(component.getAccessor());
            Class<?> returned = BOXES.getOrDefault(component.getType(), component.getType());
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), accessor,
                    MethodType.methodType(returned, rowType));
            return (Function<R, ?>) site.getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + rowType.getSimpleName() + "." + component.getName(), e);
        }
    }
}
