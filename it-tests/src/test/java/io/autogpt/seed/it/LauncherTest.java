package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's command runs the packaged jar through {@code bin/autogpt-seed}, with the JVM options it sets. */
class LauncherTest {
    @Test
    void theLauncherSeedsWithThePackagedJar() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String output = seed(db, null);
            assertThat(output).startsWith("seeded seed 42 (users 0..2 of 3").contains(" bulk");
        }
    }

    /** The parallel collector, unless the user's JAVA_OPTS picks one: two would stop the JVM before it starts. */
    @Test
    void theLauncherPicksTheCollectorUnlessJavaOptsDo() throws Exception {
        Path log = Files.createTempFile("launcher", ".gc");
        try (TestDatabase db = TestDatabase.create(getClass())) {
            seed(db, "-Xlog:gc:file=" + log);
            assertThat(Files.readString(log)).contains("Using Parallel");
            seed(db, "-XX:+UseSerialGC -Xlog:gc:file=" + log);
            assertThat(Files.readString(log)).contains("Using Serial").doesNotContain("Parallel");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Seeds three users through the launcher with {@code javaOpts} (null: none); returns what it printed. */
    private static String seed(TestDatabase db, String javaOpts) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path launcher = root.resolve("bin/autogpt-seed");
        assertThat(root.resolve("cli-adapter/target/autogpt-seed.jar")).as("packaged before the integration tests")
                .exists();
        File out = Files.createTempFile("launcher", ".out").toFile();
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "seed", "--db", db.cliUrl(null), "--create-schema",
                "--users", "3", "--now", "2025-06-01T00:00:00Z")
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .redirectErrorStream(true).redirectOutput(out);
        pb.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        out.delete();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
