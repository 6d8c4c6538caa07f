package io.autogpt.seed.it;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.user.Profile;
import io.autogpt.seed.core.user.SubscriptionTier;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.jpa.SeedTargets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COPY writer, the JPA writer and the SQL file (loaded by psql) leave identical database contents. */
class WritersAgreeTest {
    private static final String[] PLAN = {"--users", "25", "--seed", "1234", "--now",
            "2025-06-01T00:00:00Z"};

    @org.junit.jupiter.params.ParameterizedTest(name = "JVM zone {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UTC", "America/New_York"})
    void copyJpaAndSqlFileLeaveIdenticalContents(String zone, @TempDir Path dir) throws Exception {
        // The writers must not depend on the JVM's zone: in one with daylight saving, a LocalDateTime sent through
        // java.sql.Timestamp moves out of the spring-forward gap.
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
        try {
            writersAgree(dir);
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    @Test
    void aTimeInADaylightSavingGapArrivesUnchangedThroughEveryWriter(@TempDir Path dir) throws Exception {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
        try {
            // 02:30 on 9 March 2025 does not exist in New York; as a UTC timestamp column it is an ordinary time.
            LocalDateTime gap = LocalDateTime.of(2025, 3, 9, 2, 30, 0, 123_456_000);
            SeedPlan plan = SeedPlan.of(78, Instant.parse("2025-03-09T02:30:00.123456Z"),
                    ScaleProfile.original().withUsers(1));
            User user = new User("gap-user", "gap@example.org", null, gap, gap, Json.EMPTY_OBJECT, "", null, null, 3,
                    true, true, true, true, true, true, true, true, true, "not-set", true, true,
                    SubscriptionTier.PRO, io.autogpt.seed.core.user.BriefingFrequency.WEEKLY, true, true, null, null, null,
                    null);
            throughEveryWriter(dir, plan, "2025-03-09T02:30:00Z", tx -> tx.write(User.TABLE, Stream.of(user)),
                    (writer, c) -> {
                        assertThat(Sql.strings(c, "SELECT \"createdAt\"::text FROM \"User\" WHERE id = 'gap-user'"))
                                .as(writer).containsExactly("2025-03-09 02:30:00.123456");
                        assertThat(Sql.strings(c, "SELECT anchor::text FROM autogpt_seed.runs WHERE seed = 5"))
                                .as(writer + ": the ledger's anchor").containsExactly("2025-03-09 02:30:00");
                    });
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    private void writersAgree(Path dir) throws Exception {
        try (TestDatabase copy = TestDatabase.create(getClass());
             TestDatabase jpa = TestDatabase.create(getClass());
             TestDatabase file = TestDatabase.create(getClass())) {
            seed(copy.cliUrl("platform"), "--writer", "copy");
            seed(jpa.cliUrl("platform"), "--writer", "jpa");
            Path sql = dir.resolve("seed.sql");
            CliRun written = CliRun.with(KEY, concat(new String[] {"seed", "--out", sql.toString(), "--schema",
                    "platform", "--create-schema"}, PLAN));
            assertThat(written.exitCode()).as(written.all()).isZero();
            assertThat(Files.list(dir)).containsExactly(sql);
            psql(file, sql);

            Map<String, String> expected = digests(copy);
            assertThat(expected.containsKey("UnifiedContentEmbedding")).as("the embeddings, where pgvector is")
                    .isEqualTo(serverOffersPgvector(copy));
            assertThat(expected.get("User")).isNotEqualTo(digests(jpa).get("AgentGraph"));
            assertThat(digests(jpa)).isEqualTo(expected);
            assertThat(digests(file)).isEqualTo(expected);
            try (Connection c = copy.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(25);
            }
            // The file, loaded by psql, is the catalogue publisher as a direct load is: the release is activated.
            try (Connection c = file.connect("platform")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"CatalogueState\" s JOIN \"CatalogueActivation\" a "
                        + "ON a.\"releaseId\" = s.\"activeReleaseId\"")).isEqualTo(1);
            }
        }
    }

    /**
     * Where pgvector cannot be had (here: a role that may not create the extension, as on a server without it), the
     * direct load and the file both leave the embeddings table out, say so, and agree on everything else.
     */
    @Test
    void withoutPgvectorTheFileAndADirectLoadAgreeToo(@TempDir Path dir) throws Exception {
        String role = "seed_novector_" + ProcessHandle.current().pid();
        TestDatabase.onServer("DROP ROLE IF EXISTS " + role);
        TestDatabase.onServer("CREATE ROLE " + role + " LOGIN PASSWORD 'novector-pw'");
        try (TestDatabase copy = TestDatabase.create(getClass()); TestDatabase file = TestDatabase.create(getClass())) {
            for (TestDatabase db : List.of(copy, file)) {
                TestDatabase.onServer("ALTER DATABASE " + db.url().database() + " OWNER TO " + role);
            }
            CliRun direct = CliRun.with(KEY, concat(new String[] {"seed", "--db", TestDatabase.cliForm(as(copy, role)
                    .withSchema("platform")), "--create-schema"}, PLAN));
            assertThat(direct.exitCode()).as(direct.all()).isZero();
            assertThat(direct.err()).contains(serverOffersPgvector(copy)
                    ? "info: pgvector is on this server, but this role may not create the extension"
                    : "info: pgvector is not installed on this server").contains("UnifiedContentEmbedding");
            Path sql = dir.resolve("seed.sql");
            CliRun written = CliRun.with(KEY, concat(new String[] {"seed", "--out", sql.toString(), "--schema",
                    "platform", "--create-schema"}, PLAN));
            assertThat(written.exitCode()).as(written.all()).isZero();
            psql(as(file, role), sql);

            Map<String, String> expected = digests(copy);
            assertThat(expected).doesNotContainKey("UnifiedContentEmbedding").containsKey("StoreListingVersion");
            assertThat(digests(file)).isEqualTo(expected);
        } finally {
            TestDatabase.onServer("DROP ROLE IF EXISTS " + role);
        }
    }

    private static io.autogpt.seed.jpa.DatabaseUrl as(TestDatabase db, String role) {
        return new io.autogpt.seed.jpa.DatabaseUrl(db.url().host(), db.url().port(), db.url().database(), role,
                "novector-pw", null, Map.of());
    }

    private static boolean serverOffersPgvector(TestDatabase db) throws Exception {
        try (Connection c = db.connect("public")) {
            return Sql.count(c, "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'") > 0;
        }
    }

    @Test
    void awkwardTextArrivesIntactThroughEveryWriter(@TempDir Path dir) throws Exception {
        String awkward = "tab\there, newline\nhere, CR\r, back\\slash \\N, quote\" ' , braces {} é ✓ 🚀";
        SeedPlan plan = SeedPlan.of(77, Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original().withUsers(1));
        LocalDateTime at = LocalDateTime.of(2025, 1, 1, 0, 0, 0, 123_456_000);
        User user = new User("awkward-user", "awkward@example.org", awkward, at, at, Json.obj("note", awkward), "",
                null, null, 3, true, true, true, true, true, true, true, true, true, "not-set", true, true,
                SubscriptionTier.BUSINESS, io.autogpt.seed.core.user.BriefingFrequency.WEEKLY, true, true, null, null, null, null);
        Profile profile = new Profile("awkward-profile", at, at, "awkward-user", awkward, "awkward-username", awkward,
                List.of(awkward, "plain", "", "NULL", "a,b"), null, false);
        List<String> seen = new java.util.ArrayList<>();
        throughEveryWriter(dir, plan, "2025-06-01T00:00:00Z", tx -> {
            tx.write(User.TABLE, Stream.of(user));
            tx.write(Profile.TABLE, Stream.of(profile));
        }, (writer, c) -> {
            assertThat(Sql.strings(c, "SELECT description FROM \"Profile\" WHERE id = 'awkward-profile'"))
                    .as(writer).containsExactly(awkward);
            assertThat(Sql.strings(c, "SELECT metadata ->> 'note' FROM \"User\" WHERE id = 'awkward-user'"))
                    .as(writer).containsExactly(awkward);
            seen.add(Sql.strings(c, "SELECT row_to_json(p)::text || row_to_json(u)::text FROM \"Profile\" p "
                    + "JOIN \"User\" u ON u.id = p.\"userId\" WHERE p.id = 'awkward-profile'").get(0));
        });
        assertThat(seen).hasSize(3).allMatch(seen.get(0)::equals);
        assertThat(seen.get(0)).contains("\"links\":[\"tab\\there");
    }

    /** What a test checks in a database one writer wrote into. */
    @FunctionalInterface
    private interface Check {
        void accept(String writer, Connection c) throws Exception;
    }

    /**
     * For each writer (COPY, JPA, and a SQL file loaded by psql): a fresh database seeded with one user at
     * {@code anchor} (so the schema and the ledger exist), then {@code write} in one transaction of {@code plan},
     * then {@code check} on what the database holds.
     */
    private void throughEveryWriter(Path dir, SeedPlan plan, String anchor,
                                    java.util.function.Consumer<DatasetTransaction> write, Check check) throws Exception {
        for (String writer : List.of("COPY", "JPA", "FILE")) {
            try (TestDatabase db = TestDatabase.create(getClass())) {
                assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1", "--seed", "5",
                        "--now", anchor).exitCode()).isZero();
                Path file = dir.resolve(writer + ".sql");
                WriteDatasetPort port = writer.equals("FILE") ? SeedTargets.sqlFile(file, "public", false)
                        : SeedTargets.postgres(db.url(), SeedTargets.Writer.valueOf(writer), false);
                try (DatasetTransaction tx = port.begin(plan)) {
                    write.accept(tx);
                    tx.commit();
                }
                if (writer.equals("FILE")) {
                    psql(db, file);
                }
                try (Connection c = db.connect("public")) {
                    check.accept(writer, c);
                }
            }
        }
    }

    /** The platform's key, so the tables it encrypts are written by every writer too. */
    private static final Map<String, String> KEY = Map.of("ENCRYPTION_KEY",
            io.autogpt.seed.it.support.Invariants.ENCRYPTION_KEY);

    private static void seed(String url, String... writer) {
        CliRun run = CliRun.with(KEY, concat(concat(new String[] {"seed", "--db", url, "--create-schema"}, writer),
                PLAN));
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    private static Map<String, String> digests(TestDatabase db) throws Exception {
        try (Connection c = db.connect("platform")) {
            return Sql.digests(c);
        }
    }

    static void psql(TestDatabase db, Path file) throws Exception {
        psql(db.url(), file);
    }

    static void psql(io.autogpt.seed.jpa.DatabaseUrl url, Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("psql", "-q", "-X", "-h", url.host(), "-p",
                Integer.toString(url.port()), "-U", url.user() == null ? "postgres" : url.user(),
                "-d", url.database(), "-f", file.toString()).redirectErrorStream(true);
        if (url.password() != null) {
            pb.environment().put("PGPASSWORD", url.password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("psql: " + output).isZero();
    }
}
