package io.autogpt.seed.jpa.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Sends a {@code timestamp without time zone} as ISO text, which the server casts to the column's type (the
 * connection's {@code stringtype=unspecified}). EclipseLink would otherwise bind a {@link LocalDateTime} through
 * {@link Timestamp}, which reads it in the JVM's zone: in a zone with daylight saving, a time in the spring-forward
 * gap (02:30 on a changeover night) would arrive an hour late. Text carries no zone, so every writer sends the same.
 */
@Converter
public class TimestampTextConverter implements AttributeConverter<LocalDateTime, Object> {
    @Override
    public @Nullable Object convertToDatabaseColumn(@Nullable LocalDateTime value) {
        return value == null ? null : value.toString();
    }

    @Override
    public @Nullable LocalDateTime convertToEntityAttribute(@Nullable Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof LocalDateTime t ? t : LocalDateTime.parse(column.toString().replace(' ', 'T'));
    }
}
