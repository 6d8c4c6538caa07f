package io.autogpt.seed.it.auth;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.autogpt.seed.it.support.BetterAuthServer;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Invariants;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code seed --auth-users} on today's platform ({@code platform-2026-09}, whose logins are Better Auth's), checked
 * against the real thing: {@code ../shared/better-auth/}, a Better Auth server configured as the platform's frontend
 * configures it, on the database the seeder made. Every seeded user signs in with the run's password, a wrong one is
 * refused, the token the server then issues names the user (and the admins as admins), and a reset leaves no
 * identity behind. Also: a target with Supabase Auth and Better Auth gets both, and one with neither is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BetterAuthLoginTest {
    private static final String PASSWORD = "seeded-users-pw-ba-1";
    private static final String SCHEMA = "platform";
    private static final String TODAY = "platform-2026-09";
    private static final int USERS = 12;
    private static final String[] PLAN = {"--users", Integer.toString(USERS), "--seed", "37", "--now",
        Invariants.ANCHOR};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestDatabase db;
    private static BetterAuthServer server;
    private static CliRun seeded;

    @BeforeAll
    static void seedAndStartTheServer() throws Exception {
        db = TestDatabase.create(BetterAuthLoginTest.class);
        db.installVector();
        seeded = seed(db.cliUrl(SCHEMA), "--create-schema", "--schema-version", TODAY, "--admin-share", "0.5");
        assertThat(seeded.exitCode()).as(seeded.all()).isZero();
        server = BetterAuthServer.start(TestDatabase.cliForm(db.url()), SCHEMA);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everySeededUserSignsInAndGetsATokenNamingThem() throws Exception {
        assertThat(seeded.out()).contains("Better Auth").doesNotContain("Supabase Auth");
        assertThat(seeded.all()).doesNotContain(PASSWORD).doesNotContain("$2a$");
        Map<String, String> roles;
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthIdentity\" i JOIN \"User\" u ON u.id = i.id "
                    + "AND u.email = i.email WHERE i.\"emailVerified\"")).isEqualTo(USERS);
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthAccount\" a JOIN \"UserAuthIdentity\" i "
                    + "ON a.\"userId\" = i.id AND a.\"accountId\" = i.id WHERE a.\"providerId\" = 'credential' "
                    + "AND a.password LIKE '$2_$10$%'")).isEqualTo(USERS);
            assertThat(Sql.count(c, "SELECT count(DISTINCT password) FROM \"UserAuthAccount\""))
                    .as("one hash per run").isEqualTo(1);
            roles = Sql.strings(c, "SELECT email || ' ' || role FROM \"UserAuthIdentity\"").stream()
                    .map(s -> s.split(" ")).collect(Collectors.toMap(s -> s[0], s -> s[1]));
        }
        assertThat(roles.values()).contains("admin", "user").allMatch(r -> r.equals("admin") || r.equals("user"));

        JWKSet jwks = JWKSet.parse(get("/api/auth/jwks", null).body());
        int signedIn = 0;
        try (Connection c = db.connect(SCHEMA)) {
            for (String line : Sql.strings(c, "SELECT id || ' ' || email FROM \"User\" ORDER BY id")) {
                String id = line.split(" ")[0];
                String email = line.split(" ")[1];
                HttpResponse<String> in = signIn(email, PASSWORD);
                assertThat(in.statusCode()).as(email + ": " + in.body()).isEqualTo(200);
                signedIn++;
                HttpResponse<String> token = get("/api/auth/token", cookies(in));
                assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
                SignedJWT jwt = SignedJWT.parse(JSON.readTree(token.body()).get("token").asText());
                // As the platform's backend checks it: ES256 against the JWKS, audience, sub.
                assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
                assertThat(jwt.verify(new ECDSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey())))
                        .isTrue();
                assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("authenticated");
                assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(id);
                assertThat(jwt.getJWTClaimsSet().getStringClaim("role"))
                        .isEqualTo(roles.get(email).equals("admin") ? "admin" : "authenticated");
            }
        }
        assertThat(signedIn).isEqualTo(USERS);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        String email;
        try (Connection c = db.connect(SCHEMA)) {
            email = Sql.strings(c, "SELECT email FROM \"User\" ORDER BY id LIMIT 1").get(0);
        }
        assertThat(signIn(email, PASSWORD + "x").statusCode()).isEqualTo(401);
        assertThat(signIn("nobody@example.com", PASSWORD).statusCode()).isEqualTo(401);
    }

    /** After the others (it adds users), before the reset, which must then take their logins too. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void usersWhoSignedUpDuringAdvanceSignInWithTheRunsPassword() throws Exception {
        CliRun advanced = CliRun.of("advance", "--db", db.cliUrl(SCHEMA), "--seed", "37", "--days", "2",
                "--sign-up-share", "0.5");
        assertThat(advanced.exitCode()).as(advanced.all()).isZero();
        int signedIn = 0;
        try (Connection c = db.connect(SCHEMA)) {
            for (String line : Sql.strings(c, "SELECT id || ' ' || email FROM \"User\" "
                    + "WHERE \"createdAt\" >= '2025-06-01' ORDER BY id")) {
                String id = line.split(" ")[0];
                String email = line.split(" ")[1];
                HttpResponse<String> in = signIn(email, PASSWORD);
                assertThat(in.statusCode()).as(email + ": " + in.body()).isEqualTo(200);
                HttpResponse<String> token = get("/api/auth/token", cookies(in));
                assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
                SignedJWT jwt = SignedJWT.parse(JSON.readTree(token.body()).get("token").asText());
                assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(id);
                assertThat(signIn(email, PASSWORD + "x").statusCode()).isEqualTo(401);
                signedIn++;
            }
        }
        assertThat(signedIn).as("users who signed up on the two days").isPositive();
    }

    /** Last: it resets the database the others sign in to. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aResetLeavesNoIdentityAndNoLogin() throws Exception {
        String email;
        try (Connection c = db.connect(SCHEMA)) {
            email = Sql.strings(c, "SELECT email FROM \"User\" ORDER BY id LIMIT 1").get(0);
        }
        CliRun reset = CliRun.of(concat(new String[] {"seed", "--db", db.cliUrl(SCHEMA), "--reset"}, PLAN));
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        try (Connection c = db.connect(SCHEMA)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthIdentity\"")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthAccount\"")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthSession\"")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(USERS);
        }
        assertThat(signIn(email, PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aTargetBetweenSupabaseAuthAndBetterAuthGetsBoth() throws Exception {
        try (TestDatabase both = TestDatabase.create(BetterAuthLoginTest.class)) {
            both.installVector();
            try (Connection c = both.connect("public"); Statement st = c.createStatement()) {
                st.execute(resource("supabase-auth.sql"));
            }
            CliRun run = seed(both.cliUrl(SCHEMA), "--create-schema", "--schema-version", TODAY);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("Supabase Auth + Better Auth");
            try (Connection c = both.connect(SCHEMA)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM auth.users a JOIN \"UserAuthIdentity\" i "
                        + "ON i.id = a.id::text AND i.email = a.email")).isEqualTo(USERS);
            }
            CliRun reset = CliRun.of(concat(new String[] {"seed", "--db", both.cliUrl(SCHEMA), "--reset"}, PLAN));
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            try (Connection c = both.connect(SCHEMA)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM auth.users")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM \"UserAuthIdentity\"")).isZero();
            }
        }
    }

    @Test
    void aTargetWithNeitherIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (TestDatabase neither = TestDatabase.create(BetterAuthLoginTest.class)) {
            neither.installVector();
            CliRun run = seed(neither.cliUrl(SCHEMA), "--create-schema", "--schema-version",
                    "platform-upstream-2026");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
            assertThat(run.err().strip()).doesNotContain("\n").contains("neither Supabase Auth", "nor Better Auth");
            try (Connection c = neither.connect("public")) {
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + SCHEMA + "'"))
                        .isZero();
            }
        }
    }

    private static HttpResponse<String> signIn(String email, String password) throws Exception {
        // Java's HttpClient sends no Sec-Fetch-* headers, so Better Auth asks for no Origin.
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve("/api/auth/sign-in/email"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies a response set, as a request's {@code Cookie} header. */
    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    private static CliRun seed(String url, String... more) {
        String[] args = concat(new String[] {"seed", "--db", url, "--auth-users"}, more);
        return CliRun.with(Map.of("LOADTEST_PASSWORD", PASSWORD), concat(args, PLAN));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BetterAuthLoginTest.class.getResourceAsStream("/io/autogpt/seed/it/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
