package io.autogpt.seed.jpa;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The indexes and index-backed constraints of a schema this transaction creates, not created yet: what
 * {@code pg_restore} calls post-data. A schema made from nothing comes without them, and a table that is about to
 * load bare gets them built once, over its rows ({@link BulkLoad}), instead of being created on the empty table,
 * dropped, and built again; everything else is created before the first row. (pgvector's objects are not among them:
 * the DDL creates them only where the type exists, and the bulk load drops and rebuilds them as any index.)
 *
 * <p>Exactly one owner creates each item, before commit: whoever takes them with {@link #take} (the bulk load), or
 * {@link #createExcept} for the rest. Until then the items exist nowhere: a unique index is what an
 * {@code ON CONFLICT} needs, and a foreign key is what a row is checked against. So those of every table written
 * other than by the bulk load's COPY are created before anything is written ({@code SeedTargets}, {@link BulkLoad}).
 */
final class PostData {
    /** What an item checks once created: nothing but order (an index), uniqueness, or a reference. */
    enum Kind { INDEX, UNIQUE, FOREIGN_KEY }

    /**
     * One deferred object.
     *
     * @param table  its table's own name ({@code User})
     * @param name   the index's or constraint's name
     * @param create the statement that creates it
     * @param parent for a foreign key, the own name of the table it refers to; else null
     * @param key    for a foreign key, the columns it refers to; for a unique index or constraint that could back
     *               one (not partial, no expressions), its columns; else null. Unquoted, comma-separated.
     */
    record Item(Kind kind, String table, String name, String create, @Nullable String parent, @Nullable String key) {
    }

    private static final String IDENTIFIER = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern INDEX = Pattern.compile(
            "^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?" + IDENTIFIER + " ON (?:ONLY )?" + IDENTIFIER + " ");
    /** A constraint added by the DDL's guard: {@code … EXECUTE $ddl$ALTER TABLE "T" ADD CONSTRAINT "N" …$ddl$ …}. */
    private static final Pattern CONSTRAINT = Pattern.compile("\\$ddl\\$(ALTER TABLE (?:ONLY )?" + IDENTIFIER
            + " ADD CONSTRAINT " + IDENTIFIER + " (FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE)\\b.*?)\\$ddl\\$",
            Pattern.DOTALL);
    private static final Pattern REFERENCES = Pattern.compile(" REFERENCES (?:ONLY )?" + IDENTIFIER
            + "\\s*\\(([^)]*)\\)");
    /** The column list of an index ({@code USING btree (a, b)}) or of a unique constraint ({@code UNIQUE (a, b)}). */
    private static final Pattern COLUMNS = Pattern.compile("(?:USING \\w+ |UNIQUE |PRIMARY KEY )\\(([^()]*)\\)$");

    /**
     * A table whose definition holds its primary key on a line of its own ({@code CONSTRAINT "T_pkey" PRIMARY KEY
     * (id)}, as the DDL writes every table): its definition without it, and the key as an item of its own, which
     * {@code pg_dump} too puts after the data. A primary key created with the table would be built on the empty table,
     * dropped by the bulk load, and built again.
     *
     * @param bare       the table's definition without the key
     * @param primaryKey the key, added to the table
     */
    record Definition(String bare, Item primaryKey) {
        private static final Pattern TABLE = Pattern.compile("^CREATE TABLE (?:IF NOT EXISTS )?" + IDENTIFIER
                + " \\(\n");
        /** The key's line, and what ends it: a comma when more of the definition follows. */
        private static final Pattern KEY = Pattern.compile("\n\\s*CONSTRAINT " + IDENTIFIER
                + " PRIMARY KEY \\(([^()]*)\\)(,?)\n");

        /** The table {@code sql} defines, or null when it is something else or has no primary key of that form. */
        static @Nullable Definition parse(String sql) {
            Matcher table = TABLE.matcher(sql);
            Matcher key = KEY.matcher(sql);
            if (!table.lookingAt() || !key.find(table.end() - 1) || !sql.endsWith(")") && !sql.endsWith(");")) {
                return null;
            }
            // A key on the last line takes the comma ending the line before; any other key line, its own.
            String before = sql.substring(0, key.start());
            if (key.group(3).isEmpty() && before.endsWith(",")) {
                before = before.substring(0, before.length() - 1);
            }
            String bare = before + "\n" + sql.substring(key.end());
            String create = "ALTER TABLE " + table.group(1) + " ADD CONSTRAINT " + key.group(1) + " PRIMARY KEY ("
                    + key.group(2) + ")";
            return new Definition(bare, new Item(Kind.UNIQUE, unquote(table.group(1)), unquote(key.group(1)), create,
                    null, key(key.group(2))));
        }
    }

    private final List<Item> pending;
    /** The relations the schema's DDL created in this transaction, by their own names; it made them from nothing. */
    private final Set<String> created;

    private PostData(List<Item> items, Set<String> created) {
        this.pending = new ArrayList<>(items);
        this.created = Set.copyOf(created);
    }

    /** Nothing deferred: the schema was there, or was created whole. */
    static PostData none() {
        return new PostData(List.of(), Set.of());
    }

    /** {@code items} deferred, of a schema this transaction made from nothing: {@code created} are its relations. */
    static PostData of(List<Item> items, Set<String> created) {
        return new PostData(items, created);
    }

    /**
     * Whether this transaction created {@code table} (its own name), as part of the schema it made from nothing.
     * Unlike what is pending, this stays true once the items are created.
     */
    boolean created(String table) {
        return created.contains(table);
    }

    /**
     * The deferred item one DDL statement creates, or null when it creates something else (a table, a check, a
     * function): an index of a table or view, or a unique, primary or foreign key constraint added to a table.
     */
    static @Nullable Item parse(String sql) {
        Matcher index = INDEX.matcher(sql);
        if (index.find()) {
            boolean unique = index.group(1) != null;
            return new Item(unique ? Kind.UNIQUE : Kind.INDEX, unquote(index.group(3)), unquote(index.group(2)), sql,
                    null, unique ? columns(sql) : null);
        }
        Matcher constraint = CONSTRAINT.matcher(sql);
        if (!constraint.find()) {
            return null;
        }
        boolean foreign = constraint.group(4).equals("FOREIGN KEY");
        Matcher parent = REFERENCES.matcher(constraint.group(1));
        if (foreign && !parent.find()) {
            return null;
        }
        return new Item(foreign ? Kind.FOREIGN_KEY : Kind.UNIQUE, unquote(constraint.group(2)),
                unquote(constraint.group(3)), constraint.group(1), foreign ? unquote(parent.group(1)) : null,
                foreign ? key(parent.group(2)) : columns(constraint.group(1)));
    }

    /** The plain column list a statement ends with, or null when it has none (a partial index, an expression). */
    private static @Nullable String columns(String sql) {
        Matcher columns = COLUMNS.matcher(sql.strip());
        return columns.find() ? key(columns.group(1)) : null;
    }

    private static String key(String list) {
        return String.join(",", Arrays.stream(list.split(",")).map(c -> unquote(c.strip())).toList());
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Creates now, in the DDL's order (indexes before the keys that need them), every item whose table
     * {@code later} does not claim, with the unique index or constraint each of their foreign keys refers to where
     * that is pending too (a primary key comes with its table); the rest stays pending.
     */
    void createExcept(Connection conn, Predicate<String> later) throws SQLException {
        List<Item> now = new ArrayList<>();
        Set<TableKey> referred = new LinkedHashSet<>();
        for (Item item : pending) {
            if (!later.test(item.table())) {
                now.add(item);
                if (item.kind() == Kind.FOREIGN_KEY) {
                    referred.add(new TableKey(Objects.requireNonNull(item.parent()), item.key()));
                }
            }
        }
        if (!referred.isEmpty()) {
            referred.removeAll(uniqueKeys(conn));
        }
        for (TableKey key : referred) {
            List<Item> uniques = pending.stream().filter(i -> i.kind() == Kind.UNIQUE && i.table().equals(key.table()))
                    .toList();
            List<Item> exact = uniques.stream().filter(i -> Objects.equals(key.columns(), i.key())).toList();
            // A key whose unique index cannot be told from its text (an operator class, an order): all its table's.
            (exact.isEmpty() ? uniques : exact).stream().filter(i -> !now.contains(i)).forEach(now::add);
        }
        now.sort((a, b) -> Boolean.compare(a.kind() == Kind.FOREIGN_KEY, b.kind() == Kind.FOREIGN_KEY));
        create(conn, now);
        pending.removeAll(now);
    }

    /**
     * Runs each item's statement, all in one round trip (tens of statements, each quick on an empty table). Should
     * one fail, they run again one by one from before the first, so the failure names the item it belongs to: the
     * driver marks every statement of a failed batch in a transaction as failed.
     */
    private static void create(Connection conn, List<Item> items) throws SQLException {
        Savepoint before = conn.setSavepoint();
        try (Statement st = conn.createStatement()) {
            for (Item item : items) {
                st.addBatch(item.create());
            }
            st.executeBatch();
        } catch (BatchUpdateException e) {
            conn.rollback(before);
            try (Statement st = conn.createStatement()) {
                for (Item item : items) {
                    try {
                        st.execute(item.create());
                    } catch (SQLException again) {
                        throw DatabaseSession.failure("creating " + item.name() + " of " + item.table(), again);
                    }
                }
            }
            // Each statement alone succeeded where the batch failed: say what the batch said.
            throw DatabaseSession.failure("creating the new schema's indexes and keys",
                    e.getNextException() != null ? e.getNextException() : e);
        }
        conn.releaseSavepoint(before);
    }

    /** Columns of a table a foreign key refers to, or a unique index covers: as {@link Item#key} writes them. */
    private record TableKey(String table, @Nullable String columns) {
    }

    /** The keys the current schema's unique indexes (not partial, no expressions) already back. */
    private static Set<TableKey> uniqueKeys(Connection conn) throws SQLException {
        Set<TableKey> backed = new LinkedHashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT c.relname, (SELECT string_agg(a.attname, ',' "
                + "ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON "
                + "a.attrelid = i.indrelid AND a.attnum = k.attnum) FROM pg_index i JOIN pg_class c ON c.oid = "
                + "i.indrelid WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL AND c.relnamespace = "
                + "current_schema()::regnamespace"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                backed.add(new TableKey(rs.getString(1), rs.getString(2)));
            }
        }
        return backed;
    }

    /** Hands every pending item to the caller, who creates each before commit. */
    List<Item> take() {
        List<Item> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
