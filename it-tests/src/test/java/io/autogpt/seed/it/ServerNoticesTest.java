package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliProcess;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server says during a run reaches the terminal as {@code notice:} lines, never as a logger's output. */
class ServerNoticesTest {
    private static final String NOW = "2025-06-01T00:00:00Z";

    @Test
    void theViewRefreshAndTriggerNoticesAreNoticeLinesAndNothingIsLogged(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            // The platform's refresh function (created with the schema) raises a notice when it has refreshed; the
            // run that creates the schema hears only warnings (its DDL sets client_min_messages), the next all.
            CliRun first = CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "5", "--seed", "1",
                    "--now", NOW);
            assertThat(first.exitCode()).as(first.all()).isZero();
            CliRun second = CliRun.of("seed", "--db", db.cliUrl(null), "--users", "5", "--seed", "3", "--now", NOW);
            assertThat(second.err()).containsPattern("(?m)^notice: Materialized views refreshed in schema public at "
                    + "\\d{4}-\\d\\d-\\d\\d [0-9:.]+\\+00$");
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                // A platform trigger that speaks while rows go in (a COPY: the notice arrives outside any statement).
                st.execute("CREATE FUNCTION say_hello() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN RAISE WARNING 'profiles arrived'; RETURN NULL; END $$");
                st.execute("CREATE TRIGGER say_hello AFTER INSERT ON \"Profile\" FOR EACH STATEMENT "
                        + "EXECUTE FUNCTION say_hello()");
            }
            Path log = dir.resolve("seed.log");
            Process p = CliProcess.start(Map.of(), log, "seed", "--db", db.cliUrl(null), "--users", "5", "--seed",
                    "2", "--now", NOW);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).as("in the order said, after the summary")
                    .containsPattern("\ntotal \\(with commit\\) [^\\n]+\n(info: [^\\n]+\n)*"
                            + "notice: profiles arrived\n"
                            + "notice: Materialized views refreshed in schema public at [^\\n]+\\n$")
                    .doesNotContain("WARN").doesNotContain("DatabaseTransaction").doesNotContain("DatabaseSession");
        }
    }
}
