package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seed --out} leaves its file whole or not at all: a process stopped with SIGTERM mid-file, or one whose
 * writes fail, leaves nothing in the directory.
 */
class OutFileTest {
    private static final String NOW = "2025-06-01T00:00:00Z";

    @Test
    void sigtermWhileWritingLeavesNoFile(@TempDir Path dir, @TempDir Path logs) throws Exception {
        Path log = logs.resolve("seed.log");
        Process seeder = CliProcess.start(Map.of(), log, "seed", "--out", dir.resolve("seed.sql").toString(),
                "--scale", "10", "--now", NOW);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (files(dir).stream().noneMatch(OutFileTest::hasContent)) {
                assertThat(seeder.isAlive()).as("the run ended before writing: " + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the run never started its file").isLessThan(deadline);
                Thread.sleep(20);
            }
            seeder.destroy();
            assertThat(seeder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            seeder.destroyForcibly();
        }
        assertThat(seeder.exitValue()).as("stopped by SIGTERM: " + Files.readString(log)).isEqualTo(128 + 15);
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aWriteThatFailsMidFileLeavesNoFileAndSaysWhy(@TempDir Path dir, @TempDir Path logs) throws Exception {
        Path log = logs.resolve("seed.log");
        Path out = dir.resolve("seed.sql");
        // A file of about 3 MB against a limit of 0.5 or 1 MiB.
        Process seeder = CliProcess.startWithFileSizeLimit(1024, log, "seed", "--out", out.toString(), "--users",
                "20", "--now", NOW);
        assertThat(seeder.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(seeder.exitValue()).as(Files.readString(log)).isEqualTo(3);
        assertThat(Files.readString(log)).isEqualTo("error: cannot write " + out + ": File too large\n");
        assertThat(files(dir)).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static boolean hasContent(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
