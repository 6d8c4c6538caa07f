package io.autogpt.seed.jpa;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Bytes;
import io.autogpt.seed.core.table.SqlType;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.vector.Embedding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's binary COPY format for the rows of a core {@link Table}: the server reads each value with its type's
 * receive function instead of parsing text (timestamps, numbers, enums, arrays, and 1 536 floats per embedding), and
 * that parsing is most of a text COPY's cost on the server.
 *
 * <p>Each value is encoded as its column's receive function reads it, and the target's catalog decides: a column is
 * encoded in binary only when its type's receive function is the one the encoding is for ({@code textrecv} for text,
 * {@code timestamp_recv} for timestamps, {@code vector_recv} for pgvector, …), and an array's element type OID is the
 * one the target's catalog gives. A relation with any other column (a domain, pgvector's stand-in stored as text, a
 * varchar kept as text) is left to the text format, which the server converts as it does any input. Stored data is
 * the same either way: the text path's values are what these bytes stand for (a timestamp's microseconds, a vector's
 * six-decimal floats as pgvector reads them).
 */
final class CopyBinary<R extends Record> implements CopyRows<R> {
    /** The signature, the flags (no OIDs) and an empty header extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** Seconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    /** 2000-01-01 as days since 1970-01-01: PostgreSQL's date epoch. */
    private static final long POSTGRES_EPOCH_DAYS = POSTGRES_EPOCH_SECONDS / 86_400L;

    /** A relation's columns: name, receive function, and for arrays the element's type OID and receive function. */
    private static final String COLUMNS_SQL = "SELECT a.attname, t.typreceive::regproc::text, t.typelem, "
            + "e.typreceive::regproc::text FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            + "LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A' "
            + "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";

    /** As {@link #COLUMNS_SQL}, for several relations at once (SQL names, quoted where needed), each row led by it. */
    private static final String RELATIONS_COLUMNS_SQL = "SELECT r.name, a.attname, t.typreceive::regproc::text, "
            + "t.typelem, e.typreceive::regproc::text FROM unnest(?::text[]) r(name) "
            + "JOIN pg_attribute a ON a.attrelid = to_regclass(r.name) JOIN pg_type t ON t.oid = a.atttypid "
            + "LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A' "
            + "WHERE a.attnum > 0 AND NOT a.attisdropped";

    private final List<Column<R>> columns;
    private final Encoder[] encoders;

    private CopyBinary(List<Column<R>> columns, Encoder[] encoders) {
        this.columns = columns;
        this.encoders = encoders;
    }

    /**
     * The binary encoding of {@code table}'s rows into {@code relation} (an SQL name, quoted where needed), or null
     * when one of its columns is of a type this class does not encode: that relation takes text.
     */
    static <R extends Record> @Nullable CopyBinary<R> of(Connection conn, String relation, Table<R> table)
            throws SQLException {
        Map<String, TargetType> types = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(COLUMNS_SQL)) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), new TargetType(rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return of(types, table);
    }

    /**
     * The column types of {@code relations} (SQL names, quoted where needed) in one query, for {@link #of(Map, Table)}:
     * a relation the target lacks has none.
     */
    static Map<String, Map<String, TargetType>> columnTypes(Connection conn, List<String> relations)
            throws SQLException {
        Map<String, Map<String, TargetType>> types = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(RELATIONS_COLUMNS_SQL)) {
            ps.setArray(1, conn.createArrayOf("text", relations.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.computeIfAbsent(rs.getString(1), r -> new HashMap<>()).put(rs.getString(2),
                            new TargetType(rs.getString(3), rs.getInt(4), rs.getString(5)));
                }
            }
        }
        return types;
    }

    /**
     * The binary encoding of {@code table}'s rows into a relation whose columns have {@code types} (by name), or null
     * when one of its columns is of a type this class does not encode.
     */
    static <R extends Record> @Nullable CopyBinary<R> of(Map<String, TargetType> types, Table<R> table) {
        List<Column<R>> columns = table.columns();
        Encoder[] encoders = new Encoder[columns.size()];
        for (int i = 0; i < encoders.length; i++) {
            TargetType type = types.get(columns.get(i).name());
            Encoder encoder = type == null ? null : encoder(columns.get(i).type(), type);
            if (encoder == null) {
                return null;
            }
            encoders[i] = encoder;
        }
        return new CopyBinary<>(columns, encoders);
    }

    /**
     * A column's type in the target.
     *
     * @param receive        its receive function, e.g. {@code textrecv}, {@code array_recv}
     * @param element        for arrays, the element type's OID (else 0)
     * @param elementReceive for arrays, the element type's receive function (else null)
     */
    record TargetType(String receive, int element, @Nullable String elementReceive) {
    }

    /** Writes one non-null value: its 32-bit length, then its bytes. */
    @FunctionalInterface
    private interface Encoder {
        void append(CopyBuffer out, Object value);
    }

    /** The encoder for a core column of {@code sql} type into a target column of {@code target} type, or null. */
    private static @Nullable Encoder encoder(SqlType sql, TargetType target) {
        String receive = target.receive();
        return switch (sql) {
            case TEXT -> receive.equals("textrecv") ? CopyBinary::text : null;
            case ENUM -> receive.equals("enum_recv") ? (out, v) -> text(out, ((Enum<?>) v).name()) : null;
            case JSONB -> receive.equals("jsonb_recv") ? CopyBinary::jsonb : null;
            case INTEGER -> receive.equals("int4recv") ? (out, v) -> out.int32(4).int32((Integer) v) : null;
            case BIGINT -> receive.equals("int8recv") ? (out, v) -> out.int32(8).int64((Long) v) : null;
            // The bits of the double; its text form, which the text path sends, reads back to the same double.
            case DOUBLE -> receive.equals("float8recv")
                    ? (out, v) -> out.int32(8).int64(Double.doubleToLongBits((Double) v)) : null;
            case BOOLEAN -> receive.equals("boolrecv") ? (out, v) -> out.int32(1).int8((Boolean) v ? 1 : 0) : null;
            case TIMESTAMP -> receive.equals("timestamp_recv") ? (out, v) -> timestamp(out, (LocalDateTime) v) : null;
            case BYTEA -> receive.equals("bytearecv") ? CopyBinary::bytes : null;
            case DATE -> receive.equals("date_recv") ? (out, v) -> date(out, (java.time.LocalDate) v) : null;
            case VECTOR -> receive.equals("vector_recv") ? (out, v) -> vector(out, (Embedding) v) : null;
            case TEXT_ARRAY -> array(target, "textrecv");
            case ENUM_ARRAY -> array(target, "enum_recv");
        };
    }

    private static @Nullable Encoder array(TargetType target, String elementReceive) {
        if (!target.receive().equals("array_recv") || !elementReceive.equals(target.elementReceive())) {
            return null;
        }
        int element = target.element();
        return (out, v) -> array(out, element, (List<?>) v);
    }

    private static void text(CopyBuffer out, Object value) {
        int at = out.reserveLength();
        out.utf8((String) value);
        out.fillLength(at);
    }

    /** jsonb's binary form: a version byte (1), then the JSON text, which the server parses as for text input. */
    private static void jsonb(CopyBuffer out, Object value) {
        int at = out.reserveLength();
        out.int8(1).utf8(((Json) value).text());
        out.fillLength(at);
    }

    /**
     * Microseconds since 2000-01-01 00:00, as a 64-bit integer; finer digits are dropped, as the text path's six
     * decimals drop them. The server rounds to the column's precision either way.
     */
    private static void timestamp(CopyBuffer out, LocalDateTime t) {
        long seconds = t.toEpochSecond(ZoneOffset.UTC) - POSTGRES_EPOCH_SECONDS;
        out.int32(8).int64(seconds * 1_000_000L + t.getNano() / 1000);
    }

    /** bytea's binary form: the bytes as they are. */
    private static void bytes(CopyBuffer out, Object value) {
        byte[] b = ((Bytes) value).toArray();
        out.int32(b.length).raw(b);
    }

    /** Days since 2000-01-01, as a 32-bit integer. */
    private static void date(CopyBuffer out, java.time.LocalDate d) {
        out.int32(4).int32(Math.toIntExact(d.toEpochDay() - POSTGRES_EPOCH_DAYS));
    }

    /** pgvector's binary form: dimensions (int16), an unused int16 (0), then a float4 per dimension. */
    private static void vector(CopyBuffer out, Embedding e) {
        int n = e.dimensions();
        out.int32(4 + 4 * n).int16(n).int16(0);
        for (int i = 0; i < n; i++) {
            out.int32(Float.floatToIntBits(e.stored(i)));
        }
    }

    /**
     * A one-dimensional array (none when empty, as {@code '{}'} reads): dimensions, a has-nulls flag, the element
     * type's OID, then size and lower bound (1), then each element as a value. Elements are the text the text path
     * quotes: an enum's name, else the element's string form.
     */
    private static void array(CopyBuffer out, int elementType, List<?> list) {
        int at = out.reserveLength();
        out.int32(list.isEmpty() ? 0 : 1).int32(0).int32(elementType);
        if (!list.isEmpty()) {
            out.int32(list.size()).int32(1);
            for (Object element : list) {
                text(out, element instanceof Enum<?> e ? e.name() : String.valueOf(element));
            }
        }
        out.fillLength(at);
    }

    @Override
    public String format() {
        return "binary";
    }

    @Override
    public void begin(CopyBuffer out) {
        out.raw(HEADER);
    }

    @Override
    public void append(CopyBuffer out, R row) {
        out.int16(encoders.length);
        for (int i = 0; i < encoders.length; i++) {
            Object value = columns.get(i).value(row);
            if (value == null) {
                out.int32(-1);
            } else {
                encoders[i].append(out, value);
            }
        }
    }

    @Override
    public void end(CopyBuffer out) {
        out.int16(-1);
    }
}
