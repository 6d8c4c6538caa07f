package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.SqlType;
import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, before anything is written, that the target schema can take the seeder's rows: every table and column
 * exists with the same type, no column the seeder leaves out is NOT NULL without a default, no column the seeder
 * may leave null is NOT NULL, and every enum has the labels the seeder writes.
 */
final class SchemaVerifier {
    private static final String SCHEMA_SQL = "SELECT 1 FROM pg_namespace WHERE nspname = ?";
    private static final String COLUMNS_SQL = "SELECT table_name, column_name, data_type, udt_name, is_nullable, "
            + "column_default FROM information_schema.columns WHERE table_schema = ?";
    private static final String ENUMS_SQL = "SELECT t.typname, e.enumlabel FROM pg_type t "
            + "JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?";

    private record DbColumn(String type, boolean nullable, boolean hasDefault) {
    }

    private SchemaVerifier() {
    }

    /** Every problem found, one line each; empty when the schema can take the rows. */
    static List<String> problems(Connection conn, String schema, List<Table<?>> tables) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(SCHEMA_SQL)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of("schema \"" + schema + "\" does not exist");
                }
            }
        }
        Map<String, Map<String, DbColumn>> db = columns(conn, schema);
        Map<String, Set<String>> enums = enums(conn, schema);
        Set<String> missingTables = new HashSet<>();
        for (Table<?> table : tables) {
            Map<String, DbColumn> actual = db.get(table.name());
            if (actual == null) {
                if (missingTables.add(table.name())) {
                    problems.add("table \"" + table.name() + "\" is missing");
                }
                continue;
            }
            Set<String> written = new HashSet<>();
            for (Column<?> column : table.columns()) {
                written.add(column.name());
                checkColumn(table, column, actual.get(column.name()), enums, problems);
            }
            if (table.kind() == Table.Kind.INSERT) {
                actual.forEach((name, c) -> {
                    if (!written.contains(name) && !c.nullable() && !c.hasDefault()) {
                        problems.add("column \"" + table.name() + "\".\"" + name
                                + "\" is NOT NULL without a default, and the seeder does not write it");
                    }
                });
            }
        }
        return problems;
    }

    private static void checkColumn(Table<?> table, Column<?> column, DbColumn actual,
                                    Map<String, Set<String>> enums, List<String> problems) {
        String where = "column \"" + table.name() + "\".\"" + column.name() + "\"";
        if (actual == null) {
            problems.add(where + " is missing");
            return;
        }
        if (!actual.type().equals(column.sqlTypeName())) {
            problems.add(where + " is " + actual.type() + ", the seeder writes " + column.sqlTypeName());
            return;
        }
        if (column.nullable() && !actual.nullable()) {
            problems.add(where + " is NOT NULL, the seeder may leave it null");
        }
        if (column.type() == SqlType.ENUM || column.type() == SqlType.ENUM_ARRAY) {
            Set<String> labels = enums.getOrDefault(column.enumType(), Set.of());
            List<String> missing = column.enumLabels().stream().filter(l -> !labels.contains(l)).toList();
            if (!missing.isEmpty()) {
                problems.add("enum \"" + column.enumType() + "\" lacks " + String.join(", ", missing));
            }
        }
    }

    private static Map<String, Map<String, DbColumn>> columns(Connection conn, String schema) throws SQLException {
        Map<String, Map<String, DbColumn>> out = new HashMap<>();
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
                    out.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2),
                            new DbColumn(type, "YES".equals(rs.getString(5)), rs.getString(6) != null));
                }
            }
        }
        return out;
    }

    private static Map<String, Set<String>> enums(Connection conn, String schema) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(ENUMS_SQL)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
