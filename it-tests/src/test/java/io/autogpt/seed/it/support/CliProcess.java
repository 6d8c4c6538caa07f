package io.autogpt.seed.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CLI in a process of its own, for tests that kill or stop it; stdout and stderr go to {@code log}. */
public final class CliProcess {
    private CliProcess() {
    }

    /** Starts {@code autogpt-seed args…} on this test's class path with {@code env} added to the environment. */
    public static Process start(Map<String, String> env, Path log, String... args) throws IOException {
        return start(List.of(), env, log, args);
    }

    /** As {@link #start(Map, Path, String...)}, with {@code jvmOptions} (e.g. logging levels) before the class. */
    public static Process start(List<String> jvmOptions, Map<String, String> env, Path log, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.autogpt.seed.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * As {@link #start(Map, Path, String...)}, under {@code ulimit -f blocks} (the shell's blocks: 512 or 1024 bytes):
     * a write past the limit fails with "File too large", as one on a full disk fails (the JVM ignores SIGXFSZ).
     */
    public static Process startWithFileSizeLimit(long blocks, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "ulimit -f \"$0\" && exec \"$@\"",
                Long.toString(blocks), ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "io.autogpt.seed.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Kills {@code seeder} with SIGKILL once {@code db} runs a statement matching {@code queryLike} (a LIKE pattern),
     * then waits until the server has dropped the dead run's session, so its transaction has been rolled back.
     */
    public static void killDuring(Process seeder, Connection db, String queryLike) throws Exception {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Sql.count(db, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '"
                    + queryLike.replace("'", "''") + "'") == 0) {
                assertThat(seeder.isAlive()).as("the run ended before it reached " + queryLike).isTrue();
                assertThat(System.nanoTime()).as("the run never reached " + queryLike).isLessThan(deadline);
                Thread.sleep(20);
            }
            seeder.destroyForcibly();
            assertThat(seeder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Sql.count(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'autogpt-seed' "
                    + "AND datname = current_database() AND pid <> pg_backend_pid()") > 0) {
                assertThat(System.nanoTime()).as("the server kept the dead run's session").isLessThan(until);
                Thread.sleep(100);
            }
        } finally {
            seeder.destroyForcibly();
        }
    }
}
