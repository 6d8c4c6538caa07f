package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.TargetException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads empty tables the way {@code pg_restore} does: rows first, then indexes and foreign keys, all in the run's
 * transaction.
 *
 * <p>Inserting into a table keeps each of its indexes up to date row by row; on random UUID keys every row lands on
 * a different index page, and that, with per-row foreign key checks, is most of a load's cost. An index built over
 * the finished table sorts once instead, and a foreign key added to a full table is checked with one join. So, when
 * the first row is about to go in, the tables the run inserts into that are empty, that this role owns and that no
 * other transaction is using are locked, their foreign keys and indexes are read from the catalog and dropped; before
 * commit, each is created again from its own definition ({@code pg_get_indexdef}, {@code pg_get_constraintdef}),
 * under its own name, with its comment. A duplicate key or a dangling reference fails the statement that rebuilds
 * the index or key, and with it the run: the transaction rolls back and the tables are as they were, indexes and
 * all, as they are if the process dies on the way.
 *
 * <p>Tables holding rows, tables of another owner, and tables another transaction has open keep their indexes and
 * take the indexed path; so does any index the catalog shows something else depends on (a foreign key from a table
 * outside the load, a view relying on a primary key), and any index whose definition would not come back whole
 * (clustered, a replica identity, in a tablespace of its own).
 *
 * <p>Every lock the load needs is taken in {@link #start}, before its first statement that needs one, and none by
 * waiting ({@code NOWAIT}); when one is held elsewhere, every table takes the indexed path. One bulk load runs in a
 * database at a time, so a shard that finds another loader takes the indexed path and waits its turn there: the
 * loader, holding its locks, waits for nothing another run holds, and no cycle of waits forms through it.
 */
final class BulkLoad {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);

    /**
     * How a table's rows go in.
     *
     * @param bulk   loaded without its indexes and foreign keys
     * @param detail why it keeps them, or which it keeps; empty when there is nothing to say
     */
    private record Path(boolean bulk, String detail) {
        static final Path BULK = new Path(true, "");

        static Path indexed(String why) {
            return new Path(false, why);
        }

        /** As the run's report shows it: {@code bulk}, {@code bulk (kept User_pkey)}, {@code indexed (held rows)}. */
        @Override
        public String toString() {
            return (bulk ? "bulk" : "indexed") + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /**
     * Per table: whether it is a plain table, whether this role owns it (only the owner may drop its indexes), may
     * create relations in its schema (an index is one), and may lock and refer to every parent of its foreign keys
     * (to add them back).
     */
    private static final String TABLES_SQL = "SELECT c.relname, c.relkind = 'r' AND NOT c.relhassubclass "
            + "AND NOT c.relispartition, pg_has_role(c.relowner, 'USAGE'), "
            + "has_schema_privilege(c.relnamespace, 'CREATE'), NOT EXISTS (SELECT 1 FROM pg_constraint k "
            + "WHERE k.contype = 'f' AND k.conrelid = c.oid AND NOT (has_table_privilege(k.confrelid, 'REFERENCES') "
            + "AND has_table_privilege(k.confrelid, 'UPDATE, DELETE, TRUNCATE'))) "
            + "FROM unnest(?::text[]) t(name) JOIN pg_class c ON c.oid = to_regclass(quote_ident(t.name))";

    /**
     * Held by the one bulk load in a database, to its commit: two loads each holding tables the other writes into
     * would deadlock.
     */
    private static final String BULK_LOCK = "autogpt-seed/bulk-load";

    /** The first of the given tables this role may not lock against writes (LOCK TABLE's privileges), if any. */
    private static final String UNLOCKABLE_SQL = "SELECT t.name FROM unnest(?::text[]) WITH ORDINALITY t(name, n) "
            + "WHERE NOT has_table_privilege(to_regclass(quote_ident(t.name)), 'UPDATE, DELETE, TRUNCATE') "
            + "ORDER BY t.n LIMIT 1";

    /**
     * Foreign keys of the loaded tables: qualified table, quoted name, definition, parent, comment statement or null,
     * and the table's and the parent's own names.
     */
    private static final String FOREIGN_KEYS_SQL = "SELECT c.oid, c.conrelid::regclass::text, quote_ident(c.conname), "
            + "pg_get_constraintdef(c.oid), c.confrelid::regclass::text, "
            + "'COMMENT ON CONSTRAINT ' || quote_ident(c.conname) || ' ON ' || c.conrelid::regclass::text || ' IS ' "
            + "|| quote_literal(obj_description(c.oid, 'pg_constraint')), "
            + "(SELECT relname FROM pg_class WHERE oid = c.conrelid), (SELECT relname FROM pg_class WHERE oid = c.confrelid) "
            + "FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY(?::regclass[]) "
            + "ORDER BY array_position(?::regclass[], c.conrelid), c.conname";

    /**
     * Indexes of the loaded tables that can go: the owning constraint's definition if it has one, else the index's;
     * and whether something other than the foreign keys being dropped depends on the index or its constraint.
     */
    private static final String INDEXES_SQL = "SELECT i.indrelid::regclass::text, ic.relname, "
            + "quote_ident(n.nspname) || '.' || quote_ident(ic.relname), pg_get_indexdef(i.indexrelid), "
            + "quote_ident(con.conname), pg_get_constraintdef(con.oid), "
            + "CASE WHEN con.oid IS NOT NULL THEN 'COMMENT ON CONSTRAINT ' || quote_ident(con.conname) || ' ON ' "
            + "|| i.indrelid::regclass::text || ' IS ' || quote_literal(obj_description(con.oid, 'pg_constraint')) "
            + "ELSE 'COMMENT ON INDEX ' || quote_ident(n.nspname) || '.' || quote_ident(ic.relname) || ' IS ' "
            + "|| quote_literal(obj_description(i.indexrelid, 'pg_class')) END, "
            + "i.indisclustered OR i.indisreplident OR ic.reltablespace <> 0 OR EXISTS (SELECT 1 FROM pg_depend d "
            + "WHERE d.deptype = 'n' AND ((d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid) "
            + "OR (d.refclassid = 'pg_constraint'::regclass AND d.refobjid = con.oid)) "
            + "AND NOT (d.classid = 'pg_constraint'::regclass AND d.objid = ANY(?::oid[]))), "
            + "(SELECT relname FROM pg_class WHERE oid = i.indrelid) "
            + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace "
            + "LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
            + "AND con.contype IN ('p', 'u', 'x') "
            + "WHERE i.indrelid = ANY(?::regclass[]) ORDER BY array_position(?::regclass[], i.indrelid), "
            + "con.contype = 'p' DESC NULLS LAST, ic.relname";

    /** An index definition of pgvector's graph access methods. */
    private static final Pattern GRAPH_INDEX = Pattern.compile(
            " USING (hnsw|ivfflat) \\(");

    /**
     * Raises the transaction's {@code maintenance_work_mem} to twice the size of the table (the parameter), at most
     * 2 GB and never below what it is, and lowers {@code min_parallel_table_scan_size} to nothing; returns what both
     * were.
     */
    private static final String RAISE_MEMORY_SQL = "SELECT current_setting('maintenance_work_mem'), "
            + "current_setting('min_parallel_table_scan_size'), "
            + "set_config('maintenance_work_mem', (greatest(pg_size_bytes(current_setting('maintenance_work_mem')), "
            + "least(pg_table_size(?::regclass) * 2, 2147483648)) / 1024)::text || 'kB', true), "
            + "set_config('min_parallel_table_scan_size', '0', true)";

    /** What a rebuilt object checks when it comes back. */
    private enum Kind { INDEX, UNIQUE, FOREIGN_KEY }

    /**
     * One index or constraint taken away for the load, and how it comes back.
     *
     * @param table   the table, as the server names it in statements ({@code "User"})
     * @param name    the index's or constraint's name
     * @param drop    the statement that drops it; null for one this run's new schema has not created yet
     * @param create  the statement that creates it again, from its catalog definition (a new schema's: the DDL's)
     * @param comment the statement that puts its comment back, or null when it has none
     * @param parent  for a foreign key, the table it refers to; else null
     */
    private record Rebuilt(Kind kind, String table, String name, @Nullable String drop, String create,
                           @Nullable String comment, @Nullable String parent) {
    }

    /**
     * A foreign key taken away, between two tables by their own names: it may come back as soon as both are
     * {@linkplain #built built}.
     */
    private record Key(Rebuilt rebuilt, String child, String parent) {
    }

    /** Null when no table loads bare. */
    private final @Nullable Connection conn;
    /** Tables the run inserts new rows into, in write order. */
    private final List<String> candidates;
    /** Tables the run inserts shared rows into where missing (the blocks). */
    private final List<String> shared;
    /** Tables this role may not rebuild, and why. */
    private final Map<String, String> excluded;
    /**
     * Tables the run writes in more than one step: full only at commit, so no key of theirs comes back early (a
     * child's rows may refer to parent rows of a later step).
     */
    private final Set<String> writtenAgain;
    /** The new schema's indexes and keys not created yet: the bare tables' are built here, the rest at start. */
    private final PostData postData;
    private final Map<String, Path> paths = new LinkedHashMap<>();
    /** Per bulk-loaded table, its indexes and constraints to build again; emptied as they are. */
    private final Map<String, List<Rebuilt>> indexes = new LinkedHashMap<>();
    private final List<Rebuilt> foreignKeys = new ArrayList<>();
    /** Tables whose rows are all in and whose indexes are not built yet, in load order. */
    private final Set<String> loaded = new LinkedHashSet<>();
    /** Bare tables whose rows are all in and whose indexes are built: their keys to each other may come back. */
    private final Set<String> built = new LinkedHashSet<>();
    /** Foreign keys not back yet, with their tables; those whose tables are both built first. */
    private final List<Key> keysWaiting = new ArrayList<>();
    private final List<Key> keysReady = new ArrayList<>();
    private boolean started;
    /** Whether {@link #raiseJoinMemory} ran in this transaction. */
    private boolean joinMemoryRaised;

    private BulkLoad(@Nullable Connection conn, List<String> candidates, List<String> shared,
                     Map<String, String> excluded, Set<String> writtenAgain, PostData postData) {
        this.conn = conn;
        this.candidates = candidates;
        this.shared = shared;
        this.excluded = excluded;
        this.writtenAgain = writtenAgain;
        this.postData = postData;
    }

    /**
     * The bulk path for {@code tables} on {@code conn}; tables it may not use (of another owner, in a schema this
     * role may not create in, partitioned, or with a foreign key to a table this role may not refer to or lock) take
     * the indexed path, and all do when this role may not lock one of {@code shared} against writes.
     *
     * @param shared       the tables the run inserts rows into where missing, which a bulk load locks against writes
     * @param writtenAgain the tables the run inserts rows into in more than one step
     * @param postData     indexes and keys of a schema this run created and has not created yet, all on
     *                     {@code tables}: built after the rows for the tables that load bare, before them for the rest
     */
    static BulkLoad of(Connection conn, List<String> tables, List<String> shared, Set<String> writtenAgain,
                       PostData postData) throws SQLException {
        Map<String, String> excluded = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(TABLES_SQL)) {
            ps.setArray(1, conn.createArrayOf("text", tables.toArray()));
            Map<String, String> why = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    why.put(rs.getString(1), !rs.getBoolean(2) ? "partitioned" : !rs.getBoolean(3) ? "not owner"
                            : !rs.getBoolean(4) ? "no CREATE on its schema"
                            : !rs.getBoolean(5) ? "may not refer to its parents" : "");
                }
            }
            String unlockable = null;
            try (PreparedStatement check = conn.prepareStatement(UNLOCKABLE_SQL)) {
                check.setArray(1, conn.createArrayOf("text", shared.toArray()));
                try (ResultSet rs = check.executeQuery()) {
                    unlockable = rs.next() ? rs.getString(1) : null;
                }
            }
            for (String table : tables) {
                String reason = unlockable != null && why.getOrDefault(table, "").isEmpty()
                        ? "may not lock " + unlockable : why.getOrDefault(table, "");
                if (reason.isEmpty()) {
                    candidates.add(table);
                } else {
                    excluded.put(table, reason);
                }
            }
        }
        return new BulkLoad(conn, candidates, shared, excluded, Set.copyOf(writtenAgain), postData);
    }

    /** A load that keeps every index: each table takes the indexed path. */
    static BulkLoad none(List<String> tables) {
        Map<String, String> excluded = new LinkedHashMap<>();
        tables.forEach(table -> excluded.put(table, "asked"));
        return new BulkLoad(null, List.of(), List.of(), excluded, Set.of(), PostData.none());
    }

    /** What a person should know before the run: one line when this role may not rebuild some tables. */
    List<String> notes() {
        List<String> notOwned = excluded.entrySet().stream().filter(e -> e.getValue().equals("not owner"))
                .map(Map.Entry::getKey).toList();
        if (notOwned.isEmpty()) {
            return List.of();
        }
        return List.of("indexes stay in place while loading " + String.join(", ", notOwned)
                + ": only their owner may drop and rebuild them (slower, same rows)");
    }

    /**
     * How {@code table}'s rows went in: {@code bulk}, {@code bulk (kept an_index)} when something else depends on
     * one of its indexes, or {@code indexed (why)}; empty before {@link #start}.
     */
    String path(String table) {
        Path path = paths.get(table);
        return path == null ? "" : path.toString();
    }

    /** Whether {@link #start} has decided which tables load bare. */
    boolean started() {
        return started;
    }

    /** Whether {@code table} is loaded without its indexes and foreign keys. */
    boolean isBulk(String table) {
        Path path = paths.get(table);
        return path != null && path.bulk();
    }

    /**
     * Whether {@code table}'s rows go in frozen (COPY's {@code FREEZE}): it loads bare, and this transaction created
     * it, in a schema made from nothing. Its rows then need no hint bits and no freezing by a later vacuum, and its
     * pages are marked all-visible, so the scans that add its foreign keys back, and the platform's first reads, skip
     * a visibility check per row. The server freezes only into a table created (or emptied) by the transaction, and
     * fails the COPY otherwise: a table that was there keeps a plain COPY.
     */
    boolean freezes(String table) {
        return isBulk(table) && postData.created(table);
    }

    /**
     * Before the first new row: decides which tables load bare, takes every lock their load needs, and drops their
     * foreign keys and indexes. Runs once; later calls do nothing.
     */
    void start() throws SQLException {
        if (started) {
            return;
        }
        started = true;
        excluded.forEach((table, why) -> paths.put(table, Path.indexed(why)));
        if (candidates.isEmpty()) {
            createPostData(table -> false);
            return;
        }
        Savepoint savepoint = conn().setSavepoint();
        List<String> bare;
        try {
            bare = lockForBulk();
        } catch (SQLException e) {
            if (!"55P03".equals(e.getSQLState())) {
                throw e;
            }
            conn().rollback(savepoint);
            conn().releaseSavepoint(savepoint);
            LOG.info("indexes stay in place: another transaction is using the tables ({})",
                    Connections.firstLine(e.getMessage()));
            candidates.forEach(table -> paths.put(table, Path.indexed("in use")));
            createPostData(table -> false);
            return;
        }
        if (bare.isEmpty()) {
            // Nothing loads bare: let go of the bulk load's lock for another run.
            conn().rollback(savepoint);
        }
        conn().releaseSavepoint(savepoint);
        for (String table : candidates) {
            paths.put(table, bare.contains(table) ? Path.BULK : Path.indexed("held rows"));
        }
        // Before the catalog is read: what the other tables' new keys depend on is then kept, as for any key.
        createPostData(bare::contains);
        if (!bare.isEmpty()) {
            drop(bare);
        }
    }

    /** Creates the new schema's pending indexes and keys, except those of tables {@code later} claims. */
    private void createPostData(Predicate<String> later) throws SQLException {
        if (!postData.isEmpty()) {
            postData.createExcept(conn(), later);
        }
    }

    /**
     * Takes every lock the bulk load will need, each with {@code NOWAIT} (55P03 when another transaction holds it),
     * and returns the tables that load bare: the candidates that are empty, none when all hold rows.
     *
     * <ul>
     *   <li>the bulk load's advisory lock: one per database at a time;</li>
     *   <li>ACCESS EXCLUSIVE on each table loading bare: its indexes and keys are dropped;</li>
     *   <li>ACCESS EXCLUSIVE on each parent of their foreign keys outside them: dropping a key drops its triggers on
     *       the parent, and adding it back takes SHARE ROW EXCLUSIVE there;</li>
     *   <li>SHARE ROW EXCLUSIVE on the shared tables (the blocks): no other run then holds an uncommitted shared row
     *       this run's insert where missing would wait for.</li>
     * </ul>
     * Children outside the load keep their keys, and the parent the index they depend on: nothing is done to them.
     */
    private List<String> lockForBulk() throws SQLException {
        try (PreparedStatement ps = conn().prepareStatement("SELECT pg_try_advisory_xact_lock(" + DatabaseSession.LOCK_KEY
                + ")")) {
            ps.setString(1, BULK_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new SQLException("another run is loading tables bare", "55P03");
                }
            }
        }
        // Emptiness is asked under the locks: no other transaction's rows are then on their way in.
        Savepoint probe = conn().setSavepoint();
        lock(quoted(candidates), List.of());
        List<String> empty = emptyOf(candidates);
        // Let go of the tables holding rows: other writers (the platform itself) keep using them.
        conn().rollback(probe);
        if (empty.isEmpty()) {
            return empty;
        }
        Set<String> exclusive = new LinkedHashSet<>(quoted(empty));
        exclusive.addAll(parentsOutside(empty));
        lock(List.copyOf(exclusive), quoted(shared).stream().filter(t -> !exclusive.contains(t)).toList());
        if (emptyOf(empty).size() < empty.size()) {
            throw new SQLException("rows arrived while locking", "55P03");
        }
        return empty;
    }

    /**
     * Locks {@code exclusive} against everything and {@code writes} against writes (both quoted or qualified), at once
     * or fails (55P03).
     */
    private void lock(List<String> exclusive, List<String> writes) throws SQLException {
        try (Statement st = conn().createStatement()) {
            if (!exclusive.isEmpty()) {
                st.execute("LOCK TABLE " + String.join(", ", exclusive) + " IN ACCESS EXCLUSIVE MODE NOWAIT");
            }
            if (!writes.isEmpty()) {
                st.execute("LOCK TABLE " + String.join(", ", writes) + " IN SHARE ROW EXCLUSIVE MODE NOWAIT");
            }
        }
    }

    /** The tables of {@code tables} that hold no row, asked in one statement: a round trip per table added up. */
    private List<String> emptyOf(List<String> tables) throws SQLException {
        List<String> empty = new ArrayList<>();
        if (tables.isEmpty()) {
            return empty;
        }
        String sql = tables.stream().map(t -> "NOT EXISTS (SELECT FROM " + CopyText.quote(t) + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < tables.size(); i++) {
                if (rs.getBoolean(i + 1)) {
                    empty.add(tables.get(i));
                }
            }
        }
        return empty;
    }

    /** Parent tables (qualified) of foreign keys on {@code tables} that are not among them. */
    private List<String> parentsOutside(List<String> tables) throws SQLException {
        Set<String> parents = new LinkedHashSet<>();
        try (PreparedStatement ps = conn().prepareStatement("SELECT DISTINCT confrelid::regclass::text FROM "
                + "pg_constraint WHERE contype = 'f' AND conrelid = ANY(?::regclass[]) "
                + "AND NOT confrelid = ANY(?::regclass[])")) {
            Array regs = regclasses(tables);
            ps.setArray(1, regs);
            ps.setArray(2, regs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(parents);
    }

    /** Reads the foreign keys and indexes of {@code tables} from the catalog, then drops them: keys first. */
    private void drop(List<String> tables) throws SQLException {
        Array regs = regclasses(tables);
        List<Long> keyIds = new ArrayList<>();
        try (PreparedStatement ps = conn().prepareStatement(FOREIGN_KEYS_SQL)) {
            ps.setArray(1, regs);
            ps.setArray(2, regs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keyIds.add(rs.getLong(1));
                    String table = rs.getString(2);
                    Rebuilt key = new Rebuilt(Kind.FOREIGN_KEY, table, rs.getString(3),
                            "ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(3),
                            "ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(3) + " " + rs.getString(4),
                            rs.getString(6), rs.getString(5));
                    takeKey(key, rs.getString(7), rs.getString(8), tables);
                }
            }
        }
        Map<String, List<String>> kept = new LinkedHashMap<>();
        try (PreparedStatement ps = conn().prepareStatement(INDEXES_SQL)) {
            ps.setArray(1, conn().createArrayOf("oid", keyIds.toArray()));
            ps.setArray(2, regs);
            ps.setArray(3, regs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(8)) {
                        kept.computeIfAbsent(rs.getString(9), t -> new ArrayList<>()).add(rs.getString(2));
                        continue;
                    }
                    String table = rs.getString(1);
                    String constraint = rs.getString(5);
                    Kind kind = constraint != null || rs.getString(4).startsWith("CREATE UNIQUE") ? Kind.UNIQUE
                            : Kind.INDEX;
                    Rebuilt index = constraint == null
                            ? new Rebuilt(kind, table, rs.getString(2), "DROP INDEX " + rs.getString(3),
                                    rs.getString(4), rs.getString(7), null)
                            : new Rebuilt(kind, table, rs.getString(2), "ALTER TABLE " + table + " DROP CONSTRAINT "
                                    + constraint, "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " "
                                    + rs.getString(6), rs.getString(7), null);
                    indexes.computeIfAbsent(rs.getString(9), t -> new ArrayList<>()).add(index);
                }
            }
        }
        try (Statement st = conn().createStatement()) {
            for (Rebuilt key : foreignKeys) {
                st.execute(key.drop());
            }
            for (List<Rebuilt> list : indexes.values()) {
                for (Rebuilt index : list) {
                    st.execute(index.drop());
                }
            }
        }
        // The new schema's own, never created: built once, like those just dropped.
        for (PostData.Item item : postData.take()) {
            if (item.kind() == PostData.Kind.FOREIGN_KEY) {
                String parent = Objects.requireNonNull(item.parent());
                takeKey(new Rebuilt(Kind.FOREIGN_KEY, CopyText.quote(item.table()), CopyText.quote(item.name()), null,
                        item.create(), null, CopyText.quote(parent)), item.table(), parent, tables);
            } else {
                indexes.computeIfAbsent(item.table(), t -> new ArrayList<>()).add(new Rebuilt(
                        item.kind() == PostData.Kind.UNIQUE ? Kind.UNIQUE : Kind.INDEX, CopyText.quote(item.table()),
                        item.name(), null, item.create(), null, null));
            }
        }
        // An index something else depends on stays, and is maintained row by row: the path names it.
        kept.forEach((table, names) -> paths.put(table, new Path(true, "kept " + String.join(", ", names))));
        LOG.info("loading {} empty tables without their {} indexes and {} foreign keys; rebuilt before commit",
                tables.size(), indexes.values().stream().mapToInt(List::size).sum(), foreignKeys.size());
    }

    /**
     * Takes foreign key {@code key} of {@code child} to {@code parent} (own names) to build again. It may come back
     * before commit only between two tables of {@code loading}: a parent outside the load, or a table the run writes in
     * more than one step, waits for commit.
     */
    private void takeKey(Rebuilt key, String child, String parent, List<String> loading) {
        foreignKeys.add(key);
        if (loading.contains(parent) && !writtenAgain.contains(child) && !writtenAgain.contains(parent)) {
            keysWaiting.add(new Key(key, child, parent));
        }
    }

    /**
     * Marks {@code table}'s rows as all in: its indexes may be built from now on ({@link #backlog}), which either
     * writer's thread does while the next table's rows are being made.
     */
    void loaded(String table) {
        if (isBulk(table)) {
            loaded.add(table);
        }
    }

    /**
     * The work a writer's thread does whenever it has no rows to send: building the indexes of tables whose rows are
     * all in, and the keys between them, one statement at a time. A failure is the run's one line: what the rows
     * break ({@link #explain}), else the statement's error.
     */
    Backlog backlog() {
        return new Backlog() {
            @Override
            public boolean pending() {
                return !loaded.isEmpty() || !keysReady.isEmpty();
            }

            @Override
            public void work(BooleanSupplier keepGoing) {
                try {
                    buildLoaded(keepGoing);
                } catch (SQLException e) {
                    throw DatabaseSession.failure("rebuilding indexes", e);
                }
            }
        };
    }

    /**
     * Builds indexes of the tables whose rows are all in, oldest first, then the foreign keys between tables whose
     * indexes are built, one at a time for as long as {@code keepGoing} says (while the next table's rows are still
     * being made): those left wait for the next call or for {@link #finish}. A table written to again afterwards
     * keeps what is built up to date row by row, as an indexed table does: its rows go in with triggers on, so a key
     * already back checks each of them.
     *
     * <p>A key comes back early only between two bare tables of this load, both full and indexed: a parent outside
     * it (the blocks, inserted where missing just before commit) or still loading may lack rows its children need.
     */
    private void buildLoaded(BooleanSupplier keepGoing) throws SQLException {
        // In parallel as the server allows, although the generator wants a core meanwhile: serial builds here were
        // slower overall (scale 20, three runs each way: 16.5-17.8 s serial, 15.3-15.8 s parallel); the server's
        // work, not the generator's, is what the load waits for.
        for (Iterator<String> tables = loaded.iterator(); tables.hasNext(); ) {
            String table = tables.next();
            List<Rebuilt> pending = indexes.get(table);
            while (pending != null && !pending.isEmpty()) {
                if (!keepGoing.getAsBoolean()) {
                    return;
                }
                rebuild(List.of(pending.remove(0)));
            }
            indexes.remove(table);
            tables.remove();
            built(table);
        }
        while (!keysReady.isEmpty()) {
            if (!keepGoing.getAsBoolean()) {
                return;
            }
            Key key = keysReady.remove(0);
            foreignKeys.remove(key.rebuilt());
            rebuild(List.of(key.rebuilt()));
        }
    }

    /** Sets {@code name} for the rest of the transaction; returns what it was. */
    private String setLocal(String name, String value) throws SQLException {
        try (PreparedStatement ps = conn().prepareStatement("SELECT current_setting(?), set_config(?, ?, true)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setString(3, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** {@code table}'s indexes are all back: the keys between it and other built tables are ready to come back. */
    private void built(String table) {
        built.add(table);
        for (Iterator<Key> keys = keysWaiting.iterator(); keys.hasNext(); ) {
            Key key = keys.next();
            if (built.contains(key.child()) && built.contains(key.parent())) {
                keys.remove();
                keysReady.add(key);
            }
        }
    }

    /**
     * Before anything but a COPY touches {@code table} (an update joins on its key): builds its indexes again now.
     */
    void beforeUpdate(String table) throws SQLException {
        if (!isBulk(table)) {
            return;
        }
        List<Rebuilt> pending = indexes.remove(table);
        if (pending != null) {
            rebuild(pending);
            LOG.info("rebuilt {} indexes of {} before updating it", pending.size(), table);
        }
    }

    /**
     * Builds every index and foreign key taken away, from its catalog definition; a duplicate or a dangling key
     * fails the run with a line naming the table and the index or key.
     *
     * @throws TargetException when the rows break a unique index or a foreign key; the transaction must roll back
     */
    void finish() throws SQLException {
        // No table was inserted into (start never ran): the new schema's indexes and keys are still to be created.
        createPostData(table -> false);
        if (indexes.isEmpty() && foreignKeys.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int rebuilt = 0;
        int keys = foreignKeys.size();
        // The server's own maintenance_work_mem and parallel index builds, as pg_restore gets them: a larger sort
        // memory showed no gain on the benchmark, within its noise (graph indexes aside: buildInMemory).
        for (List<Rebuilt> list : indexes.values()) {
            rebuild(list);
            rebuilt += list.size();
        }
        indexes.clear();
        loaded.clear();
        rebuild(foreignKeys);
        foreignKeys.clear();
        keysWaiting.clear();
        keysReady.clear();
        LOG.info("rebuilt {} indexes and {} foreign keys before commit in {} ms", rebuilt, keys,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void rebuild(List<Rebuilt> objects) throws SQLException {
        try (Statement st = conn().createStatement()) {
            for (Rebuilt object : objects) {
                try {
                    long start = LoadTimings.on() ? System.nanoTime() : 0;
                    if (object.kind() == Kind.FOREIGN_KEY && !joinMemoryRaised) {
                        raiseJoinMemory(st);
                    }
                    if (GRAPH_INDEX.matcher(object.create()).find()) {
                        buildInMemory(st, object);
                    } else {
                        st.execute(object.create());
                    }
                    if (LoadTimings.on()) {
                        LoadTimings.rebuild(object.kind() == Kind.FOREIGN_KEY, object.table(), object.name(),
                                System.nanoTime() - start);
                    }
                } catch (SQLException e) {
                    throw explain(object, e);
                }
                if (object.comment() != null) {
                    st.execute(object.comment());
                }
            }
        }
    }

    /**
     * Builds a pgvector graph index (HNSW, IVFFlat) with the transaction's {@code maintenance_work_mem} raised to
     * twice its table's size (at most 2 GB, never lowered), then put back. pgvector builds such an index several
     * times faster while it fits in that memory ("hnsw graph no longer fits into maintenance_work_mem … building will
     * take significantly more time"), and a server's default 64 MB holds about 10 000 embeddings of 1 536 floats: the
     * store's embeddings at scale 100 took 11.4 s to build over the default and 4.6 s in memory. One backend takes
     * the memory only as the graph grows (a parallel build reserves it up front, below), and only for this statement.
     *
     * <p>And with the workers the server allows index builds: it sizes a build's workers by the table's heap, and
     * an embedding (6 kB) is stored out of line, so the heap of 3 591 embeddings at scale 20 is 4.5 MB of its 62 MB,
     * below {@code min_parallel_table_scan_size} (8 MB), and the graph was built by one backend. That threshold is
     * lowered to nothing for this statement, so {@code max_parallel_maintenance_workers} (or the table's own
     * {@code parallel_workers}) decides. Scale 20's graph, on an idle 2-core server: 1.12-1.18 s alone, 0.73-0.76 s
     * with its workers.
     *
     * <p>A parallel build keeps the whole graph in shared memory, reserved up front: as much as the raised
     * {@code maintenance_work_mem}, more than a container's {@code /dev/shm} often holds (Docker's default: 64 MB).
     * The server then fails the statement for want of memory or space; under a savepoint, the build is tried again
     * by one backend, which takes the memory as the graph grows.
     */
    private void buildInMemory(Statement st, Rebuilt object) throws SQLException {
        String memory;
        String scanSize;
        try (PreparedStatement raise = conn().prepareStatement(RAISE_MEMORY_SQL)) {
            raise.setString(1, object.table());
            try (ResultSet rs = raise.executeQuery()) {
                rs.next();
                memory = rs.getString(1);
                scanSize = rs.getString(2);
            }
        }
        st.execute("SAVEPOINT graph_index");
        try {
            st.execute(object.create());
        } catch (SQLException e) {
            if (!isOutOfSharedMemory(e)) {
                throw e;
            }
            st.execute("ROLLBACK TO SAVEPOINT graph_index");
            LOG.info("{}: the server has no shared memory for a parallel build ({}); built by one backend",
                    object.name(), e.getMessage());
            String allowed = setLocal("max_parallel_maintenance_workers", "0");
            st.execute(object.create());
            setLocal("max_parallel_maintenance_workers", allowed);
        }
        st.execute("RELEASE SAVEPOINT graph_index");
        setLocal("maintenance_work_mem", memory);
        setLocal("min_parallel_table_scan_size", scanSize);
    }

    /**
     * Whether {@code e} is the server failing to reserve a parallel build's shared memory: out of memory (53200) or
     * of space (53100, "could not resize shared memory segment … No space left on device").
     */
    static boolean isOutOfSharedMemory(SQLException e) {
        return "53200".equals(e.getSQLState()) || "53100".equals(e.getSQLState());
    }

    /**
     * A foreign key is validated with one anti-join of its table against the parent: with the server's default 4 MB
     * of {@code work_mem} the hash over millions of keys spills to disk in batches. Raised for the rest of the
     * transaction to 256 MB (never lowered), as the set-based checks of {@link ForeignKeyDeferral} raise it: the
     * largest keys at scale 100 validated about an eighth faster.
     */
    private void raiseJoinMemory(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT set_config('work_mem', (greatest(pg_size_bytes("
                + "current_setting('work_mem')), 268435456) / 1024)::text || 'kB', true)")) {
            rs.next();
        }
        joinMemoryRaised = true;
    }

    /** A rebuild that failed, as one line: a broken unique index or foreign key names the table and the object. */
    private static TargetException explain(Rebuilt object, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505") && object.kind() != Kind.FOREIGN_KEY) {
            return new TargetException("duplicate key in " + object.table() + ": unique index \"" + object.name()
                    + "\" cannot be built over the rows; nothing was written", List.of());
        }
        if (state.equals("23503") && object.kind() == Kind.FOREIGN_KEY) {
            return new TargetException("foreign key " + object.name() + " of " + object.table()
                    + " is violated: a row refers to a missing row of " + object.parent() + "; nothing was written",
                    List.of());
        }
        return DatabaseSession.failure("rebuilding " + object.name() + " of " + object.table(), e);
    }

    private Array regclasses(List<String> tables) throws SQLException {
        return conn().createArrayOf("text", tables.stream().map(CopyText::quote).toArray());
    }

    /**
     * The connection, for the work on tables loading bare: only {@link #none} leaves it null, and it has no
     * candidates, so {@link #start} returns before any statement and nothing is dropped or rebuilt.
     */
    private Connection conn() {
        return Objects.requireNonNull(conn, "a load that keeps every index runs no statement");
    }

    private static List<String> quoted(List<String> tables) {
        return tables.stream().map(CopyText::quote).toList();
    }
}
