package io.autogpt.seed.jpa;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.SqlType;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.vector.Embedding;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
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

    /** The statement that receives an insert table's rows, in text, as a SQL file holds them. */
    static <R extends Record> String copyInto(Table<R> table, String relation) {
        return "COPY " + relation + " (" + columnList(table) + ") FROM STDIN";
    }

    /**
     * The statement that receives an insert table's rows in {@code format}; with {@code freeze}, stored frozen and
     * their pages all-visible, as {@code VACUUM FREEZE} would leave them. The server allows that only into a table
     * this transaction created or emptied ({@link BulkLoad#freezes}), and fails the statement otherwise.
     */
    static <R extends Record> String copyInto(Table<R> table, String relation, String format, boolean freeze) {
        return copyInto(table, relation) + " (FORMAT " + format + (freeze ? ", FREEZE" : "") + ")";
    }

    /** A session-local table of an update table's columns, dropped at commit. */
    static <R extends Record> String createStaging(Table<R> table, String staging) {
        return createStaging(table, staging, false);
    }

    /** As {@link #createStaging(Table, String)}; with {@code vectorsAsText}, pgvector columns are staged as text. */
    static <R extends Record> String createStaging(Table<R> table, String staging, boolean vectorsAsText) {
        String columns = table.columns().stream()
                .map(c -> quote(c.name()) + " " + (vectorsAsText && c.type() == SqlType.VECTOR ? "text" : sqlType(c)))
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
        // Rows already there are left out before the insert, not only by ON CONFLICT: a BEFORE INSERT trigger (the
        // catalogue's guard on a released package's files) fires, and raises, before the conflict is found.
        String present = table.key().stream().map(c -> "t." + quote(c.name()) + " = s." + quote(c.name()))
                .collect(Collectors.joining(" AND "));
        return "INSERT INTO " + quote(table.name()) + " (" + columns + ") SELECT " + columns + " FROM " + staging
                + " s WHERE NOT EXISTS (SELECT 1 FROM " + quote(table.name()) + " t WHERE " + present
                + ") ORDER BY 1 ON CONFLICT DO NOTHING";
    }

    /** Makes the writing transaction the catalogue publisher, whose writes the catalogue's guard triggers admit. */
    static final String CATALOGUE_PUBLISHER = "SET LOCAL autogpt.catalogue_publisher = 'on'";

    /**
     * Waits for any other run writing the catalogue to end, before this one writes it. Without it, a file of the
     * catalogue a concurrent run has just committed (with the release naming its version) gets past the {@code NOT
     * EXISTS} filter and is then refused by the guard's own, newer look, instead of waiting on {@code ON CONFLICT}.
     * The key is arbitrary but fixed: the catalogue is one per database.
     */
    static final String CATALOGUE_LOCK =
            "DO $lock$ BEGIN PERFORM pg_advisory_xact_lock(7236833794616437100); END $lock$";

    /**
     * Activates the staged catalogue release as the platform's publisher does, where no release is active: its
     * listings get their versions, its templates are shown, the activation is numbered after the state's generation
     * and the state moves to the release (taking the state's row lock first, so concurrent runs activate once).
     * Where another release is active it changes nothing and says so in a notice.
     */
    static String activateCatalogue(String staging) {
        return "DO $catalogue$ DECLARE active text; gen integer; a record; BEGIN "
                + "SELECT * INTO a FROM " + staging + " LIMIT 1; "
                + "SELECT \"activeReleaseId\", generation INTO active, gen FROM \"CatalogueState\" "
                + "WHERE id = 'marketplace' FOR UPDATE; "
                + "IF NOT FOUND THEN RAISE NOTICE 'the marketplace catalogue has no state row here: the seeded "
                + "release % stays inactive', a.\"releaseId\"; RETURN; END IF; "
                + "IF active IS NOT NULL THEN IF active <> a.\"releaseId\" THEN RAISE NOTICE 'the marketplace "
                + "catalogue already has release % active: the seeded release % stays inactive', active, "
                + "a.\"releaseId\"; END IF; RETURN; END IF; "
                + "UPDATE \"SkillListing\" l SET \"activeVersionId\" = i.value ->> 'version_id', "
                + "\"hasApprovedVersion\" = (i.value ->> 'has_approved_version')::boolean, "
                + "\"isDeleted\" = (i.value ->> 'retired')::boolean, \"updatedAt\" = a.\"createdAt\" "
                + "FROM jsonb_each(a.snapshot -> 'skills') i WHERE l.id = i.value ->> 'listing_id' "
                + "AND l.\"owningUserId\" IS NULL AND l.\"owningOrgId\" IS NULL; "
                + "UPDATE \"Expert\" e SET \"isArchived\" = (i.value ->> 'is_archived')::boolean, "
                + "\"updatedAt\" = a.\"createdAt\" FROM jsonb_each(a.snapshot -> 'experts') i "
                + "WHERE e.id = i.value ->> 'expert_id' AND e.\"isTemplate\" AND e.\"ownerUserId\" IS NULL; "
                + "INSERT INTO \"CatalogueActivation\" (id, \"releaseId\", \"previousReleaseId\", generation, "
                + "rollback, snapshot, \"createdAt\") VALUES (a.id, a.\"releaseId\", NULL, gen + 1, a.rollback, "
                + "a.snapshot, a.\"createdAt\"); "
                + "UPDATE \"CatalogueState\" SET \"activeReleaseId\" = a.\"releaseId\", generation = gen + 1, "
                + "snapshot = a.snapshot WHERE id = 'marketplace'; END $catalogue$";
    }

    /**
     * Inserts the staged rows of a table with pgvector columns where the table exists, casting each vector to the
     * column's own type (wherever pgvector lives); where it does not (no pgvector on that server), says so and goes on.
     */
    static <R extends Record> String insertWhereVectorsGo(Table<R> table, String staging) {
        String columns = columnList(table);
        String select = table.columns().stream().map(c -> c.type() != SqlType.VECTOR ? quote(c.name())
                : quote(c.name()) + "::' || (SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = t "
                        + "AND attname = " + literal(c.name()) + ") || '").collect(Collectors.joining(", "));
        String relation = literal(quote(table.name()));
        return "DO $vectors$ DECLARE t regclass := to_regclass(" + relation + "); BEGIN IF t IS NULL THEN "
                + "RAISE NOTICE '% left out: no pgvector here', " + relation + "; ELSE EXECUTE 'INSERT INTO "
                + quote(table.name()).replace("'", "''") + " (" + columns.replace("'", "''") + ") SELECT " + select
                + " FROM " + staging + "'; END IF; END $vectors$";
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
            case ENUM -> quote(enumType(column));
            case ENUM_ARRAY -> quote(enumType(column)) + "[]";
            default -> column.sqlTypeName();
        };
    }

    /** An enum column's type: never null there, as Column's constructor requires an enum class exactly for them. */
    private static String enumType(Column<?> column) {
        return Objects.requireNonNull(column.enumType(), "enum column without enum type");
    }

    /**
     * How one column's non-null values become COPY text. Chosen once per column from its SQL type, so the hot loop
     * makes one call per value and tests no types: a chain of {@code instanceof} tests there let the JIT compiler
     * guess the types of the first table it saw, and every later table with other types undid and redid that
     * compilation — seconds of compiler time on a large load.
     */
    @FunctionalInterface
    private interface Encoder {
        void append(CopyBuffer out, Object value);
    }

    /**
     * Encodes rows of one table: tab-separated values, newline-terminated, {@code \\N} for null.
     *
     * @param <R> the row type
     */
    static final class RowEncoder<R extends Record> implements CopyRows<R> {
        private final List<Column<R>> columns;
        private final Encoder[] encoders;

        private RowEncoder(Table<R> table) {
            this.columns = table.columns();
            this.encoders = columns.stream().map(c -> encoder(c.type())).toArray(Encoder[]::new);
        }

        @Override
        public String format() {
            return "text";
        }

        @Override
        public void begin(CopyBuffer out) {
            // Text COPY has no header.
        }

        @Override
        public void end(CopyBuffer out) {
            // Nor a trailer: the end of the data ends it.
        }

        /** Appends {@code row}, newline included. */
        @Override
        public void append(CopyBuffer out, R row) {
            for (int i = 0; i < encoders.length; i++) {
                if (i > 0) {
                    out.ascii('\t');
                }
                Object value = columns.get(i).value(row);
                if (value == null) {
                    out.ascii("\\N");
                } else {
                    encoders[i].append(out, value);
                }
            }
            out.ascii('\n');
        }
    }

    /** The encoder of {@code table}'s rows. */
    static <R extends Record> RowEncoder<R> rows(Table<R> table) {
        return new RowEncoder<>(table);
    }

    private static Encoder encoder(SqlType type) {
        return switch (type) {
            case TEXT -> (out, value) -> out.text((String) value);
            case JSONB -> (out, value) -> out.text(((Json) value).text());
            // Digits, signs, points, commas and brackets only: nothing COPY escapes, so no scan for it.
            case VECTOR -> (out, value) -> out.ascii(((Embedding) value).text());
            // The hex form's backslash is escaped as COPY text escapes it.
            case BYTEA -> (out, value) -> out.text(((io.autogpt.seed.core.table.Bytes) value).hex());
            case TIMESTAMP -> (out, value) -> appendTimestamp(out, (LocalDateTime) value);
            // ISO yyyy-MM-dd: digits and dashes only.
            case DATE -> (out, value) -> out.ascii(value.toString());
            case BOOLEAN -> (out, value) -> out.ascii((Boolean) value ? 't' : 'f');
            case ENUM -> (out, value) -> out.text(((Enum<?>) value).name());
            // Numbers: their decimal form is ASCII, with nothing COPY treats specially.
            case INTEGER, BIGINT, DOUBLE -> (out, value) -> out.ascii(value.toString());
            case TEXT_ARRAY, ENUM_ARRAY -> (out, value) -> appendArray(out, (List<?>) value);
        };
    }

    /** An array literal, {@code {"a","b"}}, its elements quoted and escaped, then escaped as COPY text. */
    private static void appendArray(CopyBuffer out, List<?> list) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            Object element = list.get(i);
            String text = element instanceof Enum<?> e ? e.name() : String.valueOf(element);
            array.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        out.text(array.append('}').toString());
    }

    /** {@code yyyy-MM-dd HH:mm:ss.ffffff}, hand-rolled: this runs a few million times per large load. */
    private static void appendTimestamp(CopyBuffer out, LocalDateTime t) {
        out.digits(t.getYear(), 4).ascii('-').digits(t.getMonthValue(), 2).ascii('-').digits(t.getDayOfMonth(), 2)
                .ascii(' ').digits(t.getHour(), 2).ascii(':').digits(t.getMinute(), 2).ascii(':')
                .digits(t.getSecond(), 2).ascii('.').digits(t.getNano() / 1000, 6);
    }
}
