package io.autogpt.seed.auth.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.jspecify.annotations.Nullable;

/** The JSON GoTrue speaks, as records, and the one mapper that reads and writes them. */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Wire() {
    }

    /** Body of the password grant. Holds a password: never logged, never in a message. */
    record PasswordGrant(String email, String password) {
        @Override
        public String toString() {
            return "PasswordGrant[email=" + email + ", password=***]";
        }
    }

    /** Body of {@code POST /admin/users}. Holds a password: never logged. */
    record CreateUser(String email, String password, @JsonProperty("email_confirm") boolean emailConfirm) {
        @Override
        public String toString() {
            return "CreateUser[email=" + email + ", password=***]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(@JsonProperty("access_token") @Nullable String accessToken,
                   @JsonProperty("expires_in") @Nullable Long expiresIn,
                   @JsonProperty("expires_at") @Nullable Long expiresAt,
                   @Nullable AuthUser user) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuthUser(@Nullable String id, @Nullable String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserPage(java.util.@Nullable List<AuthUser> users) {
    }

    /** The claims we read back from an access token. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Claims(@Nullable String sub, @Nullable Long iat, @Nullable Long exp) {
        static final Claims NONE = new Claims(null, null, null);

        /** The claims of {@code jwt} as issued (unverified: the server just sent it), or {@link #NONE}. */
        static Claims of(String jwt) {
            try {
                JWTClaimsSet set = JWTParser.parse(jwt).getJWTClaimsSet();
                return new Claims(set.getSubject(), seconds(set.getIssueTime()), seconds(set.getExpirationTime()));
            } catch (java.text.ParseException e) {
                return NONE;
            }
        }

        private static @Nullable Long seconds(java.util.@Nullable Date date) {
            return date == null ? null : date.getTime() / 1000;
        }
    }

    /**
     * GoTrue's error bodies come in three shapes over its versions ({@code msg}/{@code error_code},
     * {@code error}/{@code error_description}, and the gateway's {@code message}); this reads all of them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(@Nullable String msg, @Nullable String message, @Nullable String error,
                   @JsonProperty("error_description") @Nullable String errorDescription,
                   @JsonProperty("error_code") @Nullable String errorCode) {
        static final Problem NONE = new Problem(null, null, null, null, null);

        /** The most specific human text, or null. */
        @Nullable String text() {
            for (String s : new String[] {msg, errorDescription, message, error}) {
                if (s != null && !s.isBlank()) {
                    return s;
                }
            }
            return null;
        }
    }

    /** How much of a field of an error body a message quotes. */
    static final int QUOTED = 120;

    /** The problem in {@code body}, or an empty one if it is not JSON. */
    static Problem problem(byte[] body) {
        Problem p = parsedProblem(body);
        return p == null ? Problem.NONE : p;
    }

    /** The problem in {@code body}, or null when it is not a JSON object. */
    private static @Nullable Problem parsedProblem(byte[] body) {
        try {
            return JSON.readValue(body, Problem.class);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * An answer as a message may show it: {@code HTTP 400 invalid_credentials: Invalid login credentials}. Only
     * the fields parsed from a JSON error (code and text) are quoted, each on one line and cut at {@link #QUOTED}
     * characters; any other body (an HTML error page, a proxy's text) is only measured, since nobody knows what it
     * holds.
     */
    static String describe(int status, byte[] body) {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        if (body.length == 0) {
            return s.toString();
        }
        Problem p = parsedProblem(body);
        if (p == null) {
            return s.append(", a non-JSON body of ").append(body.length).append(body.length == 1 ? " byte" : " bytes")
                    .toString();
        }
        String code = p.errorCode() == null || p.errorCode().isBlank() ? null : p.errorCode();
        if (code == null && p.text() == null) {
            return s.append(", a JSON body of ").append(body.length).append(" bytes without an error code or message")
                    .toString();
        }
        if (code != null) {
            s.append(' ').append(quoted(code));
        }
        if (p.text() != null) {
            s.append(": ").append(quoted(p.text()));
        }
        return s.toString();
    }

    private static String quoted(String field) {
        String line = field.replaceAll("\\s+", " ").strip();
        return line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line;
    }
}
