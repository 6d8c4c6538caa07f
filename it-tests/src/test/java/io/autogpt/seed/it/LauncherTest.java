package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's command runs the packaged jar through {@code bin/autogpt-seed}, with the JVM options it sets. */
class LauncherTest {
    @Test
    void theLauncherSeedsWithThePackagedJar() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String output = seed(db, null, null);
            assertThat(output).startsWith("seeded seed 42 (users 0..2 of 3").contains(" bulk");
        }
    }

    /**
     * The parallel collector, unless the user's options pick one (JAVA_OPTS, or the JVM's own JAVA_TOOL_OPTIONS):
     * two would stop the JVM before it starts.
     */
    @Test
    void theLauncherPicksTheCollectorUnlessTheUsersOptionsDo() throws Exception {
        Path logs = Files.createTempDirectory("launcher-gc");
        Path log = logs.resolve("gc.log");
        try (TestDatabase db = TestDatabase.create(getClass())) {
            seed(db, "-Xlog:gc:file=" + log, null);
            assertThat(Files.readString(log)).contains("Using Parallel");
            seed(db, "-XX:+UseSerialGC -Xlog:gc:file=" + log, null);
            assertThat(Files.readString(log)).contains("Using Serial").doesNotContain("Parallel");
            seed(db, "-Xlog:gc:file=" + log, "-XX:+UseSerialGC");
            assertThat(Files.readString(log)).contains("Using Serial").doesNotContain("Parallel");
        } finally {
            // The JVM keeps the log's earlier versions beside it (gc.log.0, ...).
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(logs);
        }
    }

    /**
     * The JPA writer's JVM keeps C2 off the generator and Datafaker (bin/jpa-compiler-directives.json), and the JVM's
     * note that it read them off the run's report, unless the user's options ask for the JVM's output.
     */
    @Test
    void theJpaWriterGetsItsCompilerDirectivesQuietly() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String report = seed(db, null, null, "--writer", "jpa");
            assertThat(report).startsWith("seeded seed 42 (users 0..2 of 3").doesNotContain("directive");
            String shown = seed(db, "-XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutput -XX:+CompilerDirectivesPrint", null, "--writer", "jpa");
            assertThat(shown).contains("1 compiler directives added")
                    .containsPattern("matching: [^\n]*io/autogpt/seed/core/\\*\\.\\*")
                    .containsPattern("matching: [^\n]*net/datafaker/\\*\\.\\*")
                    .containsPattern("c2 directives:\\n  inline: -\\n  Enable:true Exclude:true")
                    .contains("already seeded: seed 42");
            // The COPY writer's JVM stops at C1 anyway: no directives.
            String copy = seed(db, "-XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutput -XX:+CompilerDirectivesPrint", null, "--writer", "copy");
            assertThat(copy).doesNotContain("compiler directives added").contains("already seeded: seed 42");
        }
    }

    /**
     * Seeds three users through the launcher with {@code javaOpts} and {@code toolOptions} (JAVA_TOOL_OPTIONS; null:
     * none), and {@code extra} arguments; returns what it printed.
     */
    private static String seed(TestDatabase db, String javaOpts, String toolOptions, String... extra) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path launcher = root.resolve("bin/autogpt-seed");
        assertThat(root.resolve("cli-adapter/target/autogpt-seed.jar")).as("packaged before the integration tests")
                .exists();
        File out = Files.createTempFile("launcher", ".out").toFile();
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "seed", "--db", db.cliUrl(null),
                "--create-schema", "--users", "3", "--now", "2025-06-01T00:00:00Z"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .redirectErrorStream(true).redirectOutput(out);
        for (String name : new String[] {"JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            pb.environment().remove(name);
        }
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        if (toolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        }
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        out.delete();
        assertThat(p.exitValue()).as(output).isZero();
        // The JVM says when it picks up JAVA_TOOL_OPTIONS; the seeder's own lines follow.
        return output.replaceFirst("^Picked up JAVA_TOOL_OPTIONS: [^\n]*\n", "");
    }
}
