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
     * The JPA writer's JVM keeps C2 (EclipseLink gains from it) and is told where the compiler directives that keep it
     * off the generator are (bin/jpa-compiler-directives.json, which CompilerDirectivesTest adds); the COPY writer's
     * stops at C1 and gets none.
     */
    @Test
    void theJpaWriterKeepsC2AndGetsItsCompilerDirectives() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String options = "-XshowSettings:properties -XX:+PrintFlagsFinal";
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String jpa = seed(db, options, null, "--writer", "JPA");
            assertThat(jpa).contains("autogpt.seed.jit-directives = " + root.resolve("bin/jpa-compiler-directives.json"))
                    .containsPattern("TieredStopAtLevel +=  ?4 ").contains("seeded seed 42 (users 0..2 of 3")
                    .doesNotContain("compiler directives added");
            String copy = seed(db, options, null, "--writer", "copy");
            assertThat(copy).doesNotContain("autogpt.seed.jit-directives").containsPattern("TieredStopAtLevel +=  ?1 ")
                    .contains("already seeded: seed 42");
        }
    }

    /**
     * Transparent huge pages for the heap where Linux offers them to a process that asks (its default, madvise, or
     * always), none where it does not; -XX:-UseTransparentHugePages in JAVA_OPTS, which comes later, turns them off.
     */
    @Test
    void theLauncherAsksForHugePagesWhereLinuxOffersThem() throws Exception {
        Path modes = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = Files.isReadable(modes) && Files.readString(modes).matches("(?s).*\\[(always|madvise)\\].*");
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String asked = seed(db, "-XX:+PrintFlagsFinal", null);
            assertThat(asked).containsPattern("UseTransparentHugePages +=  ?" + offered + " ")
                    .doesNotContain("VM warning");
            String off = seed(db, "-XX:-UseTransparentHugePages -XX:+PrintFlagsFinal", null);
            assertThat(off).containsPattern("UseTransparentHugePages +=  ?false ").contains("already seeded: seed 42");
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
