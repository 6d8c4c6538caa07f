package io.autogpt.seed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's compiler directives for the JPA writer parse, and reach the running JVM without a word on stdout; a
 * file the JVM cannot use leaves the run as it is.
 */
class CompilerDirectivesTest {
    @AfterEach
    void forgetTheFile() {
        System.clearProperty(CompilerDirectives.PROPERTY);
    }

    @Test
    void theJpaWritersDirectivesAreAddedToTheRunningJvm() {
        Path file = Path.of("").toAbsolutePath().getParent().resolve("bin/jpa-compiler-directives.json");
        System.setProperty(CompilerDirectives.PROPERTY, file.toString());
        assertThat(CompilerDirectives.addNamed()).isEqualTo("1 compiler directives added");
    }

    @Test
    void nothingIsAskedWithoutAFile() {
        assertThat(CompilerDirectives.addNamed()).isNull();
    }

    @Test
    void aFileTheJvmCannotReadIsAnsweredNotThrown() {
        System.setProperty(CompilerDirectives.PROPERTY, "/no/such/directives.json");
        assertThat(CompilerDirectives.addNamed()).startsWith("Could not load file");
    }
}
