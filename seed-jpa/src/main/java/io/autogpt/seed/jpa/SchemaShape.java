package io.autogpt.seed.jpa;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the seeder needs to know of a schema: its tables' columns (type, nullability, default) and its enums' labels.
 * Read from a database's catalog, or from a known version's reference facts; the two compare directly. Objects an
 * extension owns (pgvector's, or a table another extension keeps in the schema) are the extension's, not the
 * platform's, and are not read.
 *
 * @param tables table → column → column facts, in catalog order
 * @param enums  enum type → labels
 */
record SchemaShape(Map<String, Map<String, SchemaShape.ColumnFacts>> tables, Map<String, Set<String>> enums) {
    /**
     * One column.
     *
     * @param type       as {@code information_schema} names it; enums by their type name, arrays with {@code []}
     * @param nullable   whether NULL is allowed
     * @param hasDefault whether the column has a default
     */
    record ColumnFacts(String type, boolean nullable, boolean hasDefault) {
    }

    /** The reference CSVs: a record per line, except that a quoted cell may span lines. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final String COLUMNS_SQL = "SELECT table_name, column_name, data_type, udt_name, is_nullable, "
            + "column_default FROM information_schema.columns c WHERE table_schema = ? AND EXISTS (SELECT 1 FROM "
            + "information_schema.tables t WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name "
            + "AND t.table_type = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = "
            + "'pg_class'::regclass AND d.objid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))"
            + "::regclass AND d.deptype = 'e') ORDER BY table_name, ordinal_position";
    /** A foreign key's definition: its first column and the table it references. */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "FOREIGN KEY \\(\"?([^\",)]+)\"?[^)]*\\) REFERENCES \"([^\"]+)\".*");
    private static final String ENUMS_SQL = "SELECT t.typname, e.enumlabel FROM pg_type t "
            + "JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? "
            + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid "
            + "AND d.deptype = 'e')";

    /** The shape of {@code schema} in the database behind {@code conn}. */
    static SchemaShape read(Connection conn, String schema) throws SQLException {
        Map<String, Map<String, ColumnFacts>> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(COLUMNS_SQL)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dataType = rs.getString(3);
                    String udt = rs.getString(4);
                    String type = switch (dataType) {
                        case "USER-DEFINED" -> udt;
                        case "ARRAY" -> udt.substring(1) + "[]";
                        default -> dataType;
                    };
                    tables.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2),
                            new ColumnFacts(type, "YES".equals(rs.getString(5)), rs.getString(6) != null));
                }
            }
        }
        Map<String, Set<String>> enums = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(ENUMS_SQL)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    enums.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return new SchemaShape(tables, enums);
    }

    /** The shape of a known version, from the reference facts packaged with the adapter. */
    static SchemaShape of(SchemaVersion version) {
        Map<String, Map<String, ColumnFacts>> tables = new LinkedHashMap<>();
        for (String[] row : reference(version, "columns.csv")) {
            tables.computeIfAbsent(row[0], t -> new LinkedHashMap<>()).put(row[1],
                    new ColumnFacts(row[2], "YES".equals(row[3]), row.length > 4 && !row[4].isEmpty()));
        }
        Map<String, Set<String>> enums = new HashMap<>();
        for (String[] row : reference(version, "enums.csv")) {
            enums.put(row[0], Set.of(row[1].split(" ")));
        }
        return new SchemaShape(tables, enums);
    }

    /**
     * The foreign keys of a known version as child table → column → parent table (first column of each key), so a
     * column can be left out with the table it points into.
     */
    static Map<String, Map<String, String>> references(SchemaVersion version) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String[] row : reference(version, "constraints.csv")) {
            Matcher m = FOREIGN_KEY.matcher(row[3]);
            if ("foreign key".equals(row[2]) && m.matches()) {
                out.computeIfAbsent(row[0], t -> new HashMap<>()).put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /**
     * How many differences lie between this shape and {@code other}: a table only one of them has counts once, and
     * within the tables both have, each column that is missing on one side or differs in type or nullability, and
     * each enum label one side lacks.
     */
    int differences(SchemaShape other) {
        int count = 0;
        Set<String> tableNames = new HashSet<>(tables.keySet());
        tableNames.addAll(other.tables.keySet());
        for (String table : tableNames) {
            Map<String, ColumnFacts> mine = tables.get(table);
            Map<String, ColumnFacts> theirs = other.tables.get(table);
            if (mine == null || theirs == null) {
                count++;
                continue;
            }
            Set<String> columns = new HashSet<>(mine.keySet());
            columns.addAll(theirs.keySet());
            for (String column : columns) {
                ColumnFacts a = mine.get(column);
                ColumnFacts b = theirs.get(column);
                if (a == null || b == null || !a.type().equals(b.type()) || a.nullable() != b.nullable()) {
                    count++;
                }
            }
        }
        Set<String> enumTypes = new HashSet<>(enums.keySet());
        enumTypes.addAll(other.enums.keySet());
        for (String type : enumTypes) {
            Set<String> a = enums.getOrDefault(type, Set.of());
            Set<String> b = other.enums.getOrDefault(type, Set.of());
            count += (int) (a.stream().filter(l -> !b.contains(l)).count() + b.stream().filter(l -> !a.contains(l))
                    .count());
        }
        return count;
    }

    private static List<String[]> reference(SchemaVersion version, String file) {
        String resource = "/io/autogpt/seed/jpa/reference/" + version.id() + "/" + file;
        try (InputStream in = SchemaShape.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            List<String[]> records = CSV.readerFor(String[].class).<String[]>readValues(in).readAll();
            return records.subList(1, records.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
