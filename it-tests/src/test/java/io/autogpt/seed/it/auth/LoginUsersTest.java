package io.autogpt.seed.it.auth;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedRunner;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.StandInGoTrue;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.LoginUsers;
import io.autogpt.seed.jpa.SchemaVersion;
import io.autogpt.seed.jpa.SeedTargets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seed --auth-users} on a database shaped like a Supabase project's: GoTrue's {@code auth} schema (from
 * reference/supabase-auth/) and the platform's trigger on {@code auth.users} that makes a "User" and a "Profile" for
 * every new account. Seeded accounts pass GoTrue's lookup and password check, leave no column GoTrue scans as a
 * string NULL, match "User" by id, end up with exactly the rows a seed without the trigger writes (superuser and a
 * role that cannot disable triggers alike), go away with --reset, and log in for {@code tokens --users-from-db}.
 */
class LoginUsersTest {
    private static final String PASSWORD = "seeded-users-pw-1";
    private static final String SCHEMA = "platform";
    /** The newest schema of a platform that logs in through Supabase Auth (today's uses Better Auth). */
    private static final String SUPABASE_ERA = "platform-upstream-2026";
    private static final String[] PLAN = {"--users", "12", "--seed", "31", "--now", Invariants.ANCHOR};
    /** Columns GoTrue reads into non-null Go strings or ints. */
    private static final String NON_NULL = "aud, role, confirmation_token, recovery_token, email_change_token_current, "
            + "email_change_token_new, email_change, phone_change_token, phone_change, reauthentication_token, "
            + "email_change_confirm_status, created_at, updated_at, instance_id";

    @TempDir
    Path dir;

    @Test
    void seededUsersGetAccountsGoTrueLogsIn() throws Exception {
        try (TestDatabase db = supabase()) {
            CliRun run = seed(db.cliUrl(SCHEMA), "--create-schema", "--schema-version", SUPABASE_ERA);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain("$2a$");
            try (Connection c = db.connect(SCHEMA)) {
                assertLoginsMatchUsers(c, 12);
                List<String> tables = Sql.strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = '"
                        + SCHEMA + "'");
                for (Invariants.Invariant invariant : Invariants.ALL) {
                    if (invariant.appliesTo(java.util.Set.copyOf(tables), PlatformRules.EARLY_2026)) {
                        assertThat(Sql.count(c, invariant.check())).as(invariant.name()).isZero();
                    }
                }
            }
            assertThat(seed(db.cliUrl(SCHEMA)).out()).contains("already seeded");

            // The load test's path: tokens for those users, logged in against their accounts.
            try (StandInGoTrue server = StandInGoTrue.start().withDatabase(() -> db.connect(SCHEMA))) {
                Map<String, String> env = new HashMap<>();
                env.put("SUPABASE_URL", server.url().toString());
                env.put("SUPABASE_SERVICE_KEY", StandInGoTrue.ANON_KEY);
                env.put("LOADTEST_PASSWORD", PASSWORD);
                Path out = dir.resolve("tokens.js");
                CliRun tokens = CliRun.with(env, "tokens", "--users-from-db", db.cliUrl(SCHEMA), "--count", "20",
                        "--out", out.toString());
                assertThat(tokens.exitCode()).as(tokens.all()).isZero();
                assertThat(tokens.all()).doesNotContain(PASSWORD);
                List<TokenFilesRead.Entry> entries = TokenFilesRead.data(out);
                try (Connection c = db.connect(SCHEMA)) {
                    List<String> ids = Sql.strings(c, "SELECT id FROM \"User\"");
                    assertThat(entries).hasSize(20).allSatisfy(e -> assertThat(ids).contains(e.userId()));
                    assertThat(entries).allMatch(e -> TokenFilesRead.validFor(e.token(), e.userId(),
                            StandInGoTrue.JWT_SECRET));
                }
                env.put("LOADTEST_PASSWORD", "wrong");
                CliRun wrong = CliRun.with(env, "tokens", "--users-from-db", db.cliUrl(SCHEMA), "--count", "1",
                        "--max-retries", "0", "--out", dir.resolve("wrong.js").toString());
                assertThat(wrong.exitCode()).isNotZero();
            }

            // A reset without --auth-users removes the accounts with the rest of the run, and writes none.
            CliRun reset = CliRun.of(concat(new String[] {"seed", "--db", db.cliUrl(SCHEMA), "--reset"},
                    PLAN));
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            try (Connection c = db.connect(SCHEMA)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM auth.users")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM auth.identities")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(12);
            }
        }
    }

    @Test
    void aRoleThatCannotDisableTriggersEndsWithTheSameRows() throws Exception {
        Map<String, String> asSuperuser;
        try (TestDatabase db = supabase()) {
            assertThat(seed(db.cliUrl(SCHEMA), "--create-schema", "--schema-version", SUPABASE_ERA).exitCode()).isZero();
            try (Connection c = db.connect(SCHEMA)) {
                asSuperuser = Sql.digests(c);
            }
        }
        try (TestDatabase db = supabase()) {
            String role = "seed_login_" + ProcessHandle.current().pid();
            try (Connection c = db.connect(SCHEMA); Statement st = c.createStatement()) {
                // The tables exist already (a migrated platform); the role owns them, not auth.users.
                assertThat(CliRun.of("seed", "--db", db.cliUrl(SCHEMA), "--create-schema", "--schema-version",
                        SUPABASE_ERA, "--users", "1", "--seed",
                        "999", "--now", Invariants.ANCHOR).exitCode()).isZero();
                st.execute("DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '"
                        + SCHEMA + "' AND tablename <> 'AgentBlock' LOOP EXECUTE format('TRUNCATE " + SCHEMA
                        + ".%I CASCADE', t); END LOOP; END $$");
                st.execute("DELETE FROM autogpt_seed.runs");
                st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " LOGIN PASSWORD 'role-pw'; END IF; END $$");
                st.execute("GRANT CREATE, CONNECT ON DATABASE " + db.url().database() + " TO " + role);
                st.execute("GRANT ALL ON SCHEMA " + SCHEMA + " TO " + role);
                for (String t : Sql.strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = '" + SCHEMA + "'")) {
                    st.execute("ALTER TABLE " + SCHEMA + ".\"" + t + "\" OWNER TO " + role);
                }
                st.execute("GRANT USAGE ON SCHEMA auth TO " + role);
                st.execute("GRANT SELECT, INSERT, DELETE ON auth.users, auth.identities TO " + role);
                st.execute("GRANT ALL ON SCHEMA autogpt_seed TO " + role);
                st.execute("GRANT ALL ON ALL TABLES IN SCHEMA autogpt_seed TO " + role);
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role
                        + "' AND NOT rolsuper")).isEqualTo(1);
            }
            io.autogpt.seed.jpa.DatabaseUrl u = db.url();
            String asRole = TestDatabase.cliForm(new io.autogpt.seed.jpa.DatabaseUrl(u.host(), u.port(), u.database(),
                    role, "role-pw", SCHEMA, u.options()));
            CliRun run = seed(asRole);
            assertThat(run.exitCode()).as(run.all()).isZero();
            try (Connection c = db.connect(SCHEMA)) {
                assertLoginsMatchUsers(c, 12);
                Map<String, String> digests = Sql.digests(c);
                for (String table : List.of("User", "Profile", "AgentGraph", "AgentNode", "AgentNodeLink")) {
                    assertThat(digests.get(table)).as(table).isEqualTo(asSuperuser.get(table));
                }
            }
        }
    }

    @Test
    void aTargetGivenLoginsRefusesARunWithoutTheirStepAndWritesNothing() throws Exception {
        try (TestDatabase db = supabase()) {
            String hash;
            try (Connection c = db.connect(SCHEMA)) {
                hash = Sql.strings(c, "SELECT public.crypt('" + PASSWORD + "', public.gen_salt('bf'))").get(0);
            }
            WriteDatasetPort port = SeedTargets.postgres(db.url().withSchema(SCHEMA), SeedTargets.Writer.COPY,
                    SchemaVersion.byId(SUPABASE_ERA).orElseThrow(), SeedTargets.Indexes.REBUILT_AFTER_LOAD,
                    new LoginUsers(hash));
            SeedPlan plan = SeedPlan.of(31, Instant.parse(Invariants.ANCHOR), ScaleProfile.original().withUsers(12));
            // The accounts go in before any table: a run that does not write them would leave users who cannot log in.
            assertThatThrownBy(() -> new SeedRunner(port, SeedProgress.NONE).run(plan, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("withLoginAccounts()");
            try (Connection c = db.connect(SCHEMA)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM auth.users")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM autogpt_seed.runs")).isZero();
            }
            new SeedRunner(port, SeedProgress.NONE).withLoginAccounts().run(plan, false);
            try (Connection c = db.connect(SCHEMA)) {
                assertLoginsMatchUsers(c, 12);
            }
        }
    }

    @Test
    void usersWhoSignUpDuringAdvanceGetAnAccountWithTheRunsPasswordAndLoseItWithAReset() throws Exception {
        try (TestDatabase db = supabase()) {
            CliRun run = seed(db.cliUrl(SCHEMA), "--create-schema", "--schema-version", SUPABASE_ERA);
            assertThat(run.exitCode()).as(run.all()).isZero();
            CliRun advanced = CliRun.of("advance", "--db", db.cliUrl(SCHEMA), "--seed", "31", "--days", "3",
                    "--sign-up-share", "0.5");
            assertThat(advanced.exitCode()).as(advanced.all()).isZero();
            assertThat(advanced.all()).doesNotContain("$2");
            try (Connection c = db.connect(SCHEMA)) {
                long users = Sql.count(c, "SELECT count(*) FROM \"User\"");
                assertThat(users).as("sign-ups on the three days").isGreaterThan(12);
                // The same accounts as the seeded users', the trigger's rows replaced by the sign-ups' own.
                assertLoginsMatchUsers(c, users);
            }
            CliRun reset = CliRun.of(concat(new String[] {"seed", "--db", db.cliUrl(SCHEMA), "--reset"}, PLAN));
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            try (Connection c = db.connect(SCHEMA)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM auth.users")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(12);
            }
        }
    }

    private static void assertLoginsMatchUsers(Connection c, long users) throws SQLException {
        assertThat(Sql.count(c, "SELECT count(*) FROM auth.users a JOIN \"User\" u ON u.id = a.id::text "
                + "AND u.email = a.email")).isEqualTo(users);
        assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(users);
        // GoTrue's lookup and password check.
        assertThat(Sql.count(c, "SELECT count(*) FROM auth.users WHERE instance_id = "
                + "'00000000-0000-0000-0000-000000000000' AND email = lower(email) AND aud = 'authenticated' "
                + "AND NOT is_sso_user AND email_confirmed_at IS NOT NULL AND banned_until IS NULL "
                + "AND encrypted_password = public.crypt('" + PASSWORD + "', encrypted_password)")).isEqualTo(users);
        assertThat(Sql.count(c, "SELECT count(*) FROM auth.users WHERE num_nulls(" + NON_NULL + ") > 0")).isZero();
        assertThat(Sql.count(c, "SELECT count(DISTINCT encrypted_password) FROM auth.users"))
                .as("one hash per run").isEqualTo(1);
        assertThat(Sql.count(c, "SELECT count(*) FROM auth.identities i JOIN auth.users a ON a.id = i.user_id "
                + "WHERE i.provider = 'email' AND i.provider_id = a.id::text AND i.identity_data ->> 'sub' = a.id::text "
                + "AND i.email = a.email")).isEqualTo(users);
        // The seeded profiles, not the trigger's (whose id is the user's and whose username is random).
        assertThat(Sql.count(c, "SELECT count(*) FROM \"Profile\" p WHERE p.id = p.\"userId\" "
                + "OR p.username !~ '-s[0-9]+n[0-9]+$'")).isZero();
        assertThat(Sql.count(c, "SELECT count(*) FROM \"Profile\"")).isEqualTo(users);
    }

    private static CliRun seed(String url, String... more) {
        Map<String, String> env = Map.of("LOADTEST_PASSWORD", PASSWORD);
        String[] args = concat(new String[] {"seed", "--db", url, "--auth-users"}, more);
        return CliRun.with(env, concat(args, PLAN));
    }

    /** A new database with GoTrue's auth schema, pgcrypto, and the platform's trigger on auth.users. */
    private static TestDatabase supabase() throws SQLException, IOException {
        TestDatabase db = TestDatabase.create(LoginUsersTest.class);
        try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
            st.execute(resource("supabase-auth.sql"));
            // --create-schema makes the platform's tables; the trigger must be in place before the first account.
            st.execute("CREATE SCHEMA " + SCHEMA);
            st.execute(resource("platform-auth-trigger.sql"));
        }
        return db;
    }

    /** A SQL file generated by tools/generate_auth_ddl.py. */
    private static String resource(String name) throws IOException {
        try (InputStream in = LoginUsersTest.class.getResourceAsStream("/io/autogpt/seed/it/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
