package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Bytes;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.vector.Embedding;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each binary COPY encoder against a real server: the same rows copied in text and in binary into tables of the
 * platform's column types read back identical, value by value, including the edges of each type (escapes and
 * non-Latin text, nulls, extreme numbers, times before 2000 and with sub-microsecond parts, empty arrays and array
 * elements that text quotes, vector values that round to zero). Needs {@code SEED_TEST_DATABASE_URL} and pgvector.
 */
class CopyBinaryTest {
    /** A test enum; the server type has its simple name, as platform enums do. */
    enum Shade { LIGHT, DARK, MID_TONE }

    record Sample(String id, @Nullable String text, @Nullable Integer number, @Nullable Long big,
                  @Nullable Double real, @Nullable Boolean flag, @Nullable LocalDateTime at, @Nullable Json doc,
                  @Nullable List<String> tags, @Nullable Shade shade, @Nullable List<Shade> shades,
                  @Nullable Embedding vec, @Nullable LocalDate day, @Nullable Bytes blob) {
    }

    private static final Table<Sample> TABLE = Table.insertOf(Sample.class);
    private static @Nullable ScratchDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = ScratchDatabase.create("seed_copy_binary_test");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector");
            st.execute("CREATE TYPE \"Shade\" AS ENUM ('LIGHT', 'DARK', 'MID_TONE')");
            c.commit();
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        Objects.requireNonNull(db).close();
    }

    private static Connection connect() throws SQLException {
        return Objects.requireNonNull(db).connect();
    }

    private static List<Sample> samples() {
        float[] values = new float[1536];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i * 0.37) * (i % 7 == 0 ? 1e-7f : 1f) + (i % 11 == 0 ? 0.0000005f : 0f);
        }
        values[3] = -0.0000004f;   // rounds to zero in six decimals: stored as +0 either way
        values[4] = 0.1234565f;    // near a halfway point of the sixth decimal
        values[5] = -0.9999996f;   // rounds to -1
        LocalDateTime nanos = LocalDateTime.of(2025, 3, 9, 2, 30, 0, 123_456_789);
        return List.of(
                new Sample("a", "tab\there, line\nbreak\r, back\\slash, café, 日本語, 🚀, lone \uD800 surrogate",
                        Integer.MIN_VALUE, Long.MIN_VALUE, -0.0, true, nanos,
                        new Json("{\"k\": [1, 2.5, \"é\\n\"], \"u\": \"\\u00e9🚀\"}"),
                        List.of("x,\"y\"", "back\\slash", "{}", "NULL", "", "é 🚀"), Shade.MID_TONE,
                        List.of(Shade.DARK, Shade.LIGHT), Embedding.of(values), LocalDate.of(2026, 9, 25),
                        Bytes.of(new byte[] {0, (byte) 0xFF, '\\', '\n', 'x'})),
                new Sample("b", "", Integer.MAX_VALUE, Long.MAX_VALUE, 1e-300, false,
                        LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), Json.EMPTY_OBJECT, List.of(),
                        Shade.LIGHT, List.of(), Embedding.of(new float[1536]), LocalDate.of(1999, 12, 31),
                        Bytes.of(new byte[0])),
                new Sample("c", "x".repeat(70_000), 0, 0L, Double.MAX_VALUE, true,
                        LocalDateTime.of(999, 12, 31, 0, 0), new Json("[]"), List.of("only"), Shade.DARK,
                        List.of(Shade.MID_TONE), Embedding.of(values.clone()), LocalDate.of(2000, 1, 1),
                        Bytes.utf8("é".repeat(40_000))),
                new Sample("d", null, null, null, 3.141592653589793, null, LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
                        null, null, null, null, null, null, null),
                new Sample("e", "\u0000".isEmpty() ? "" : "plain", 42, 1L << 40, Double.MIN_VALUE, false,
                        LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000), new Json("null"), List.of("a"),
                        Shade.LIGHT, List.of(Shade.LIGHT, Shade.LIGHT, Shade.DARK), null, LocalDate.of(1, 1, 1), null));
    }

    private static void create(Statement st, String name, String vectorType, String shadeType) throws SQLException {
        st.execute("CREATE TABLE " + name + " (id text, text text, number integer, big bigint, real double precision, "
                + "flag boolean, at timestamp(6) without time zone, doc jsonb, tags text[], shade " + shadeType
                + ", shades \"Shade\"[], vec " + vectorType + ", day date, blob bytea)");
    }

    private static List<String> read(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void binaryAndTextStoreTheSameValues() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            create(st, "via_text", "vector(1536)", "\"Shade\"");
            create(st, "via_binary", "vector(1536)", "\"Shade\"");
            CopyBinary<Sample> binary = CopyBinary.of(c, "via_binary", TABLE);
            assertThat(binary).as("every column of the platform's types goes binary").isNotNull();
            CopyStream.copy(c, "via_text", TABLE, samples().stream(), CopyText.rows(TABLE));
            CopyStream.copy(c, "via_binary", TABLE, samples().stream(), Objects.requireNonNull(binary));
            List<String> text = read(c, "via_text");
            assertThat(text).hasSize(5);
            assertThat(read(c, "via_binary")).isEqualTo(text);
            // Beyond the row's text form: the exact bits of every float, and the types' own equality.
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM via_text t JOIN via_binary b USING (id) WHERE "
                    + "t.text IS NOT DISTINCT FROM b.text AND t.at IS NOT DISTINCT FROM b.at AND t.doc IS NOT DISTINCT "
                    + "FROM b.doc AND t.vec IS NOT DISTINCT FROM b.vec AND t.real::text IS NOT DISTINCT FROM "
                    + "b.real::text AND t.tags IS NOT DISTINCT FROM b.tags AND t.shades IS NOT DISTINCT FROM b.shades "
                    + "AND t.vec::real[]::text IS NOT DISTINCT FROM b.vec::real[]::text AND t.day IS NOT DISTINCT FROM "
                    + "b.day AND t.blob IS NOT DISTINCT FROM b.blob")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
            c.rollback();
        }
    }

    @Test
    void eachValueReadsBackAsWritten() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            create(st, "checked", "vector(1536)", "\"Shade\"");
            CopyStream.copy(c, "checked", TABLE, samples().stream(),
                    Objects.requireNonNull(CopyBinary.of(c, "checked", TABLE)));
            try (ResultSet rs = st.executeQuery("SELECT text, number, big, real, flag, at::text, doc::text, "
                    + "array_to_json(tags)::text, shade::text, shades::text[]::text, (vec::real[])[4:7]::text, "
                    + "day::text, encode(blob, 'hex') FROM checked WHERE id = 'a'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(
                        "tab\there, line\nbreak\r, back\\slash, café, 日本語, 🚀, lone ? surrogate");
                assertThat(rs.getInt(2)).isEqualTo(Integer.MIN_VALUE);
                assertThat(rs.getLong(3)).isEqualTo(Long.MIN_VALUE);
                assertThat(Double.doubleToRawLongBits(rs.getDouble(4))).isEqualTo(Double.doubleToRawLongBits(-0.0));
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getString(6)).isEqualTo("2025-03-09 02:30:00.123456");
                assertThat(rs.getString(7)).isEqualTo("{\"k\": [1, 2.5, \"é\\n\"], \"u\": \"é🚀\"}");
                assertThat(rs.getString(8)).isEqualTo("[\"x,\\\"y\\\"\",\"back\\\\slash\",\"{}\",\"NULL\",\"\",\"é 🚀\"]");
                assertThat(rs.getString(9)).isEqualTo("MID_TONE");
                assertThat(rs.getString(10)).isEqualTo("{DARK,LIGHT}");
                assertThat(rs.getString(11)).isEqualTo("{0,0.123457,-1,"
                        + Float.toString((float) (Math.round(Math.sin(6 * 0.37) * 1e6) / 1e6)) + "}");
                assertThat(rs.getString(12)).isEqualTo("2026-09-25");
                assertThat(rs.getString(13)).isEqualTo("00ff5c0a78");
            }
            try (ResultSet rs = st.executeQuery("SELECT at::text, tags::text, cardinality(shades), vec IS NULL, "
                    + "text FROM checked WHERE id IN ('b', 'c', 'd') ORDER BY id")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1999-12-31 23:59:59.999999");
                assertThat(rs.getString(2)).isEqualTo("{}");
                assertThat(rs.getInt(3)).isZero();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0999-12-31 00:00:00");
                assertThat(rs.getString(5)).hasSize(70_000);
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1970-01-01 00:00:00.000001");
                assertThat(rs.getBoolean(4)).isTrue();
                assertThat(rs.getString(5)).isNull();
            }
            c.rollback();
        }
    }

    @Test
    void aColumnOfAnotherTypeLeavesTheRelationToText() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // pgvector's stand-in keeps vectors as text; an enum kept as text; both read text COPY fine.
            create(st, "vector_as_text", "text", "\"Shade\"");
            create(st, "enum_as_text", "vector(1536)", "text");
            assertThat(CopyBinary.of(c, "vector_as_text", TABLE)).isNull();
            assertThat(CopyBinary.of(c, "enum_as_text", TABLE)).isNull();
            assertThat(CopyStream.copy(c, "vector_as_text", TABLE, samples().stream())).isEqualTo(5);
            assertThat(read(c, "vector_as_text")).hasSize(5);
            c.rollback();
        }
    }
}
