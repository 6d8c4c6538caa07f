package io.autogpt.seed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.port.TargetException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit codes follow where a failure came from, never the Java type alone. */
class ExitCodesTest {
    private final StringWriter err = new StringWriter();
    private final CommandLine cmd = new CommandLine(CommandLine.Model.CommandSpec.create().name("autogpt-seed"))
            .setErr(new PrintWriter(err, true));

    @Test
    void aValueTheCliJudgedIsAUsageError() {
        assertThat(ExitCodes.report(new UsageException("--count must be 1 or more, got 0"), cmd)).isEqualTo(2);
        assertThat(err).hasToString("error: --count must be 1 or more, got 0\n");
    }

    @Test
    void anIllegalArgumentFromDeepInsideIsABugNotTheUsersMistake() {
        assertThat(ExitCodes.report(new IllegalArgumentException("bound must be positive: 0"), cmd)).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: unexpected failure (IllegalArgumentException): bound must");
    }

    @Test
    void aTargetFailureIsExitThree() {
        assertThat(ExitCodes.report(new TargetException("cannot reach PostgreSQL", List.of()), cmd)).isEqualTo(3);
    }

    @Test
    void urlsInEchoedArgumentsAreRedactedByTheOneRedactor() {
        String echoed = "Unknown option: '--dbb=postgresql://me:pa/ss#1@host/db'";
        assertThat(ExitCodes.withoutSecrets(echoed, List.of("seed", "--dbb=postgresql://me:pa/ss#1@host/db")))
                .isEqualTo("Unknown option: '--dbb=postgresql://***@host/db'");
        assertThat(ExitCodes.withoutSecrets("Invalid value 'postgresql://a:b c@h/d'", List.of("postgresql://a:b c@h/d")))
                .isEqualTo("Invalid value 'postgresql://***@h/d'");
    }
}
