package io.autogpt.seed.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in Supabase Auth (GoTrue) server on loopback, close enough to the real one for the token commands: the
 * gateway's key check (401 "Invalid API key"), password grants that return real HS256 JWTs with GoTrue's claims,
 * 400 invalid_credentials, a token-bucket rate limit on {@code /token} answering 429 without Retry-After, the
 * admin user API (422 email_exists), and injectable faults: 500s, slow answers and dropped connections, drawn from
 * a seeded random source so a failing test can be replayed.
 *
 * <p>Run it alone for benchmarks: {@code StandInGoTrue RATE BURST USERS [FAULTS [JDBC_URL]]} (RATE 0 = unlimited;
 * FAULTS {@code -} for none; with a JDBC URL, logins check that database's {@code auth.users}); it prints its URL.
 */
public final class StandInGoTrue implements AutoCloseable {
    public static final String ANON_KEY = "stand-in-anon-key";
    public static final String SERVICE_KEY = "stand-in-service-role-key";
    public static final String JWT_SECRET = "stand-in-jwt-secret-with-at-least-32-bytes";
    public static final String PASSWORD = "stand-in-password-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Faults to inject into password grants, each a probability per request, and the time every answer takes.
     *
     * @param serverError   answer 500
     * @param slow          answer only after {@code slowMillis}
     * @param drop          close the connection without answering
     * @param stall         hold the request {@code stallMillis} without a word, then close the connection — a hung
     *                      upstream, or a half-open connection behind a load balancer
     * @param latencyMillis added to every answer, as a real server's work and network take time
     */
    public record Faults(double serverError, double slow, long slowMillis, double drop, double stall,
                        long stallMillis, long latencyMillis) {
        public static final Faults NONE = new Faults(0, 0, 0, 0);

        public Faults(double serverError, double slow, long slowMillis, double drop) {
            this(serverError, slow, slowMillis, drop, 0, 0, 0);
        }

        /** {@code serverError,slow,slowMillis,drop,stall,stallMillis,latencyMillis}, as the benchmark passes them. */
        public static Faults parse(String csv) {
            String[] v = csv.split(",");
            return new Faults(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Long.parseLong(v[2]),
                    Double.parseDouble(v[3]), Double.parseDouble(v[4]), Long.parseLong(v[5]), Long.parseLong(v[6]));
        }
    }

    private final HttpServer server;
    // Stalled requests hold their thread for the whole stall: room for many of them.
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, String> idsByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final AtomicLong tokenRequests = new AtomicLong();
    /** Where password grants look users up instead of the in-memory users, when set. */
    private volatile java.util.concurrent.Callable<java.sql.Connection> database;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong stalled = new AtomicLong();
    private final AtomicLong stallsEnded = new AtomicLong();
    private final AtomicLong settingsRequests = new AtomicLong();
    private final AtomicLong tokenRequestsInFlight = new AtomicLong();
    private final AtomicLong createRequests = new AtomicLong();
    private final AtomicLong lostCreateDraws = new AtomicLong();
    private volatile double lostCreates;
    private final AtomicLong faultDraws = new AtomicLong();
    private final List<Long> issuedAtNanos = new ArrayList<>();
    private volatile double rate;
    private volatile double burst;
    private volatile Faults faults = Faults.NONE;
    private double bucket;
    private long bucketAt = System.nanoTime();

    private StandInGoTrue() throws IOException {
        // GoTrue (Go) sends with TCP_NODELAY; the JDK server does not by default, and its separate header and body
        // writes then meet the client's delayed ACK: 40 ms per answer that no real server costs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(pool);
        server.createContext("/auth/v1/settings", this::settings);
        server.createContext("/auth/v1/token", this::token);
        server.createContext("/auth/v1/admin/users", this::adminUsers);
        server.start();
    }

    /** A server with no users, no rate limit and no faults, on a free port. */
    public static StandInGoTrue start() {
        try {
            return new StandInGoTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds users {@code pattern} ({n} replaced) for numbers from..to, all with {@link #PASSWORD}. */
    public StandInGoTrue withUsers(String pattern, int from, int to) {
        for (int n = from; n <= to; n++) {
            addUser(pattern.replace("{n}", Integer.toString(n)), PASSWORD);
        }
        return this;
    }

    /** Limits {@code /token} to {@code perSecond} with bursts of {@code burstSize}; 0 lifts the limit. */
    /** Logs users in from this database's {@code auth.users}, as GoTrue does, instead of the in-memory users. */
    public StandInGoTrue withDatabase(java.util.concurrent.Callable<java.sql.Connection> connections) {
        this.database = connections;
        return this;
    }

    public synchronized StandInGoTrue withRateLimit(double perSecond, double burstSize) {
        this.rate = perSecond;
        this.burst = burstSize;
        this.bucket = burstSize;
        this.bucketAt = System.nanoTime();
        return this;
    }

    public StandInGoTrue withFaults(Faults value) {
        this.faults = value;
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Password grants received, 429s and failures included. */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Tokens issued. */
    public long issued() {
        return issued.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    /** When each token was issued, in {@link System#nanoTime()} terms. */
    public synchronized List<Long> issueTimes() {
        return List.copyOf(issuedAtNanos);
    }

    public Map<String, String> userIds() {
        return Map.copyOf(idsByEmail);
    }

    private void addUser(String email, String password) {
        idsByEmail.computeIfAbsent(email.toLowerCase(java.util.Locale.ROOT), e -> nameId("stand-in/" + e));
        passwords.put(email.toLowerCase(java.util.Locale.ROOT), password);
    }

    private void settings(HttpExchange ex) throws IOException {
        settingsRequests.incrementAndGet();
        if (!keyAccepted(ex)) {
            return;
        }
        send(ex, 200, Map.of("external", Map.of("email", true), "disable_signup", false));
    }

    private void token(HttpExchange ex) throws IOException {
        tokenRequestsInFlight.incrementAndGet();
        try {
            passwordGrant(ex);
        } finally {
            tokenRequestsInFlight.decrementAndGet();
        }
    }

    private void passwordGrant(HttpExchange ex) throws IOException {
        if (!keyAccepted(ex)) {
            return;
        }
        tokenRequests.incrementAndGet();
        if (!"POST".equals(ex.getRequestMethod()) || !"grant_type=password".equals(ex.getRequestURI().getQuery())) {
            send(ex, 400, Map.of("code", 400, "error_code", "validation_failed", "msg", "unsupported grant type"));
            return;
        }
        if (!takeFromBucket()) {
            rateLimited.incrementAndGet();
            send(ex, 429, Map.of("code", 429, "error_code", "over_request_rate_limit",
                    "msg", "Request rate limit reached"));
            return;
        }
        Faults f = faults;
        double draw = draw(7, faultDraws.incrementAndGet());
        if (draw < f.drop()) {
            // Close the socket without a status line: the client sees the connection die mid-request.
            ex.getRequestBody().readAllBytes();
            ex.close();
            return;
        }
        if (draw < f.drop() + f.serverError()) {
            send(ex, 500, Map.of("code", 500, "msg", "Internal Server Error (injected)"));
            return;
        }
        if (draw < f.drop() + f.serverError() + f.slow()) {
            sleep(f.slowMillis());
        } else if (draw < f.drop() + f.serverError() + f.slow() + f.stall()) {
            stalled.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            sleep(f.stallMillis());
            if (!Thread.currentThread().isInterrupted()) {
                stallsEnded.incrementAndGet();
            }
            ex.close();
            return;
        }
        sleep(f.latencyMillis());
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String email = body.path("email").asText("").toLowerCase(java.util.Locale.ROOT);
        String password = body.path("password").asText("");
        if (database != null) {
            loginFromDatabase(ex, email, password);
            return;
        }
        if (!password.equals(passwords.get(email))) {
            send(ex, 400, Map.of("code", 400, "error_code", "invalid_credentials", "msg", "Invalid login credentials"));
            return;
        }
        session(ex, idsByEmail.get(email), email);
    }

    /**
     * GoTrue's password grant against a database's {@code auth.users}: the lookup GoTrue makes (nil instance, lower-case
     * email, audience, not SSO), the columns it scans into non-null Go strings (a NULL answers 500 as GoTrue does),
     * bcrypt through pgcrypto's {@code crypt}, a confirmed email, not banned.
     */
    private void loginFromDatabase(HttpExchange ex, String email, String password) throws IOException {
        String sql = "SELECT id::text, public.crypt(?, coalesce(encrypted_password, '')) = encrypted_password, "
                + "email_confirmed_at IS NOT NULL, coalesce(banned_until > now(), false), "
                + "num_nulls(aud, role, confirmation_token, recovery_token, email_change_token_current, "
                + "email_change_token_new, email_change, phone_change_token, phone_change, reauthentication_token, "
                + "email_change_confirm_status, created_at, updated_at) FROM auth.users WHERE instance_id = "
                + "'00000000-0000-0000-0000-000000000000' AND lower(email) = ? AND aud = 'authenticated' "
                + "AND is_sso_user = false";
        try (java.sql.Connection conn = database.call(); java.sql.PreparedStatement st = conn.prepareStatement(sql)) {
            st.setString(1, password);
            st.setString(2, email);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    send(ex, 400, Map.of("code", 400, "error_code", "invalid_credentials",
                            "msg", "Invalid login credentials"));
                } else if (rs.getInt(5) > 0) {
                    send(ex, 500, Map.of("code", 500, "error_code", "unexpected_failure",
                            "msg", "Database error querying schema"));
                } else if (!rs.getBoolean(2)) {
                    send(ex, 400, Map.of("code", 400, "error_code", "invalid_credentials",
                            "msg", "Invalid login credentials"));
                } else if (!rs.getBoolean(3)) {
                    send(ex, 400, Map.of("code", 400, "error_code", "email_not_confirmed",
                            "msg", "Email not confirmed"));
                } else if (rs.getBoolean(4)) {
                    send(ex, 400, Map.of("code", 400, "error_code", "user_banned", "msg", "User is banned"));
                } else {
                    session(ex, rs.getString(1), email);
                }
            }
        } catch (Exception e) {
            send(ex, 500, Map.of("code", 500, "msg", "Database error querying schema"));
        }
    }

    private void session(HttpExchange ex, String id, String email) throws IOException {
        long n = issued.incrementAndGet();
        synchronized (this) {
            issuedAtNanos.add(System.nanoTime());
        }
        Instant now = Instant.now();
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("access_token", jwt(id, email, now, n));
        session.put("token_type", "bearer");
        session.put("expires_in", 3600);
        session.put("expires_at", now.getEpochSecond() + 3600);
        session.put("refresh_token", "refresh-" + n);
        session.put("user", Map.of("id", id, "email", email, "role", "authenticated"));
        send(ex, 200, session);
    }

    private void adminUsers(HttpExchange ex) throws IOException {
        if (!keyAccepted(ex)) {
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + SERVICE_KEY).equals(auth)) {
            send(ex, 403, Map.of("code", 403, "error_code", "not_admin", "msg", "User not allowed"));
            return;
        }
        if ("GET".equals(ex.getRequestMethod())) {
            String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
            int page = Integer.parseInt(param(query, "page", "1"));
            int perPage = Integer.parseInt(param(query, "per_page", "50"));
            List<Map<String, Object>> users = new ArrayList<>();
            List<String> emails = idsByEmail.keySet().stream().sorted().toList();
            for (int i = (page - 1) * perPage; i < Math.min(emails.size(), page * perPage); i++) {
                users.add(Map.of("id", idsByEmail.get(emails.get(i)), "email", emails.get(i)));
            }
            send(ex, 200, Map.of("users", users, "aud", "authenticated"));
            return;
        }
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String email = body.path("email").asText("").toLowerCase(java.util.Locale.ROOT);
        if (idsByEmail.containsKey(email)) {
            send(ex, 422, Map.of("code", 422, "error_code", "email_exists",
                    "msg", "A user with this email address has already been registered"));
            return;
        }
        if (!body.path("email_confirm").asBoolean(false)) {
            send(ex, 400, Map.of("code", 400, "msg", "the stand-in expects email_confirm: true"));
            return;
        }
        addUser(email, body.path("password").asText(""));
        createRequests.incrementAndGet();
        if (draw(11, lostCreateDraws.incrementAndGet()) < lostCreates) {
            // Created, but the answer never arrives: the client cannot know whether it worked.
            ex.close();
            return;
        }
        send(ex, 200, Map.of("id", idsByEmail.get(email), "email", email, "aud", "authenticated"));
    }

    /** Creations that did create a user, answered or not. */
    public long createRequests() {
        return createRequests.get();
    }

    /** Each creation, with probability {@code p}, creates the user and then drops the connection unanswered. */
    public StandInGoTrue withLostCreateAnswers(double p) {
        this.lostCreates = p;
        return this;
    }

    private static String param(String query, String name, String fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** The API gateway's check: {@code apikey} must be one of the project's keys. */
    private boolean keyAccepted(HttpExchange ex) throws IOException {
        String key = ex.getRequestHeaders().getFirst("apikey");
        if (ANON_KEY.equals(key) || SERVICE_KEY.equals(key)) {
            return true;
        }
        send(ex, 401, Map.of("message", "Invalid API key"));
        return false;
    }

    private synchronized boolean takeFromBucket() {
        if (rate <= 0) {
            return true;
        }
        long now = System.nanoTime();
        bucket = Math.min(burst, bucket + (now - bucketAt) / 1e9 * rate);
        bucketAt = now;
        if (bucket >= 1) {
            bucket -= 1;
            return true;
        }
        return false;
    }

    /**
     * Draw {@code n} of stream {@code stream}, in [0, 1): the same each run. The stand-in makes its own randomness
     * (the core's {@code random} package is not exported, and a test sees the core as an embedder does).
     */
    private static double draw(long stream, long n) {
        return new java.util.SplittableRandom(stream * 0x9E37_79B9_7F4A_7C15L + n).nextDouble();
    }

    /** A stable id for {@code name} (a name-based UUID), as GoTrue's ids look: UUIDs. */
    private static String nameId(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private String jwt(String id, String email, Instant now, long n) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url() + "/auth/v1").subject(id)
                .audience("authenticated").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", email).claim("role", "authenticated").claim("aal", "aal1")
                .claim("session_id", nameId("stand-in-session/" + n)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** Password grants held and then dropped so far. */
    public long stalled() {
        return stalled.get();
    }

    /** Stalled password grants whose whole stall has passed (then dropped): a client waiting on one waited it out. */
    public long stallsEnded() {
        return stallsEnded.get();
    }

    /**
     * Waits until no password grant is being answered, for at most {@code timeout}: after a client was killed, the
     * logins it had sent may still be issuing tokens. Returns whether the server is quiet.
     */
    public boolean awaitNoTokenRequestInFlight(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tokenRequestsInFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** {@code GET /auth/v1/settings} requests received (the pre-flight), refused keys included. */
    public long settingsRequests() {
        return settingsRequests.get();
    }

    /**
     * {@code StandInGoTrue RATE BURST USERS [FAULTS]}: serves until killed, users loadtest1..USERS@example.com;
     * FAULTS as {@link Faults#parse}.
     */
    public static void main(String[] args) throws Exception {
        StandInGoTrue s = start().withUsers("loadtest{n}@example.com", 1, Integer.parseInt(args[2]))
                .withRateLimit(Double.parseDouble(args[0]), Double.parseDouble(args[1]))
                .withFaults(args.length > 3 && !args[3].equals("-") ? Faults.parse(args[3]) : Faults.NONE);
        if (args.length > 4) {
            String jdbc = args[4];
            s.withDatabase(() -> java.sql.DriverManager.getConnection(jdbc));
        }
        System.out.println(s.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
