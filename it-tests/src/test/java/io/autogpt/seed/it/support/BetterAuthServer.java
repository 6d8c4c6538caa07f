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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform's real auth server ({@code ../shared/better-auth/}: npm {@code better-auth} configured as the
 * platform's frontend), run with node on a free port against a test database. Its files are copied to
 * {@code target/better-auth/} (the shared copy may be read-only) and {@code npm ci} runs there once. Fails loudly when
 * node or npm is missing: these tests never skip.
 */
public final class BetterAuthServer implements AutoCloseable {
    /** The secret the server encrypts its own private keys with; tests only. */
    public static final String SECRET = "it-tests-better-auth-secret-0123456789abcdef";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI url;
    private final Path log;

    private BetterAuthServer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts the server on {@code databaseUrl} (libpq form), its tables in {@code schema}; waits for /healthz. */
    public static BetterAuthServer start(String databaseUrl, String schema) throws IOException, InterruptedException {
        Path dir = installed();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile(dir, "server-", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("node", "server.mjs")).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DATABASE_URL", databaseUrl);
        pb.environment().put("AUTH_DB_SCHEMA", schema);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("BETTER_AUTH_SECRET", SECRET);
        pb.environment().put("BA_RATE_LIMIT", "off");
        Process process = start(pb, "node");
        URI url = URI.create("http://127.0.0.1:" + port);
        BetterAuthServer server = new BetterAuthServer(process, url, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Better Auth server exited: " + Files.readString(log));
            }
            try {
                if (server.get("/healthz").statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IllegalStateException("the Better Auth server did not answer /healthz in 60 s: " + Files.readString(log));
    }

    /** {@code target/better-auth/} with the shared server's files and its node_modules ({@code npm ci} once). */
    private static synchronized Path installed() throws IOException, InterruptedException {
        Path shared = Path.of(System.getProperty("seed.better-auth.dir", "../../shared/better-auth"));
        if (!Files.isRegularFile(shared.resolve("server.mjs"))) {
            throw new IllegalStateException("the Better Auth test server is not at " + shared.toAbsolutePath()
                    .normalize() + ": check out shared/ beside the repository, or pass -Dseed.better-auth.dir=DIR");
        }
        Path dir = Path.of("target/better-auth").toAbsolutePath();
        Files.createDirectories(dir);
        boolean changed = false;
        for (String name : List.of("package.json", "package-lock.json", "server.mjs")) {
            Path target = dir.resolve(name);
            byte[] bytes = Files.readAllBytes(shared.resolve(name));
            if (!Files.exists(target) || !java.util.Arrays.equals(bytes, Files.readAllBytes(target))) {
                Files.copy(shared.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
            target.toFile().setWritable(true, true);
        }
        if (changed || !Files.isDirectory(dir.resolve("node_modules/better-auth"))) {
            Path npmLog = dir.resolve("npm-ci.log");
            Process npm = start(new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(npmLog.toFile()), "npm");
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dir + " failed: " + Files.readString(npmLog));
            }
        }
        return dir;
    }

    private static Process start(ProcessBuilder pb, String program) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(program + " is needed to run the platform's auth server (Node.js 20+): "
                    + e.getMessage(), e);
        }
    }

    /** The server's base URL, as the frontend's ({@code BETTER_AUTH_URL}, the tokens' issuer). */
    public URI url() {
        return url;
    }

    /** {@code GET path}, the body as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The server's output so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
