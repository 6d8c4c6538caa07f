package io.autogpt.seed.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The indexes and index-backed constraints of a schema this transaction creates, not created yet: what
 * {@code pg_restore} calls post-data. A schema made from nothing comes without them, and a table that is about to
 * load bare gets them built once, over its rows ({@link BulkLoad}), instead of being created on the empty table,
 * dropped, and built again; everything else is created before the first row.
 *
 * <p>Exactly one owner creates each item, before commit: whoever takes them with {@link #take} (the bulk load), or
 * {@link #createExcept} for the rest. Until then the items exist nowhere, so whoever writes a table must first ask
 * for its items: a unique index is what an {@code ON CONFLICT} needs, and a foreign key is what a row is checked
 * against.
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
     */
    record Item(Kind kind, String table, String name, String create, @Nullable String parent) {
    }

    private static final String IDENTIFIER = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern INDEX = Pattern.compile(
            "^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?" + IDENTIFIER + " ON (?:ONLY )?" + IDENTIFIER + " ");
    /** A constraint added by the DDL's guard: {@code … EXECUTE $ddl$ALTER TABLE "T" ADD CONSTRAINT "N" …$ddl$ …}. */
    private static final Pattern CONSTRAINT = Pattern.compile("\\$ddl\\$(ALTER TABLE (?:ONLY )?" + IDENTIFIER
            + " ADD CONSTRAINT " + IDENTIFIER + " (FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE)\\b.*?)\\$ddl\\$",
            Pattern.DOTALL);
    private static final Pattern REFERENCES = Pattern.compile(" REFERENCES (?:ONLY )?" + IDENTIFIER);

    private final List<Item> pending;

    private PostData(List<Item> items) {
        this.pending = new ArrayList<>(items);
    }

    /** Nothing deferred: the schema was there, or was created whole. */
    static PostData none() {
        return new PostData(List.of());
    }

    static PostData of(List<Item> items) {
        return new PostData(items);
    }

    /**
     * The deferred item one DDL statement creates, or null when it creates something else (a table, a check, a
     * function): an index of a table or view, or a unique, primary or foreign key constraint added to a table.
     */
    static @Nullable Item parse(String sql) {
        Matcher index = INDEX.matcher(sql);
        if (index.find()) {
            return new Item(index.group(1) != null ? Kind.UNIQUE : Kind.INDEX, unquote(index.group(3)),
                    unquote(index.group(2)), sql, null);
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
                unquote(constraint.group(3)), constraint.group(1), foreign ? unquote(parent.group(1)) : null);
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
     * {@code later} does not claim, with the unique indexes and constraints of the tables those keys refer to; the
     * rest stays pending.
     */
    void createExcept(Connection conn, Predicate<String> later) throws SQLException {
        Set<String> parents = new LinkedHashSet<>();
        for (Item item : pending) {
            if (item.kind() == Kind.FOREIGN_KEY && !later.test(item.table())) {
                parents.add(item.parent());
            }
        }
        List<Item> now = new ArrayList<>();
        for (Item item : pending) {
            if (!later.test(item.table()) || item.kind() == Kind.UNIQUE && parents.contains(item.table())) {
                now.add(item);
            }
        }
        now.sort((a, b) -> Boolean.compare(a.kind() == Kind.FOREIGN_KEY, b.kind() == Kind.FOREIGN_KEY));
        try (Statement st = conn.createStatement()) {
            for (Item item : now) {
                try {
                    st.execute(item.create());
                } catch (SQLException e) {
                    throw DatabaseSession.failure("creating " + item.name() + " of " + item.table(), e);
                }
            }
        }
        pending.removeAll(now);
    }

    /** Hands every pending item to the caller, who creates each before commit. */
    List<Item> take() {
        List<Item> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
