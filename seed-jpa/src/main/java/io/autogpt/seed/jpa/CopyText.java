package io.autogpt.seed.jpa;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's COPY text format, and the SQL around it, for the rows of a core {@link Table}. Shared by the COPY
 * writer and the SQL file writer, so both send the same bytes. Identifiers are always quoted; values travel only
 * inside the COPY data, never in SQL text.
 */
final class CopyText {
    private CopyText() {
    }

    /** {@code "name"}, with embedded quotes doubled. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code 'text'}, with embedded quotes doubled, for the few literals we write into SQL files. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static <R extends Record> String columnList(Table<R> table) {
        return table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    /** The statement that receives an insert table's rows. */
    static <R extends Record> String copyInto(Table<R> table, String relation) {
        return "COPY " + relation + " (" + columnList(table) + ") FROM STDIN";
    }

    /** A session-local table of an update table's columns, dropped at commit. */
    static <R extends Record> String createStaging(Table<R> table, String staging) {
        String columns = table.columns().stream()
                .map(c -> quote(c.name()) + " " + sqlType(c))
                .collect(Collectors.joining(", "));
        return "CREATE TEMP TABLE " + staging + " (" + columns + ") ON COMMIT DROP";
    }

    /**
     * Inserts the staged rows whose keys are not in the table yet. {@code ON CONFLICT DO NOTHING} without a target
     * covers every unique key (a block's name as well as its id), and waits for a concurrent run's rows rather than
     * fail on them.
     */
    static <R extends Record> String insertMissing(Table<R> table, String staging) {
        String columns = columnList(table);
        return "INSERT INTO " + quote(table.name()) + " (" + columns + ") SELECT " + columns + " FROM " + staging
                + " ORDER BY 1 ON CONFLICT DO NOTHING";
    }

    /** Applies the staged updates: the first column is the key, the others are set. */
    static <R extends Record> String applyStaging(Table<R> table, String staging) {
        List<Column<R>> columns = table.columns();
        String key = quote(columns.get(0).name());
        String sets = columns.stream().skip(1)
                .map(c -> quote(c.name()) + " = s." + quote(c.name()))
                .collect(Collectors.joining(", "));
        return "UPDATE " + quote(table.name()) + " t SET " + sets + " FROM " + staging + " s WHERE t." + key
                + " = s." + key;
    }

    private static String sqlType(Column<?> column) {
        return switch (column.type()) {
            case ENUM -> quote(column.enumType());
            case ENUM_ARRAY -> quote(column.enumType()) + "[]";
            default -> column.sqlTypeName();
        };
    }

    /** Appends one row, tab-separated and newline-terminated. */
    static <R extends Record> void appendRow(StringBuilder out, Table<R> table, R row) {
        List<Column<R>> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, columns.get(i).value(row));
        }
        out.append('\n');
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof Json json) {
            escape(out, json.text());
        } else if (value instanceof LocalDateTime t) {
            appendTimestamp(out, t);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                Object element = list.get(i);
                String text = element instanceof Enum<?> e ? e.name() : String.valueOf(element);
                array.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            escape(out, array.append('}').toString());
        } else {
            out.append(value);
        }
    }

    /** COPY text escapes: backslash, and the delimiter and line characters. */
    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss.ffffff}, hand-rolled: this runs a few million times per large load. */
    private static void appendTimestamp(StringBuilder out, LocalDateTime t) {
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, t.getNano() / 1000, 6);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
