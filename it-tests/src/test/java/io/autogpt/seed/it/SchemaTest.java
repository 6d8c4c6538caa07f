package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Reference;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** --create-schema builds exactly the reference schema; a target that lacks it is refused with a clear list. */
class SchemaTest {
    private static final String NOW = "2025-06-01T00:00:00Z";

    @Test
    void createdSchemaMatchesTheReferenceExactly() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            CliRun run = CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--users", "3", "--now", NOW);
            assertThat(run.exitCode()).as(run.all()).isZero();
            try (Connection c = db.connect("platform")) {
                assertThat(actualColumns(c)).isEqualTo(referenceColumns());
                assertThat(new TreeSet<>(Sql.strings(c, "SELECT conrelid::regclass::text || ',' || conname || ',' || "
                        + "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'platform'::regnamespace")))
                        .isEqualTo(Reference.rows("constraints.csv").stream()
                                .map(r -> "\"" + r.get("table_name") + "\"," + r.get("constraint_name") + ","
                                        + r.get("definition"))
                                .collect(Collectors.toCollection(TreeSet::new)));
                assertThat(new TreeSet<>(Sql.strings(c, "SELECT tablename || ',' || indexname || ',' || "
                        + "replace(indexdef, 'platform.', 'public.') FROM pg_indexes WHERE schemaname = 'platform'")))
                        .isEqualTo(Reference.rows("indexes.csv").stream()
                                .map(r -> r.get("table_name") + "," + r.get("index_name") + "," + r.get("definition"))
                                .collect(Collectors.toCollection(TreeSet::new)));
                assertThat(new TreeSet<>(Sql.strings(c, "SELECT t.typname || ',' || string_agg(e.enumlabel, ' ' ORDER BY "
                        + "e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = "
                        + "'platform'::regnamespace GROUP BY t.typname")))
                        .isEqualTo(Reference.rows("enums.csv").stream()
                                .map(r -> r.get("enum_type") + "," + r.get("labels"))
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
    }

    @Test
    void theRepositoryCopyOfTheReferenceIsCurrent() throws Exception {
        assertThat(Reference.shared().toRealPath()).isNotEqualTo(Reference.repositoryCopy().toRealPath());
        for (String file : List.of("columns.csv", "constraints.csv", "indexes.csv", "enums.csv")) {
            assertThat(Files.readString(Reference.repositoryCopy().resolve(file)))
                    .as(file + ": copy shared/reference into reference/ and rerun tools/generate_*.py")
                    .isEqualTo(Files.readString(Reference.shared().resolve(file)));
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
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1", "--now", NOW)
                    .exitCode()).isZero();
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
            assertThat(CliRun.of("seed", "--db", db.cliUrl("platform"), "--create-schema", "--users", "1", "--seed",
                    "1", "--now", NOW).exitCode()).isZero();
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
                + "WHERE table_schema = 'platform' AND table_name NOT LIKE 'refresh%'"));
    }

    private static TreeSet<String> referenceColumns() {
        List<Map<String, String>> rows = Reference.rows("columns.csv");
        return rows.stream().map(r -> r.get("table_name") + "," + r.get("column_name") + "," + r.get("type") + ","
                + r.get("is_nullable") + "," + r.get("column_default")).collect(Collectors.toCollection(TreeSet::new));
    }
}
