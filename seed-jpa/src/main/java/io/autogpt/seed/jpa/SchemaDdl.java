package io.autogpt.seed.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One known schema version's DDL ({@code schema/<version>.sql}, generated from the reference) and the objects it
 * creates, so a run can tell whether anything is missing before it takes a lock or runs a statement.
 *
 * <p>Objects that need pgvector (the embeddings table) are guarded: on a server without the extension they are
 * skipped, the rest is created, and the run says so.
 *
 * <p>Creating objects takes locks that last until commit ({@code CREATE INDEX} locks its table even when the index
 * exists), and concurrent creators of one schema deadlock or collide. So {@link #ensure} runs the DDL only when an
 * object is missing, under a session-level advisory lock: runs that find the schema complete take no lock at all
 * and load side by side; runs that arrive while another creates it wait for that run's end, look again, and find it
 * complete.
 */
final class SchemaDdl {
    private static final Map<SchemaVersion, SchemaDdl> CACHE = new EnumMap<>(SchemaVersion.class);
    private static final String PRESENT_SQL = "SELECT (SELECT count(DISTINCT relname) FROM pg_class WHERE relnamespace "
            + "= to_regnamespace(?) AND relname = ANY(?)) + (SELECT count(DISTINCT conname) FROM pg_constraint WHERE "
            + "connamespace = to_regnamespace(?) AND conname = ANY(?)) + (SELECT count(DISTINCT typname) FROM pg_type "
            + "WHERE typnamespace = to_regnamespace(?) AND typname = ANY(?)) + (SELECT count(DISTINCT proname) FROM "
            + "pg_proc WHERE pronamespace = to_regnamespace(?) AND proname = ANY(?)) + (SELECT count(DISTINCT tgname) "
            + "FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relnamespace = to_regnamespace(?) AND "
            + "tgname = ANY(?))";
    private static final List<String> KINDS = List.of("relation", "constraint", "type", "function", "trigger");
    /**
     * Makes pgvector's {@code vector} type resolvable in the current transaction, as far as the server and the role
     * allow: already on the search path; installed in another schema (Supabase keeps extensions in
     * {@code extensions}), which joins the search path until commit; or offered by the server, which creates it in the
     * current schema, as the platform's migrations do. A role that may not create it leaves the type missing and the
     * rest of the run goes on. The direct load and the SQL file run this same statement, so both create the same.
     */
    static final String VECTOR_PREP = vectorStatement("ELSIF EXISTS (SELECT 1 FROM pg_available_extensions WHERE "
            + "name = 'vector') THEN BEGIN CREATE EXTENSION IF NOT EXISTS vector; EXCEPTION WHEN "
            + "insufficient_privilege THEN NULL; END; ");
    /** {@link #VECTOR_PREP} without creating anything: joins an installed pgvector's schema to the search path. */
    private static final String VECTOR_JOIN = vectorStatement("");

    private static String vectorStatement(String otherwise) {
        return "DO $pgvector$ DECLARE home text; BEGIN IF to_regtype('vector') IS NULL THEN SELECT n.nspname INTO "
                + "home FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'vector' "
                + "ORDER BY n.nspname LIMIT 1; IF home IS NOT NULL THEN PERFORM set_config('search_path', "
                + "current_setting('search_path') || ', ' || quote_ident(home), true); " + otherwise
                + "END IF; END IF; END $pgvector$";
    }

    /** After {@link #VECTOR_PREP}: whether the type resolves, and whether the server offers the extension at all. */
    private static final String VECTOR_SQL = "SELECT to_regtype('vector') IS NOT NULL, EXISTS (SELECT 1 FROM "
            + "pg_available_extensions WHERE name = 'vector')";

    /** The schema the platform's own functions name when they pin their search path. */
    private static final String PLATFORM_SCHEMA = "platform";
    private static final java.util.regex.Pattern PINNED_SCHEMA = java.util.regex.Pattern.compile(
            "SET search_path TO ('pg_catalog', )?'platform'(, 'pg_temp')?");

    /** A function whose body the server parses when it is created. */
    private static final java.util.regex.Pattern SQL_FUNCTION = java.util.regex.Pattern.compile(
            "\\bLANGUAGE\\s+'?sql\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final String script;
    /** {@link #script} without {@link #postData}'s statements: the schema as a bare load wants it first. */
    private final String preScript;
    /** The indexes and index-backed constraints of the script, in its order: {@link PostData}. */
    private final List<PostData.Item> postData;
    /** kind → names, for the objects that need nothing; and for those that need pgvector. */
    private final Map<String, List<String>> plain;
    private final Map<String, List<String>> vector;
    private final List<String> vectorTables;

    private SchemaDdl(String text) {
        this.plain = objects();
        this.vector = objects();
        this.vectorTables = new ArrayList<>();
        this.postData = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        StringBuilder preScript = new StringBuilder();
        boolean inVector = false;
        String[] chunks = text.split("(?m)^(?=--@ )");
        String dependents = dependents(chunks);
        for (String chunk : chunks) {
            if (!chunk.startsWith("--@ ")) {
                continue; // the header comment
            }
            int eol = chunk.indexOf('\n');
            String[] marker = chunk.substring(4, eol < 0 ? chunk.length() : eol).trim().split(" ", 2);
            String sql = eol < 0 ? "" : chunk.substring(eol + 1).strip();
            if (marker[0].equals("section")) {
                inVector = marker[1].equals("vector");
                continue;
            }
            if (marker[0].equals("requires")) {
                // No object of its own (an extension other objects need, a row the migrations insert): it runs
                // with the script, which runs only when an object is missing.
                script.append(sql).append('\n');
                preScript.append(sql).append('\n');
                continue;
            }
            List<String> names = (inVector ? vector : plain).get(marker[0]);
            if (names == null) {
                throw new IllegalStateException("unknown object kind in the schema DDL: " + marker[0]);
            }
            names.add(marker[1]);
            if (inVector && marker[0].equals("relation") && sql.startsWith("CREATE TABLE")) {
                vectorTables.add(marker[1]);
            }
            if (sql.isEmpty() || sql.startsWith("--")) {
                continue;
            }
            if (inVector) {
                // Runs only where the type exists: a server without pgvector gets everything else.
                sql = "DO $vector$ BEGIN IF to_regtype('vector') IS NOT NULL THEN EXECUTE $stmt$"
                        + sql.replaceAll(";$", "") + "$stmt$; END IF; END $vector$;";
            }
            script.append(sql).append('\n');
            PostData.Item item = inVector ? null : PostData.parse(sql.replaceAll(";$", ""));
            PostData.Definition table = inVector || item != null ? null : PostData.Definition.parse(sql);
            if (item != null) {
                postData.add(item);
            } else if (table != null && !mentions(dependents, table.primaryKey().table())) {
                preScript.append(table.bare()).append('\n');
                postData.add(table.primaryKey());
            } else {
                preScript.append(sql).append('\n');
            }
        }
        this.script = script.toString();
        this.preScript = preScript.toString();
    }

    /**
     * The text of every view and SQL function of the DDL, whose queries the server checks when it creates them: a
     * table named there keeps its primary key in its own definition, since such a query may rely on it (a
     * {@code GROUP BY} of the key selects the table's other columns). PL/pgSQL bodies and triggers are checked only
     * when they run.
     */
    private static String dependents(String[] chunks) {
        StringBuilder text = new StringBuilder();
        for (String chunk : chunks) {
            if (chunk.contains(" VIEW ") || SQL_FUNCTION.matcher(chunk).find()) {
                text.append(chunk).append('\n');
            }
        }
        return text.toString();
    }

    /** Whether {@code text} names {@code table}, quoted or not (a false match only keeps a key where it was). */
    private static boolean mentions(String text, String table) {
        return text.contains('"' + table.replace("\"", "\"\"") + '"')
                || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(table) + "\\b").matcher(text)
                        .find();
    }

    private static Map<String, List<String>> objects() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        KINDS.forEach(k -> out.put(k, new ArrayList<>()));
        return out;
    }

    /** The DDL of {@code version}. */
    static synchronized SchemaDdl of(SchemaVersion version) {
        return CACHE.computeIfAbsent(version, v -> new SchemaDdl(read(v)));
    }

    /**
     * The whole DDL as one script for schema {@code schema} (which must be first on the search path): idempotent,
     * pgvector objects guarded. Functions that pin their search path to the platform's schema (today's catalogue
     * guards) pin {@code schema} instead, so a schema of another name works the same.
     */
    String script(String schema) {
        return pinned(script, schema);
    }

    private static String pinned(String script, String schema) {
        return schema.equals(PLATFORM_SCHEMA) ? script : PINNED_SCHEMA.matcher(script)
                .replaceAll("SET search_path TO $1" + java.util.regex.Matcher.quoteReplacement(
                        CopyText.literal(schema)) + "$2");
    }

    /**
     * What {@link #ensure} did.
     *
     * @param notes    for the run's report: what could not be created here; empty when everything is there
     * @param postData what it left for the caller to create before commit; empty unless asked to defer
     */
    record Ensured(List<String> notes, PostData postData) {
    }

    /**
     * Creates what is missing of the schema in {@code conn}'s open transaction; see the class comment for locks.
     * With {@code deferPostData}, a schema made from nothing comes without its indexes and index-backed constraints,
     * which the caller then owns ({@link PostData}); a schema partly there is completed whole.
     */
    Ensured ensure(Connection conn, String schema, String lockName, boolean deferPostData) throws SQLException {
        // A first look creates nothing, so runs that find the schema complete take no lock at all.
        VectorType found = vectorType(conn, schema, false);
        if (found != VectorType.NOT_ALLOWED && complete(conn, schema, found == VectorType.HERE)) {
            return new Ensured(notes(found), PostData.none());
        }
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_lock(" + DatabaseSession.LOCK_KEY
                + ")")) {
            // Session-level, held until the connection closes (after commit or rollback): a waiter's next look then
            // sees what this run created.
            lock.setString(1, lockName);
            lock.execute();
        }
        VectorType vectorType = vectorType(conn, schema, true);
        if (complete(conn, schema, vectorType == VectorType.HERE)) {
            try (PreparedStatement unlock = conn.prepareStatement("SELECT pg_advisory_unlock("
                    + DatabaseSession.LOCK_KEY + ")")) {
                unlock.setString(1, lockName);
                unlock.execute();
            }
            return new Ensured(notes(vectorType), PostData.none());
        }
        // Only a schema made from nothing defers: where some objects exist, the script's guards complete it.
        boolean defer = deferPostData && present(conn, schema, vectorType == VectorType.HERE) == 0;
        try (Statement st = conn.createStatement()) {
            st.execute("SET LOCAL client_min_messages = warning");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + CopyText.quote(schema));
            st.execute(defer ? pinned(preScript, schema) : script(schema));
        }
        if (!defer) {
            return new Ensured(notes(vectorType), PostData.none());
        }
        Set<String> created = new HashSet<>(plain.get("relation"));
        if (vectorType == VectorType.HERE) {
            created.addAll(vector.get("relation"));
        }
        return new Ensured(notes(vectorType), PostData.of(postData, created));
    }

    private List<String> notes(VectorType vectorType) {
        if (vectorType == VectorType.HERE || vectorTables.isEmpty()) {
            return List.of();
        }
        String tables = String.join(", ", vectorTables) + " (a vector(1536) column) not created";
        return List.of(vectorType == VectorType.NOT_ALLOWED
                ? "pgvector is on this server, but this role may not create the extension (a superuser can: CREATE "
                        + "EXTENSION vector): " + tables
                : "pgvector is not installed on this server: " + tables);
    }

    /**
     * Whether the {@code vector} type can be used in this run. Before anything is created, {@code NOT_ALLOWED} means
     * only that the server offers pgvector and it is not in use yet.
     */
    private enum VectorType { HERE, NOT_ALLOWED, NOT_ON_SERVER }

    /**
     * Makes the {@code vector} type resolvable where pgvector is installed; with {@code create}, also installs it
     * where the server offers it ({@link #VECTOR_PREP}). Only for versions that need it.
     */
    private VectorType vectorType(Connection conn, String schema, boolean create) throws SQLException {
        if (vectorTables.isEmpty()) {
            return VectorType.NOT_ON_SERVER;
        }
        try (Statement st = conn.createStatement()) {
            if (create) {
                // The extension goes into the schema being created: it must exist first. Only when missing: creating
                // a schema needs a right on the database that a role seeding its own schema may lack.
                try (ResultSet rs = st.executeQuery("SELECT to_regnamespace(" + CopyText.literal(CopyText.quote(
                        schema)) + ") IS NULL")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        st.execute("CREATE SCHEMA " + CopyText.quote(schema));
                    }
                }
            }
            st.execute(create ? VECTOR_PREP : VECTOR_JOIN);
            try (ResultSet rs = st.executeQuery(VECTOR_SQL)) {
                rs.next();
                return rs.getBoolean(1) ? VectorType.HERE
                        : rs.getBoolean(2) ? VectorType.NOT_ALLOWED : VectorType.NOT_ON_SERVER;
            }
        }
    }

    /** The statement that readies pgvector for this version's DDL, for a SQL file; empty when it needs none. */
    String vectorPrep() {
        return vectorTables.isEmpty() ? "" : VECTOR_PREP + ";";
    }

    /** Whether every object of the DDL exists in {@code schema} (the pgvector ones only when pgvector is there). */
    boolean complete(Connection conn, String schema, boolean vectorHere) throws SQLException {
        long expected = 0;
        for (String kind : KINDS) {
            expected += names(kind, vectorHere).size();
        }
        return present(conn, schema, vectorHere) == expected;
    }

    /** How many of the DDL's objects exist in {@code schema} (the pgvector ones counted only when pgvector is there). */
    private long present(Connection conn, String schema, boolean vectorHere) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(PRESENT_SQL)) {
            String quoted = CopyText.quote(schema);
            int i = 1;
            for (String kind : KINDS) {
                ps.setString(i++, quoted);
                ps.setArray(i++, conn.createArrayOf("text", names(kind, vectorHere).toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The DDL's objects of one kind, each once. */
    private List<String> names(String kind, boolean vectorHere) {
        List<String> names = new ArrayList<>(plain.get(kind));
        if (vectorHere) {
            names.addAll(vector.get(kind));
        }
        return names.stream().distinct().toList();
    }

    private static String read(SchemaVersion version) {
        String resource = "/io/autogpt/seed/jpa/schema/" + version.id() + ".sql";
        try (InputStream in = SchemaDdl.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
