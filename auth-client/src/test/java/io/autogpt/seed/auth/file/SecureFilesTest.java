package io.autogpt.seed.auth.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A summary may say "mode 0600" only about a file the file system really restricted. */
class SecureFilesTest {
    @Test
    void aReplacedFileIsOwnerOnlyAndAnOrdinaryOneIsNot(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("t.json");
        SecureFiles.replace(tokens, out -> out.write('x'));
        assertThat(SecureFiles.isOwnerOnly(tokens)).isTrue();
        Path open = Files.writeString(dir.resolve("open.json"), "x");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SecureFiles.isOwnerOnly(open)).isFalse();
        assertThat(SecureFiles.isOwnerOnly(dir.resolve("missing.json"))).isFalse();
    }
}
