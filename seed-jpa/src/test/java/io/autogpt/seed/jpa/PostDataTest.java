package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.jpa.PostData.Item;
import io.autogpt.seed.jpa.PostData.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which DDL statements are post-data and what each creates, as the schema scripts write them; and, on a real server,
 * that a schema created without them gets each exactly once, where and when it is asked for.
 */
class PostDataTest {
    @Test
    void aNewSchemaComesWithoutItsIndexesAndKeysAndGetsEachOnceWhereAskedFor() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("seed_post_data_test"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            SchemaDdl ddl = SchemaDdl.of(SchemaVersion.newest());
            // The extensions where Supabase keeps them, outside both schemas: each schema's DDL then finds only its
            // own objects on the search path.
            st.execute("CREATE SCHEMA extensions");
            st.execute("CREATE EXTENSION pg_trgm SCHEMA extensions");
            st.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN "
                    + "CREATE EXTENSION vector SCHEMA extensions; END IF; END $$");
            st.execute("SET search_path TO whole, public, extensions");
            assertThat(ddl.ensure(c, "whole", "test/whole", false).postData().isEmpty()).isTrue();
            st.execute("SET search_path TO deferred, public, extensions");
            PostData deferred = ddl.ensure(c, "deferred", "test/deferred", true).postData();

            List<String> before = catalog(c, "deferred");
            // pgvector's table is made whole where the type exists (the DDL guards it): the bulk load rebuilds it.
            assertThat(before).as("checks, and primary keys a view may rely on, only").allMatch(line ->
                    line.contains("PRIMARY KEY") || line.contains("CHECK") || line.contains("_pkey")
                            || line.contains("UnifiedContentEmbedding"))
                    // The store's views group by it and select its other columns: created with its table.
                    .anyMatch(line -> line.startsWith("constraint Organization_pkey:"))
                    // Named by no view: added after the rows, as pg_dump's post-data adds it.
                    .noneMatch(line -> line.startsWith("constraint APIKey_pkey:"))
                    .noneMatch(line -> line.startsWith("index APIKey_pkey:"));

            // Every table's but two: their keys to "Organization" need only its primary key, those to
            // "Profile"("userId") its unique index, which comes now; the rest of both waits.
            deferred.createExcept(c, table -> table.equals("Organization") || table.equals("Profile"));
            List<String> partly = catalog(c, "deferred");
            assertThat(partly).anyMatch(line -> line.startsWith("index Profile_userId_key:"))
                    .anyMatch(line -> line.contains("REFERENCES \"Profile\"(\"userId\")"))
                    .anyMatch(line -> line.contains("REFERENCES \"Organization\"(id)"))
                    .noneMatch(line -> line.startsWith("index Organization_slug_key:"))
                    .noneMatch(line -> line.startsWith("constraint Organization_") && line.contains("FOREIGN KEY"));

            deferred.createExcept(c, table -> false);
            assertThat(deferred.isEmpty()).isTrue();
            assertThat(catalog(c, "deferred")).isEqualTo(catalog(c, "whole")).hasSizeGreaterThan(400);
            c.rollback();
        }
    }

    @Test
    void aStatementThatFailsAmongTheEarlyOnesIsTheOneNamed() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("seed_post_data_test"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE a (id text NOT NULL)");
            st.execute("CREATE TABLE b (id text NOT NULL)");
            st.execute("INSERT INTO b VALUES ('x'), ('x')");
            PostData postData = PostData.of(List.of(
                    new Item(Kind.UNIQUE, "a", "a_pkey", "ALTER TABLE a ADD CONSTRAINT a_pkey PRIMARY KEY (id)", null,
                            "id"),
                    new Item(Kind.UNIQUE, "b", "b_pkey", "ALTER TABLE b ADD CONSTRAINT b_pkey PRIMARY KEY (id)", null,
                            "id"),
                    new Item(Kind.INDEX, "a", "a_id_idx", "CREATE INDEX a_id_idx ON a (id)", null, null)),
                    Set.of("a", "b"));
            assertThatThrownBy(() -> postData.createExcept(c, table -> false))
                    .isInstanceOf(TargetException.class).hasMessageContaining("b_pkey of b")
                    .hasMessageNotContaining("a_pkey");
            c.rollback();
        }
    }

    /** Every index and constraint of {@code schema} with its definition, the schema's name left out, sorted. */
    private static List<String> catalog(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 'index ' || x.relname || ': ' || "
                + "pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid "
                + "WHERE x.relnamespace = ?::regnamespace UNION ALL SELECT 'constraint ' || conname || ': ' || "
                + "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = ?::regnamespace ORDER BY 1")) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).replace("whole.", "").replace("deferred.", "").replace("extensions.", ""));
                }
            }
        }
        return out;
    }

    @Test
    void indexesOfTablesAndViewsAreDeferred() {
        String unique = "CREATE UNIQUE INDEX IF NOT EXISTS \"User_email_key\" ON \"User\" USING btree (email)";
        assertThat(PostData.parse(unique)).isEqualTo(new Item(Kind.UNIQUE, "User", "User_email_key", unique, null,
                "email"));
        String view = "CREATE INDEX IF NOT EXISTS idx_mv_review_stats_count ON mv_review_stats USING btree "
                + "(review_count DESC)";
        assertThat(PostData.parse(view)).isEqualTo(new Item(Kind.INDEX, "mv_review_stats",
                "idx_mv_review_stats_count", view, null, null));
        String quoted = "CREATE INDEX \"a \"\"b\"\"\" ON ONLY \"odd \"\"name\"\"\" (x)";
        assertThat(PostData.parse(quoted)).isEqualTo(new Item(Kind.INDEX, "odd \"name\"", "a \"b\"", quoted, null,
                null));
        String partial = "CREATE UNIQUE INDEX \"Org_one\" ON \"Org\" USING btree (\"userId\") WHERE \"isPersonal\"";
        assertThat(PostData.parse(partial).key()).as("a partial index backs no key").isNull();
        String pair = "CREATE UNIQUE INDEX \"T_a_b_key\" ON \"T\" USING btree (a, \"B\")";
        assertThat(PostData.parse(pair).key()).isEqualTo("a,B");
    }

    @Test
    void constraintsBackedByAnIndexOrReferringAreDeferredWithoutTheirGuard() {
        String guard = "DO $guard$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '%s' AND "
                + "connamespace = current_schema()::regnamespace) THEN EXECUTE $ddl$%s$ddl$; END IF; END $guard$";
        String key = "ALTER TABLE \"APIKey\" ADD CONSTRAINT \"APIKey_userId_fkey\" FOREIGN KEY (\"userId\") "
                + "REFERENCES \"User\"(id) ON UPDATE CASCADE ON DELETE CASCADE";
        assertThat(PostData.parse(guard.formatted("APIKey_userId_fkey", key))).isEqualTo(
                new Item(Kind.FOREIGN_KEY, "APIKey", "APIKey_userId_fkey", key, "User", "id"));
        String unique = "ALTER TABLE \"UserOnboarding\" ADD CONSTRAINT \"UserOnboarding_userId_key\" UNIQUE (\"userId\")";
        assertThat(PostData.parse(guard.formatted("UserOnboarding_userId_key", unique))).isEqualTo(
                new Item(Kind.UNIQUE, "UserOnboarding", "UserOnboarding_userId_key", unique, null, "userId"));
    }

    @Test
    void aTablesPrimaryKeyIsAnItemOfItsOwnWhenItHasALineOfItsOwn() {
        String table = "CREATE TABLE IF NOT EXISTS \"Pair\" (\n  \"a\" text NOT NULL,\n  b integer NOT NULL,\n"
                + "  CONSTRAINT \"Pair_pkey\" PRIMARY KEY (a, b)\n);";
        PostData.Definition definition = PostData.Definition.parse(table);
        assertThat(definition.bare()).isEqualTo("CREATE TABLE IF NOT EXISTS \"Pair\" (\n  \"a\" text NOT NULL,\n"
                + "  b integer NOT NULL\n);");
        assertThat(definition.primaryKey()).isEqualTo(new Item(Kind.UNIQUE, "Pair", "Pair_pkey",
                "ALTER TABLE \"Pair\" ADD CONSTRAINT \"Pair_pkey\" PRIMARY KEY (a, b)", null, "a,b"));
        PostData.Definition checked = PostData.Definition.parse("CREATE TABLE IF NOT EXISTS \"T\" (\n"
                + "  id text NOT NULL,\n  CONSTRAINT \"T_pkey\" PRIMARY KEY (id),\n"
                + "  CONSTRAINT \"T_check\" CHECK ((id <> ''))\n);");
        assertThat(checked.bare()).as("a key before other constraints goes with its own comma")
                .isEqualTo("CREATE TABLE IF NOT EXISTS \"T\" (\n  id text NOT NULL,\n"
                        + "  CONSTRAINT \"T_check\" CHECK ((id <> ''))\n);");
        assertThat(checked.primaryKey().create()).isEqualTo("ALTER TABLE \"T\" ADD CONSTRAINT \"T_pkey\" PRIMARY KEY (id)");
        String odd = "CREATE TABLE \"odd \"\"name\"\"\" (\n  \"a b\" text NOT NULL,\n"
                + "  CONSTRAINT \"odd \"\"pk\"\"\" PRIMARY KEY (\"a b\")\n)";
        assertThat(PostData.Definition.parse(odd).primaryKey()).isEqualTo(new Item(Kind.UNIQUE, "odd \"name\"",
                "odd \"pk\"", "ALTER TABLE \"odd \"\"name\"\"\" ADD CONSTRAINT \"odd \"\"pk\"\"\" PRIMARY KEY (\"a b\")",
                null, "a b"));
        assertThat(PostData.Definition.parse("CREATE TABLE IF NOT EXISTS \"T\" (\n  id text PRIMARY KEY\n);"))
                .as("a key written in a column's definition stays there").isNull();
        assertThat(PostData.Definition.parse("CREATE TABLE IF NOT EXISTS \"T\" (\n  id text NOT NULL\n);")).isNull();
    }

    @Test
    void everythingElseIsCreatedWithTheTables() {
        assertThat(PostData.parse("CREATE TABLE IF NOT EXISTS \"User\" (id text NOT NULL)")).isNull();
        assertThat(PostData.parse("DO $guard$ BEGIN IF NOT EXISTS (SELECT 1) THEN EXECUTE $ddl$ALTER TABLE \"T\" "
                + "ADD CONSTRAINT \"T_check\" CHECK ((x > 0))$ddl$; END IF; END $guard$")).isNull();
        assertThat(PostData.parse("CREATE TRIGGER t AFTER INSERT ON \"User\" FOR EACH ROW EXECUTE FUNCTION f()"))
                .isNull();
    }
}
