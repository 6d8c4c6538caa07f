package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Reference;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** --create-schema builds exactly the reference schema; a target that lacks it is refused with a clear list. */
class SchemaTest {
    private static final String NOW = "2025-06-01T00:00:00Z";

    static final List<String> VERSIONS = Reference.VERSIONS;

    /**
     * --create-schema --schema-version V builds exactly V: columns, constraints, indexes, enums, views, functions
     * and triggers. On a server without pgvector, everything but the objects that need it (and the run says so).
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("VERSIONS")
    void createdSchemaMatchesTheReferenceExactly(String version) throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            CliRun run = CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--schema-version",
                    version, "--users", "3", "--now", NOW);
            assertThat(run.exitCode()).as(run.all()).isZero();
            try (Connection c = db.connect("platform")) {
                boolean pgvector = Sql.count(c, "SELECT count(*) FROM pg_extension WHERE extname = 'vector'") > 0;
                Set<String> vectorTables = pgvector ? Set.of() : Reference.rows(version, "columns.csv").stream()
                        .filter(r -> r.get("type").equals("vector")).map(r -> r.get("table_name"))
                        .collect(Collectors.toSet());
                assertThat(run.out().lines().findFirst().orElseThrow()).contains("schema version " + (vectorTables
                        .isEmpty() ? version : "closest to " + version + " (1 difference)"));
                if (!vectorTables.isEmpty()) {
                    assertThat(run.err()).contains("info: pgvector is not installed on this server: "
                            + String.join(", ", vectorTables));
                }
                assertMatchesTheReference(c, version, vectorTables);
            }
        }
    }

    /**
     * Objects that belong to an extension are the extension's: pgvector's functions and types where the seeder
     * created it in the platform's schema (as the platform does), or any other extension a target keeps there, even
     * one that owns a table. The run leaves them alone and names none of them; the platform's own objects still
     * match the reference exactly.
     */
    @Test
    void anExtensionsObjectsInTheSchemaAreNotThePlatforms() throws Exception {
        String version = VERSIONS.get(VERSIONS.size() - 1);
        try (TestDatabase db = TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--users", "1", "--seed",
                    "1", "--now", NOW).exitCode()).isZero();
            try (Connection c = db.connect("platform"); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION citext SCHEMA platform");
                st.execute("CREATE EXTENSION hstore SCHEMA platform");
                st.execute("CREATE TABLE platform.citext_settings (id text PRIMARY KEY, value text NOT NULL)");
                st.execute("CREATE TYPE platform.citext_mode AS ENUM ('strict', 'loose')");
                st.execute("ALTER EXTENSION citext ADD TABLE platform.citext_settings");
                st.execute("ALTER EXTENSION citext ADD TYPE platform.citext_mode");
            }
            CliRun run = CliRun.of("seed", "--db", db.cliUrl("platform"), "--users", "2", "--seed", "2", "--now", NOW);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out().lines().findFirst().orElseThrow()).contains("schema version " + version)
                    .doesNotContain("closest");
            assertThat(run.all()).doesNotContain("citext").doesNotContain("hstore").doesNotContain("info: left");
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'platform'::regnamespace "
                        + "AND proname = 'hstore_to_json'")).as("hstore's functions are in the schema").isOne();
                assertMatchesTheReference(c, version, Set.of());
            }
        }
    }

    /** Not an object an extension owns: {@code oid} in catalog {@code catalog}. */
    private static String platformsOwn(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = "
                + oid + " AND d.deptype = 'e')";
    }

    /** The platform's objects in schema {@code platform} are exactly {@code version}'s, but for {@code leftOut}. */
    private static void assertMatchesTheReference(Connection c, String version, Set<String> leftOut)
            throws Exception {
        assertThat(actualColumns(c)).isEqualTo(referenceColumns(version, leftOut));
        assertThat(new TreeSet<>(Sql.strings(c, "SELECT conrelid::regclass::text || ',' || conname || ',' || "
                + "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'platform'::regnamespace AND "
                + platformsOwn("pg_class", "conrelid"))))
                .isEqualTo(Reference.rows(version, "constraints.csv").stream()
                        .filter(r -> !leftOut.contains(r.get("table_name")))
                        .map(r -> "\"" + r.get("table_name") + "\"," + r.get("constraint_name") + ","
                                + r.get("definition"))
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(new TreeSet<>(Sql.strings(c, "SELECT tablename || ',' || indexname || ',' || "
                + "replace(indexdef, 'platform.', 'public.') FROM pg_indexes WHERE schemaname = 'platform' AND "
                + platformsOwn("pg_class", "format('platform.%I', tablename)::regclass"))))
                .isEqualTo(Reference.rows(version, "indexes.csv").stream()
                        .filter(r -> !leftOut.contains(r.get("table_name")))
                        .map(r -> r.get("table_name") + "," + r.get("index_name") + "," + r.get("definition"))
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(new TreeSet<>(Sql.strings(c, "SELECT t.typname || ',' || string_agg(e.enumlabel, ' ' ORDER BY "
                + "e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = "
                + "'platform'::regnamespace AND " + platformsOwn("pg_type", "t.oid") + " GROUP BY t.typname")))
                .isEqualTo(Reference.rows(version, "enums.csv").stream()
                        .map(r -> r.get("enum_type") + "," + r.get("labels"))
                        .collect(Collectors.toCollection(TreeSet::new)));
        if (Files.exists(Reference.dir(version).resolve("triggers.csv"))) {
            // The platform's own triggers on its tables (one on Supabase's auth.users lives outside the schema).
            assertThat(new TreeSet<>(Sql.strings(c, "SELECT t.tgrelid::regclass::text || ',' || t.tgname FROM "
                    + "pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal AND r.relnamespace = "
                    + "'platform'::regnamespace")))
                    .isEqualTo(Reference.rows(version, "triggers.csv").stream()
                            .filter(r -> !r.get("on_table").startsWith("auth."))
                            .filter(r -> !leftOut.contains(r.get("on_table").replace("\"", "")))
                            .map(r -> r.get("on_table") + "," + r.get("trigger_name"))
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        if (Files.exists(Reference.dir(version).resolve("views-and-functions.csv"))) {
            assertThat(new TreeSet<>(Sql.strings(c, "SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE "
                    + "'materialized view' END || ',' || c.relname FROM pg_class c WHERE c.relnamespace = "
                    + "'platform'::regnamespace AND c.relkind IN ('v', 'm') AND " + platformsOwn("pg_class", "c.oid")
                    + " UNION ALL SELECT 'function,' || proname FROM pg_proc p WHERE pronamespace = "
                    + "'platform'::regnamespace AND " + platformsOwn("pg_proc", "p.oid"))))
                    .isEqualTo(Reference.rows(version, "views-and-functions.csv").stream()
                            .map(r -> r.get("kind") + "," + r.get("name"))
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void theRepositoryCopyOfTheReferenceIsCurrent() throws Exception {
        for (String version : VERSIONS) {
            assertThat(Reference.shared(version).toRealPath())
                    .isNotEqualTo(Reference.repositoryCopy().resolve(version).toRealPath());
            try (var files = Files.list(Reference.shared(version))) {
                // The shared root also holds other facts (the block catalogue): the original version is its CSVs.
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> !version.equals("original") || f.toString().endsWith(".csv")).toList()) {
                    assertThat(Files.readString(Reference.repositoryCopy().resolve(version).resolve(file.getFileName())))
                            .as(version + "/" + file.getFileName() + ": copy shared/reference into reference/"
                                    + version + "/ and rerun tools/generate_*.py")
                            .isEqualTo(Files.readString(file));
                }
            }
        }
    }

    /**
     * A schema newer than any the seeder knows: a new nullable column and a new table are left alone and named;
     * a new NOT NULL column without a default, and a column the seeder must write gone missing, stop the run before
     * anything is written, each named.
     */
    @Test
    void unknownDriftIsLeftAloneUnlessTheRowsCannotFit() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--users", "1", "--seed",
                    "1", "--now", NOW).exitCode()).isZero();
            try (Connection c = db.connect("platform"); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE \"User\" ADD COLUMN \"referralCode\" text");
                st.execute("ALTER TABLE \"LibraryAgent\" ADD COLUMN \"pinned\" boolean NOT NULL DEFAULT false");
                st.execute("CREATE TABLE \"UserMascot\" (id text PRIMARY KEY, \"userId\" text NOT NULL "
                        + "REFERENCES \"User\"(id))");
                st.execute("ALTER TYPE \"SubmissionStatus\" ADD VALUE 'ARCHIVED'");
            }
            CliRun run = CliRun.of("seed", "--db", db.cliUrl("platform"), "--users", "2", "--seed", "2", "--now", NOW);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out().lines().findFirst().orElseThrow()).contains("schema version closest to "
                    + VERSIONS.get(VERSIONS.size() - 1) + " (");
            assertThat(run.err()).contains("info: left empty, tables the seeder does not know: UserMascot")
                    .contains("info: left to their defaults, columns the seeder does not know: \"User\".\"referralCode\"")
                    .contains("\"LibraryAgent\".\"pinned\"");
            try (Connection c = db.connect("platform"); Statement st = c.createStatement()) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"UserMascot\"")).isZero();
                st.execute("ALTER TABLE \"User\" ADD COLUMN \"region\" text NOT NULL DEFAULT 'eu'");
                st.execute("ALTER TABLE \"User\" ALTER COLUMN \"region\" DROP DEFAULT");
                st.execute("ALTER TABLE \"UserWorkspaceFile\" DROP COLUMN \"storagePath\"");
            }
            long before;
            try (Connection c = db.connect("platform")) {
                before = Sql.count(c, "SELECT count(*) FROM \"User\"");
            }
            CliRun refused = CliRun.of("seed", "--db", db.cliUrl("platform"), "--users", "2", "--seed", "3", "--now",
                    NOW);
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.err().lines()).hasSize(1);
            assertThat(refused.err()).contains("column \"User\".\"region\" is NOT NULL without a default, and the "
                    + "seeder does not write it").contains("column \"UserWorkspaceFile\".\"storagePath\" is missing");
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(before);
            }
        }
    }

    /** A platform migrated before a table existed (2026-01 has no library folders) still seeds what it has. */
    @Test
    void anOlderPlatformWithoutTheNewerTablesIsSeededWithTheTablesItHas() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            CliRun run = CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--schema-version",
                    "platform-2026-01", "--users", "4", "--now", NOW);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).contains("info: left out, not in this schema: LibraryFolder, UserWorkspace, "
                    + "UserWorkspaceFile");
            assertThat(run.out()).doesNotContain("LibraryFolder");
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"LibraryAgent\"")).isPositive();
                assertThat(Sql.count(c, "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                        + "'platform' AND column_name IN ('folderId', 'subscriptionTier')")).isZero();
            }
            CliRun reset = CliRun.of("seed", "--db", db.cliUrl("platform"), "--reset", "--users", "4", "--now", NOW);
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            assertThat(reset.out()).startsWith("reseeded");
        }
    }

    @Test
    void missingTablesAreListedAndNothingIsWritten() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            CliRun run = CliRun.of("seed", "--db", db.cliUrl(null), "--now", NOW);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("error: schema \"public\" cannot take the seeded rows "
                    + "(--create-schema creates what is missing): table \"User\" is missing; table \"AgentBlock\" is missing;");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
            }
            CliRun noSchema = CliRun.of("seed", "--db", db.cliUrl("nowhere"), "--now", NOW);
            assertThat(noSchema.err()).isEqualTo("error: schema \"nowhere\" cannot take the seeded rows (--create-schema "
                    + "creates what is missing): schema \"nowhere\" does not exist\n");
        }
    }

    @Test
    void incompatibleColumnsAreListedOneByOne() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            // The original version: no views over the columns this test retypes.
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--schema-version", "original",
                    "--users", "1", "--now", NOW).exitCode()).isZero();
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE \"Profile\" ALTER COLUMN links TYPE text USING array_to_string(links, ',')");
                st.execute("ALTER TABLE \"User\" DROP COLUMN timezone");
                st.execute("ALTER TABLE \"User\" ADD COLUMN \"mustHave\" text NOT NULL DEFAULT 'x'");
                st.execute("ALTER TABLE \"User\" ALTER COLUMN \"mustHave\" DROP DEFAULT");
                st.execute("ALTER TABLE \"AgentGraph\" ALTER COLUMN description SET NOT NULL");
            }
            CliRun run = CliRun.of("seed", "--db", db.cliUrl(null), "--seed", "9", "--now", NOW);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("column \"User\".\"timezone\" is missing")
                    .contains("column \"User\".\"mustHave\" is NOT NULL without a default, and the seeder does not write it")
                    .contains("column \"Profile\".\"links\" is text, the seeder writes text[]")
                    .contains("column \"AgentGraph\".\"description\" is NOT NULL, the seeder may leave it null");
        }
    }

    @Test
    void aMigratedDatabaseIsSeededAsItIsAndItsStoreViewsRefreshed() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            // Stand-in for a platform migration: the reference schema, plus the refresh function the platform has.
            assertThat(CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--schema-version",
                    "original", "--users", "1", "--seed", "1", "--now", NOW).exitCode()).isZero();
            try (Connection c = db.connect("platform"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE refresh_log (at timestamptz DEFAULT now(), listings bigint)");
                st.execute("CREATE FUNCTION refresh_store_materialized_views() RETURNS void LANGUAGE sql AS "
                        + "$$ INSERT INTO refresh_log (listings) SELECT count(*) FROM \"StoreListing\" $$");
            }
            CliRun run = CliRun.of("seed", "--db", db.cliUrl("platform"), "--users", "10", "--seed", "2", "--now", NOW);
            assertThat(run.exitCode()).as(run.all()).isZero();
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM refresh_log")).isEqualTo(1);
                assertThat(Sql.count(c, "SELECT listings FROM refresh_log"))
                        .as("refreshed after the rows were in").isEqualTo(Sql.count(c, "SELECT count(*) FROM \"StoreListing\""));
            }
        }
    }

    private static TreeSet<String> actualColumns(Connection c) throws Exception {
        return new TreeSet<>(Sql.strings(c, "SELECT table_name || ',' || column_name || ',' || CASE data_type "
                + "WHEN 'USER-DEFINED' THEN udt_name WHEN 'ARRAY' THEN substr(udt_name, 2) || '[]' ELSE data_type END "
                + "|| ',' || is_nullable || ',' || coalesce(column_default, '') FROM information_schema.columns "
                + "WHERE table_schema = 'platform' AND table_name NOT LIKE 'refresh%' AND table_name IN (SELECT "
                + "table_name FROM information_schema.tables WHERE table_schema = 'platform' AND table_type = "
                + "'BASE TABLE') AND " + platformsOwn("pg_class", "format('platform.%I', table_name)::regclass")));
    }

    private static TreeSet<String> referenceColumns(String version, Set<String> leftOut) {
        List<Map<String, String>> rows = Reference.rows(version, "columns.csv");
        return rows.stream().filter(r -> !leftOut.contains(r.get("table_name")))
                .map(r -> r.get("table_name") + "," + r.get("column_name") + "," + r.get("type") + ","
                + r.get("is_nullable") + "," + r.get("column_default")).collect(Collectors.toCollection(TreeSet::new));
    }
}
