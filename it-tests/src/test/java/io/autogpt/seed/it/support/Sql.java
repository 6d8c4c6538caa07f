package io.autogpt.seed.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small query helpers for assertions. */
public final class Sql {
    /** The platform tables the seeder writes, in write order. */
    /** The tables the seeder writes, in write order: read off the dataset, not listed again. */
    public static final List<String> TABLES = new io.autogpt.seed.core.run.Dataset(io.autogpt.seed.core.plan.SeedPlan
            .of(0, java.time.Instant.EPOCH.plusSeconds(1L << 31), io.autogpt.seed.core.plan.ScaleProfile.original())
            .withRules(io.autogpt.seed.core.plan.PlatformRules.SEPTEMBER_2026)) // the newest rules: every table
            .steps().stream().map(step -> step.table().name()).distinct().toList();

    private Sql() {
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The seeded tables the current schema has, in write order. */
    private static List<String> present(Connection c) throws SQLException {
        List<String> inSchema = strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
        return TABLES.stream().filter(inSchema::contains).toList();
    }

    /** Rows per seeded table the current schema has (older versions lack some). */
    public static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : present(c)) {
            out.put(t, count(c, "SELECT count(*) FROM \"" + t + "\""));
        }
        return out;
    }

    /**
     * A digest of every seeded table's full contents, order-independent: two databases with equal digests hold the
     * same rows, value for value (a dump comparison done by the server).
     */
    public static Map<String, String> digests(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : present(c)) {
            out.put(t, strings(c, "SELECT md5(coalesce(string_agg(x.r, E'\\n' ORDER BY x.r), '')) FROM "
                    + "(SELECT t::text AS r FROM \"" + t + "\" t) x").get(0));
        }
        return out;
    }

    /**
     * Everything of the current schema a load could disturb, one line per object, sorted: each index and
     * constraint with its definition and comment, each trigger, view and materialised view with its definition, each
     * relation's storage parameters.
     */
    public static List<String> catalog(Connection c) throws SQLException {
        return strings(c, "SELECT x FROM ("
                + "SELECT 'index ' || i.indrelid::regclass || ' ' || ic.relname || ': ' || pg_get_indexdef(i.indexrelid) "
                + "|| coalesce(' -- ' || obj_description(i.indexrelid, 'pg_class'), '') AS x FROM pg_index i "
                + "JOIN pg_class ic ON ic.oid = i.indexrelid WHERE ic.relnamespace = current_schema()::regnamespace "
                + "UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' "
                + "|| pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END "
                + "|| coalesce(' -- ' || obj_description(oid, 'pg_constraint'), '') FROM pg_constraint "
                + "WHERE connamespace = current_schema()::regnamespace "
                + "UNION ALL SELECT 'trigger ' || tgname || ': ' || pg_get_triggerdef(t.oid) || ' ' || tgenabled::text "
                + "FROM pg_trigger t JOIN pg_class tc ON tc.oid = t.tgrelid "
                + "WHERE NOT tgisinternal AND tc.relnamespace = current_schema()::regnamespace "
                + "UNION ALL SELECT 'view ' || c.relname || ' ' || c.relkind::text || ': ' || pg_get_viewdef(c.oid) "
                + "FROM pg_class c WHERE c.relkind IN ('v', 'm') AND c.relnamespace = current_schema()::regnamespace "
                // Storage parameters: a load that borrows one for its own sake (a graph index's workers) puts it back.
                + "UNION ALL SELECT 'options ' || c.relname || ': ' || array_to_string(c.reloptions, ', ') "
                + "FROM pg_class c WHERE c.reloptions IS NOT NULL AND c.relnamespace = current_schema()::regnamespace"
                + ") all_objects ORDER BY x");
    }
}
