package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

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
}
