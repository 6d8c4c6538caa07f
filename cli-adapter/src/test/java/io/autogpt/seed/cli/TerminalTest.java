package io.autogpt.seed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress is drawn only when standard error itself is a terminal, whatever stdin and stdout are. */
class TerminalTest {
    @Test
    void aDescriptorOpenOnAPseudoTerminalIsATerminal(@TempDir Path fds) throws Exception {
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(fds.resolve("2"), Path.of("/dev/pts/3")))).isTrue();
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(fds.resolve("3"), Path.of("/dev/tty1")))).isTrue();
    }

    @Test
    void aDescriptorRedirectedToAFileOrPipeIsNot(@TempDir Path fds) throws Exception {
        Path log = Files.createFile(fds.resolve("seed.log"));
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(fds.resolve("2"), log))).isFalse();
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(fds.resolve("4"), Path.of("pipe:[123456]")))).isFalse();
        assertThat(Terminal.isTerminal(Files.createSymbolicLink(fds.resolve("5"), Path.of("/dev/null")))).isFalse();
    }

    @Test
    void underTheTestRunnerStderrIsAPipeSoNothingIsDrawn() {
        // Surefire forks the JVM with its streams on pipes.
        assertThat(Terminal.STDERR.isTerminal()).isFalse();
    }
}
