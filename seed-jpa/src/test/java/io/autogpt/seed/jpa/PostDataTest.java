package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.jpa.PostData.Item;
import io.autogpt.seed.jpa.PostData.Kind;
import org.junit.jupiter.api.Test;

/** Which DDL statements are post-data, and what each creates, as the schema scripts write them. */
class PostDataTest {
    @Test
    void indexesOfTablesAndViewsAreDeferred() {
        String unique = "CREATE UNIQUE INDEX IF NOT EXISTS \"User_email_key\" ON \"User\" USING btree (email)";
        assertThat(PostData.parse(unique)).isEqualTo(new Item(Kind.UNIQUE, "User", "User_email_key", unique, null));
        String view = "CREATE INDEX IF NOT EXISTS idx_mv_review_stats_count ON mv_review_stats USING btree "
                + "(review_count DESC)";
        assertThat(PostData.parse(view)).isEqualTo(new Item(Kind.INDEX, "mv_review_stats",
                "idx_mv_review_stats_count", view, null));
        String quoted = "CREATE INDEX \"a \"\"b\"\"\" ON ONLY \"odd \"\"name\"\"\" (x)";
        assertThat(PostData.parse(quoted)).isEqualTo(new Item(Kind.INDEX, "odd \"name\"", "a \"b\"", quoted, null));
    }

    @Test
    void constraintsBackedByAnIndexOrReferringAreDeferredWithoutTheirGuard() {
        String guard = "DO $guard$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '%s' AND "
                + "connamespace = current_schema()::regnamespace) THEN EXECUTE $ddl$%s$ddl$; END IF; END $guard$";
        String key = "ALTER TABLE \"APIKey\" ADD CONSTRAINT \"APIKey_userId_fkey\" FOREIGN KEY (\"userId\") "
                + "REFERENCES \"User\"(id) ON UPDATE CASCADE ON DELETE CASCADE";
        assertThat(PostData.parse(guard.formatted("APIKey_userId_fkey", key))).isEqualTo(
                new Item(Kind.FOREIGN_KEY, "APIKey", "APIKey_userId_fkey", key, "User"));
        String unique = "ALTER TABLE \"UserOnboarding\" ADD CONSTRAINT \"UserOnboarding_userId_key\" UNIQUE (\"userId\")";
        assertThat(PostData.parse(guard.formatted("UserOnboarding_userId_key", unique))).isEqualTo(
                new Item(Kind.UNIQUE, "UserOnboarding", "UserOnboarding_userId_key", unique, null));
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
