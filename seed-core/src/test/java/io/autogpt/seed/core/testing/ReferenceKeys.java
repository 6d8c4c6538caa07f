package io.autogpt.seed.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys the platform schema enforces, read from the reference ({@code indexes.csv}, {@code constraints.csv}) that
 * the DDL is generated from, so the in-memory store refuses and cascades exactly where PostgreSQL does.
 *
 * @param unique      per table, every unique key (primary key first), as column lists
 * @param foreignKeys every foreign key
 */
public record ReferenceKeys(Map<String, List<UniqueKey>> unique, List<ForeignKey> foreignKeys) {
    /** What PostgreSQL does to a referencing row when the row it references is deleted. */
    public enum OnDelete { CASCADE, SET_NULL, RESTRICT }

    /**
     * A unique key.
     *
     * @param name    the index's name, as PostgreSQL reports a violation
     * @param columns its columns, in order
     */
    public record UniqueKey(String name, List<String> columns) {
    }

    /**
     * A foreign key: {@code columns} of {@code table} reference {@code parentColumns} of {@code parent}.
     *
     * @param name the constraint's name
     */
    public record ForeignKey(String name, String table, List<String> columns, String parent,
                             List<String> parentColumns, OnDelete onDelete) {
    }

    private static final String RESOURCES = "/io/autogpt/seed/core/testing/reference/";
    /** The schema versions the reference describes, oldest first (folders of {@code reference/}). */
    public static final List<String> VERSIONS = List.of("original", "platform-2026-01", "platform-upstream-2026",
            "platform-2026-09");
    /** The versions whose platform follows the early-2026 rules (users own everything). */
    public static final List<String> EARLY_VERSIONS = VERSIONS.subList(0, 3);
    /** The newest known version: the one the in-memory store enforces by default. */
    public static final String NEWEST = VERSIONS.get(VERSIONS.size() - 1);

    /** Every {@code "Table.column"} of schema {@code version}. */
    public static java.util.Set<String> columnsOf(String version) {
        java.util.Set<String> out = new java.util.HashSet<>();
        rows(version, "columns.csv").forEach(r -> out.add(r[0] + "." + r[1]));
        return out;
    }
    private static final Pattern UNIQUE_INDEX = Pattern.compile(
            "CREATE UNIQUE INDEX \"([^\"]+)\" ON \\S+ USING btree \\(([^)]*)\\)$");
    private static final Pattern FOREIGN = Pattern.compile(
            "FOREIGN KEY \\(([^)]*)\\) REFERENCES \"([^\"]+)\"\\(([^)]*)\\)(?:.*ON DELETE (CASCADE|SET NULL|RESTRICT))?.*");

    /** The newest reference schema's keys. */
    public static ReferenceKeys load() {
        return load(NEWEST);
    }

    /** The keys of schema {@code version}, one of {@link #VERSIONS}. */
    public static ReferenceKeys load(String version) {
        Map<String, List<UniqueKey>> unique = new LinkedHashMap<>();
        for (String[] row : rows(version, "indexes.csv")) {
            Matcher m = UNIQUE_INDEX.matcher(row[2]);
            if (m.matches()) {
                List<UniqueKey> keys = unique.computeIfAbsent(row[0], t -> new ArrayList<>());
                UniqueKey key = new UniqueKey(m.group(1), columns(m.group(2)));
                if (!keys.contains(key)) {
                    // The primary key first: it is what a row is found by.
                    keys.add(key.name().endsWith("_pkey") ? 0 : keys.size(), key);
                }
            }
        }
        List<ForeignKey> foreign = new ArrayList<>();
        for (String[] row : rows(version, "constraints.csv")) {
            Matcher m = FOREIGN.matcher(row[3]);
            if ("foreign key".equals(row[2]) && m.matches()
                    && foreign.stream().noneMatch(f -> f.name().equals(row[1]))) {
                OnDelete onDelete = m.group(4) == null ? OnDelete.RESTRICT
                        : OnDelete.valueOf(m.group(4).replace(' ', '_'));
                foreign.add(new ForeignKey(row[1], row[0], columns(m.group(1)), m.group(2), columns(m.group(3)),
                        onDelete));
            }
        }
        return new ReferenceKeys(unique, foreign);
    }

    private static List<String> columns(String list) {
        return Arrays.stream(list.split(",")).map(c -> c.trim().replace("\"", "")).toList();
    }

    /** The columns {@code table} has in schema {@code version} (none when it lacks the table). */
    public static java.util.Set<String> columns(String version, String table) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String[] row : rows(version, "columns.csv")) {
            if (row[0].equals(table)) {
                out.add(row[1]);
            }
        }
        return out;
    }

    /** The rows of {@code file} of reference {@code version}, header left out, each as its cells. */
    static List<String[]> rows(String version, String file) {
        try (InputStream in = ReferenceKeys.class.getResourceAsStream(RESOURCES + version + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the test jar");
            }
            List<String[]> records = ReferenceCsv.records(in);
            return records.subList(1, records.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
