package io.autogpt.seed.jpa.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps a list of strings to a PostgreSQL array literal ({@code {"a","b"}}) and back. Sent as text, the literal is
 * cast by the server to the column's type ({@code text[]} or an enum array), thanks to the connection's
 * {@code stringtype=unspecified}; read back, pgjdbc hands over a {@link Array}. A null column is a null list.
 */
@Converter
public class ArrayLiteralConverter implements AttributeConverter<List<String>, Object> {
    @Override
    public @Nullable Object convertToDatabaseColumn(@Nullable List<String> values) {
        return values == null ? null : literal(values);
    }

    @Override
    public @Nullable List<String> convertToEntityAttribute(@Nullable Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Array array) {
            try {
                return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read array column", e);
            }
        }
        return parse(column.toString());
    }

    /** The array literal of {@code values}: every element double-quoted, quotes and backslashes escaped. */
    public static String literal(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String v = values.get(i);
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** Parses a one-dimensional array literal as PostgreSQL prints it. */
    static List<String> parse(String literal) {
        List<String> out = new ArrayList<>();
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                cur.append(body.charAt(++i));
                any = true;
            } else if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (any || !out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }
}
