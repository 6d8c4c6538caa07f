package io.autogpt.seed.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform's auth server, {@code ../shared/better-auth/} (a real Better Auth configured as the platform's
 * frontend configures it), running in Node.js against a test database. The shared folder has no write bits in CI:
 * its {@code package.json}, lock file and {@code server.mjs} are copied to {@code target/better-auth}, and
 * {@code npm ci} runs there once (again only when the lock file changed). Without Node.js or npm it fails, never
 * skips.
 */
public final class BetterAuthServer implements AutoCloseable {
    /** A test-only secret: the server encrypts its JWKS private key and signs session cookies with it. */
    public static final String SECRET = "it-tests-better-auth-secret-0123456789abcdef";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "server.mjs");
    private static final Path WORK = Path.of("target", "better-auth").toAbsolutePath();

    private final Process process;
    private final URI url;
    private final Path log;

    private BetterAuthServer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the server on a free port with its tables in {@code schema} of the database at {@code databaseUrl}
     * (libpq form, no schema), Better Auth's rate limiter off, and waits until {@code /healthz} answers.
     */
    public static BetterAuthServer start(String databaseUrl, String schema) throws IOException, InterruptedException {
        Path dir = installed();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("server-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder("node", "server.mjs").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("DATABASE_URL", databaseUrl);
        env.put("AUTH_DB_SCHEMA", schema);
        env.put("PORT", Integer.toString(port));
        env.put("HOST", "127.0.0.1");
        env.put("BETTER_AUTH_SECRET", SECRET);
        env.put("BA_RATE_LIMIT", "off");
        env.remove("BETTER_AUTH_URL");
        env.remove("NODE_ENV");
        BetterAuthServer server = new BetterAuthServer(pb.start(), URI.create("http://127.0.0.1:" + port), log);
        server.awaitHealthy();
        return server;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:3900}; the auth endpoints are under {@code /api/auth}. */
    public URI url() {
        return url;
    }

    /** What the server printed so far. */
    /**
     * As the platform's backend verifies a token (its {@code jwt_utils}): the key by kid from the JWKS, ES256, audience
     * {@code authenticated}, {@code sub} one of {@code userIds}, not expired.
     */
    public static boolean verifiesAsTheBackend(String token, com.nimbusds.jose.jwk.JWKSet jwks,
                                               java.util.Set<String> userIds) {
        try {
            com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
            if (!com.nimbusds.jose.JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                return false;
            }
            com.nimbusds.jose.jwk.JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECKey()))) {
                return false;
            }
            var claims = jwt.getJWTClaimsSet();
            return claims.getAudience().contains("authenticated") && userIds.contains(claims.getSubject())
                    && claims.getExpirationTime().after(new java.util.Date());
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            return false;
        }
    }

    /** {@code GET path}, the body as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        return client.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Better Auth server exited with " + process.exitValue() + ":\n"
                        + log());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(url.resolve("/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("the Better Auth server did not answer /healthz within 60 s:\n" + log());
    }

    /** The server's folder under {@code target/}, its npm packages installed. */
    private static synchronized Path installed() throws IOException, InterruptedException {
        Path shared = shared();
        Files.createDirectories(WORK);
        boolean lockChanged = !Files.isRegularFile(WORK.resolve("package-lock.json"))
                || Files.mismatch(shared.resolve("package-lock.json"), WORK.resolve("package-lock.json")) != -1;
        for (String file : FILES) {
            Path copy = WORK.resolve(file);
            Files.deleteIfExists(copy);
            Files.copy(shared.resolve(file), copy);
            copy.toFile().setWritable(true, true);
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules").resolve("better-auth"))) {
            Path npmLog = WORK.resolve("npm-ci.log");
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(npmLog.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("npm is needed to install the Better Auth server's packages (and "
                        + "Node.js to run it): " + e.getMessage(), e);
            }
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + WORK + ":\n"
                        + Files.readString(npmLog, StandardCharsets.UTF_8));
            }
        }
        return WORK;
    }

    /** {@code -Dseed.better-auth.dir}, else {@code ../shared/better-auth} beside the clone. */
    private static Path shared() {
        String property = System.getProperty("seed.better-auth.dir");
        Path dir = property != null ? Path.of(property) : Path.of("../../shared/better-auth");
        if (!Files.isRegularFile(dir.resolve("server.mjs"))) {
            throw new UncheckedIOException(new IOException("the Better Auth test server is not at "
                    + dir.toAbsolutePath().normalize() + ": check out shared/ beside the repository, or pass "
                    + "-Dseed.better-auth.dir=DIR"));
        }
        return dir;
    }

    /** Stops the server (SIGTERM, then forcibly after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
