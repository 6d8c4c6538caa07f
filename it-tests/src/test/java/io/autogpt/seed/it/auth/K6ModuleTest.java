package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module AutoGPT's k6 tests import loads as an ES module and answers as the platform's own file does. */
class K6ModuleTest {
    @TempDir
    Path dir;

    @Test
    void theModuleImportsInNodeAndHandsOutBearerHeaders() throws Exception {
        Path module = dir.resolve("configs/pre-authenticated-tokens.js");
        CliRun run = CliRun.with(Map.of("SUPABASE_JWT_SECRET", "a-project-jwt-secret-of-forty-characters"), "tokens",
                "--mint", "--count", "10", "--range", "1..4", "--out", module.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        String script = "import('" + module.toUri() + "').then(m => {"
                + "const h = m.getPreAuthenticatedHeaders(3);"
                + "const t = m.getPreAuthenticatedToken(5);"
                + "console.log(JSON.stringify({auth: h.Authorization.slice(0, 7), vu: h['X-Load-Test-VU'],"
                + " user: h['X-Load-Test-User'], fifth: t.user.email, total: m.TOKEN_STATS.total,"
                + " users: m.TOKEN_STATS.users, entries: m.PRE_AUTHENTICATED_TOKENS.length,"
                + " round: m.PRE_AUTHENTICATED_TOKENS[4].round}));"
                + "}).catch(e => { console.error(e); process.exit(1); })";
        Process node;
        try {
            node = new ProcessBuilder("node", "--input-type=module", "-e", script).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is needed for this test (.ci/run installs it): " + e.getMessage(), e);
        }
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("Loaded 10 pre-authenticated tokens from 4 users\n"
                + "{\"auth\":\"Bearer \",\"vu\":\"3\",\"user\":\"loadtest3@example.com\",\"fifth\":\"loadtest1@example.com\","
                + "\"total\":10,\"users\":4,\"entries\":10,\"round\":2}\n");
    }
}
