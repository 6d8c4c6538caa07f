package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseUrlTest {
    @Test
    void readsThePrismaFormAutoGptConfigures() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://agpt_user:p%40ss%3Aw0rd@db.internal:6543/agpt?schema=platform&connect_timeout=60");
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("agpt");
        assertThat(url.user()).isEqualTo("agpt_user");
        assertThat(url.password()).isEqualTo("p@ss:w0rd");
        assertThat(url.schema()).isEqualTo("platform");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/agpt");
        Properties props = url.connectionProperties();
        assertThat(props.getProperty("currentSchema")).isEqualTo("platform");
        assertThat(props.getProperty("connectTimeout")).isEqualTo("60");
        assertThat(props.getProperty("password")).isEqualTo("p@ss:w0rd");
    }

    @Test
    void readsTheJdbcForm() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/test?currentSchema=s1&user=u&password=pw");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.schema()).isEqualTo("s1");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.schemaOrDefault()).isEqualTo("s1");
        assertThat(DatabaseUrl.parse("postgres://localhost/x").schemaOrDefault()).isEqualTo("public");
    }

    @Test
    void neverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://me:topsecret@h:1/d?schema=platform");
        assertThat(url.toString()).isEqualTo("postgresql://me:***@h:1/d?schema=platform").doesNotContain("topsecret");
        assertThat(url.jdbcUrl()).doesNotContain("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://me:topsecret@h:1"))
                .hasMessageNotContaining("topsecret").hasMessageContaining("names no database");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://me:topsecret@h:1/d"))
                .hasMessageNotContaining("topsecret").hasMessageContaining("must start with postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h/d?password=topsecret&x=^"))
                .hasMessageNotContaining("topsecret");
    }

    /** Passwords whose two halves are distinctive, joined by a character that means something in a URL. */
    static Stream<String> awkwardPasswords() {
        return Stream.of("/", "#", "?", "@", "%", " ", ":", "&", "@/#?%", "%4").map(c -> "Pq7Z" + c + "Wx9K");
    }

    @ParameterizedTest(name = "password with \"{0}\" written raw")
    @MethodSource("awkwardPasswords")
    void aRawPasswordNeverReachesAMessage(String password) {
        for (String url : new String[] {
                "postgresql://app:" + password + "@db.internal:5432/agpt?schema=platform",
                "postgres://app:" + password + "@db.internal/agpt",
                "jdbc:postgresql://db.internal:5432/agpt?user=app&password=" + password,
                "jdbc:postgresql://db.internal:5432/agpt?password=" + password + "&currentSchema=platform",
                "postgresql://app:" + password + "@db.internal:5432"}) {
            assertThat(DatabaseUrl.redact(url)).as(url).doesNotContain("Pq7Z").doesNotContain("Wx9K");
            try {
                DatabaseUrl parsed = DatabaseUrl.parse(url);
                assertThat(parsed.toString()).as(url).doesNotContain("Pq7Z").doesNotContain("Wx9K");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(url).doesNotContain("Pq7Z").doesNotContain("Wx9K")
                        .contains("db.internal");
            }
        }
    }

    @ParameterizedTest(name = "password with \"{0}\" percent-encoded")
    @MethodSource("awkwardPasswords")
    void anEncodedPasswordIsReadWholeAndShownMasked(String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:" + encoded + "@db.internal:5432/agpt?schema=platform");
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.redacted()).isEqualTo("postgresql://app:***@db.internal:5432/agpt?schema=platform");
        assertThat(DatabaseUrl.redact("postgresql://app:" + encoded + "@db.internal:5432/agpt"))
                .isEqualTo("postgresql://app:***@db.internal:5432/agpt");
    }

    @Test
    void aFragmentIsRefusedRatherThanDroppedFromThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h/d?user=u&password=ab#cd"))
                .hasMessageContaining("contains '#'").hasMessageContaining("%23").hasMessageNotContaining("ab#cd");
    }
}
