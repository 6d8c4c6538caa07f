package io.autogpt.seed.jpa;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL address, read from a JDBC URL ({@code jdbc:postgresql://host:5432/db?currentSchema=platform}) or
 * the libpq/Prisma form AutoGPT configures ({@code postgresql://user:pass@host:5432/db?schema=platform}).
 *
 * <p>The password never leaves this object except in {@link #connectionProperties()}: {@link #toString()} and
 * {@link #redacted()} mask it, and every parse error names the URL only in redacted form.
 *
 * @param host     server host
 * @param port     server port
 * @param database database name, never empty
 * @param user     user name, or null for the driver's default
 * @param password password, or null
 * @param schema   target schema, or null for the server's search_path ({@code public})
 * @param options  further driver settings (e.g. {@code connectTimeout}), JDBC names
 */
public record DatabaseUrl(String host, int port, String database, @Nullable String user, @Nullable String password,
                          @Nullable String schema, Map<String, String> options) {
    /** PostgreSQL's own default schema, where the seeder writes when no schema is named. */
    public static final String DEFAULT_SCHEMA = "public";

    private static final String ENCODE_HINT = " (percent-encode special characters in user and password: "
            + "/ as %2F, # as %23, ? as %3F, @ as %40, % as %25, a space as %20)";

    public DatabaseUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        options = Map.copyOf(options);
    }

    /**
     * Reads {@code text} in either form.
     *
     * @throws IllegalArgumentException with a message that never contains the password
     */
    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        String trimmed = text.trim();
        boolean jdbc = trimmed.startsWith("jdbc:postgresql://");
        String plain = jdbc ? trimmed.substring("jdbc:".length()) : trimmed;
        if (!plain.startsWith("postgresql://") && !plain.startsWith("postgres://")) {
            throw new IllegalArgumentException("database URL must start with postgresql:// or jdbc:postgresql:// — got "
                    + maskUnparsed(trimmed));
        }
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database URL is malformed: " + maskUnparsed(trimmed) + ENCODE_HINT);
        }
        if (uri.getRawFragment() != null) {
            // Everything after '#' would be dropped silently, and a password cut short fails later, obscurely.
            throw new IllegalArgumentException("database URL contains '#': " + maskUnparsed(trimmed) + ENCODE_HINT);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("database URL names no host (or several, which is not supported): "
                    + maskUnparsed(trimmed) + ENCODE_HINT);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isEmpty()) {
            throw new IllegalArgumentException("database URL names no database, e.g. postgresql://user@localhost:5432/"
                    + "postgres — got " + maskUnparsed(trimmed));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        Map<String, String> query = query(uri.getRawQuery());
        String schema = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            switch (e.getKey()) {
                case "user" -> user = e.getValue();
                case "password" -> password = e.getValue();
                case "schema", "currentSchema" -> schema = e.getValue();
                // libpq names, translated to pgjdbc's; seconds in both.
                case "connect_timeout" -> options.put("connectTimeout", e.getValue());
                case "sslmode" -> options.put("sslmode", e.getValue());
                case "application_name" -> options.put("ApplicationName", e.getValue());
                // Prisma-only settings that mean nothing to JDBC.
                case "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout" -> {
                }
                default -> options.put(e.getKey(), e.getValue());
            }
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, database, blankToNull(user), password, blankToNull(schema),
                options);
    }

    /** The same address with another schema (null: the server's default). */
    public DatabaseUrl withSchema(@Nullable String newSchema) {
        return new DatabaseUrl(host, port, database, user, password, blankToNull(newSchema), options);
    }

    /** The same server and credentials, another database. */
    public DatabaseUrl withDatabase(String newDatabase) {
        return new DatabaseUrl(host, port, newDatabase, user, password, schema, options);
    }

    /** The schema the seeder writes into: the one named, else {@code public}. */
    public String schemaOrDefault() {
        return schema == null ? DEFAULT_SCHEMA : schema;
    }

    /** A JDBC URL without user or password; credentials travel in {@link #connectionProperties()}. */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** Driver properties: credentials, schema and options. Never log them. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        options.forEach(p::setProperty);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        if (schema != null) {
            p.setProperty("currentSchema", schema);
        }
        p.putIfAbsent("connectTimeout", "10");
        p.putIfAbsent("ApplicationName", "autogpt-seed");
        return p;
    }

    /** The URL in libpq form with the password masked, for messages. */
    public String redacted() {
        String auth = user == null ? "" : user + (password == null ? "" : ":***") + "@";
        return "postgresql://" + auth + host + ":" + port + "/" + database + (schema == null ? "" : "?schema=" + schema);
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * {@code url} as it may appear in a message: the one place database URLs are redacted. A URL the parser reads is
     * shown from what it understood ({@link #redacted()}: the password masked, parameters dropped); one it cannot
     * read has everything between {@code ://} and the last {@code @} masked, and everything after a
     * {@code password=}, since an unencoded {@code / # ? @ &} or space in a password defeats any finer rule.
     */
    public static String redact(String url) {
        try {
            return parse(url).redacted();
        } catch (IllegalArgumentException e) {
            return maskUnparsed(url);
        }
    }

    private static String maskUnparsed(String url) {
        // The parameter first: an '@' inside a password parameter must not move the user-info mask past it.
        int password = url.toLowerCase(java.util.Locale.ROOT).indexOf("password=");
        String out = password < 0 ? url : url.substring(0, password + "password=".length()) + "***";
        int scheme = out.indexOf("://");
        int at = out.lastIndexOf('@');
        return scheme >= 0 && at > scheme ? out.substring(0, scheme + 3) + "***" + out.substring(at) : out;
    }
}
