package io.autogpt.seed.auth.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogpt.seed.core.token.IssuedToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFilesTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private static IssuedToken token(String email, int round, long expiresInSeconds) {
        return new IssuedToken("eyJ.tok-" + email + "-" + round + ".sig", email, "id-" + email, T0,
                T0.plusSeconds(expiresInSeconds), round);
    }

    @Test
    void writesBothFilesOwnerOnlyAndLeavesNoTemporaryFiles() throws Exception {
        TokenFiles.Paths paths = TokenFiles.Paths.of(dir.resolve("configs/pre-authenticated-tokens.js"));
        TokenFiles.write(paths, List.of(token("a@x.io", 1, 3600), token("b@x.io", 1, 60)));
        for (Path p : List.of(paths.module(), paths.data())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        }
        try (Stream<Path> files = Files.list(paths.module().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("pre-authenticated-tokens.js", "pre-authenticated-tokens.json");
        }
        JsonNode data = TokenFiles.JSON.readTree(paths.data().toFile());
        assertThat(data.path("stats").path("total").asInt()).isEqualTo(2);
        assertThat(data.path("stats").path("expiresAt").asText()).isEqualTo("2025-06-01T12:01:00Z");
        assertThat(data.path("tokens").get(1).path("userId").asText()).isEqualTo("id-b@x.io");
    }

    @Test
    void awkwardEmailsCannotBreakOutOfTheModulesData() throws Exception {
        TokenFiles.Paths paths = TokenFiles.Paths.of(dir.resolve("t.js"));
        String nasty = "q\"uote\u2028`${x}`</script>@x.io";
        TokenFiles.write(paths, List.of(token(nasty, 1, 3600)));
        String module = Files.readString(paths.module(), StandardCharsets.UTF_8);
        String array = module.substring(module.indexOf("PRE_AUTHENTICATED_TOKENS = ") + 27,
                module.indexOf(";\n\nexport const TOKEN_STATS"));
        assertThat(TokenFiles.JSON.readTree(array).get(0).path("user").asText()).isEqualTo(nasty);
        assertThat(module).doesNotContain("\u2028");
    }

    @Test
    void aTornLastCheckpointLineIsIgnored() throws Exception {
        Path file = dir.resolve("t.checkpoint.jsonl");
        try (Checkpoint c = Checkpoint.open(file)) {
            c.append(token("a@x.io", 1, 3600));
            c.append(token("b@x.io", 1, 3600));
        }
        Files.writeString(file, "{\"user\":\"c@x.io\",\"userId\":\"id", java.nio.file.StandardOpenOption.APPEND);
        assertThat(Checkpoint.read(file)).containsExactly(token("a@x.io", 1, 3600), token("b@x.io", 1, 3600));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Checkpoint.read(dir.resolve("absent"))).isEmpty();
        // Resumed: the torn fragment is cut off, so the next token starts its own line and the file stays readable.
        try (Checkpoint c = Checkpoint.open(file)) {
            c.append(token("c@x.io", 1, 3600));
        }
        assertThat(Checkpoint.read(file)).containsExactly(token("a@x.io", 1, 3600), token("b@x.io", 1, 3600),
                token("c@x.io", 1, 3600));
    }

    @Test
    void anUnreadableLineThatIsNotTheTornLastOneIsAnErrorNamingItAndNotItsText() throws Exception {
        Path file = dir.resolve("t.checkpoint.jsonl");
        try (Checkpoint c = Checkpoint.open(file)) {
            c.append(token("a@x.io", 1, 3600));
        }
        // A token cut short by something else than a kill mid-write: a newline after it.
        Files.writeString(file, "{\"token\":\"eyJ.secret-part\",\"user\":\"b@x.io\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (Checkpoint c = Checkpoint.open(file)) {
            c.append(token("c@x.io", 1, 3600));
        }
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot read checkpoint " + file).cause()
                .hasMessage("line 2 is not a token autogpt-seed saved (only a last line cut short by a kill may be "
                        + "unreadable); remove that line, or the file to start over");
        Files.writeString(file, "\n" + Files.readString(file).replace("{\"token\":\"eyJ.secret-part\",\"user\":"
                + "\"b@x.io\"}\n", ""));
        assertThatThrownBy(() -> Checkpoint.read(file)).as("an empty line is no token either")
                .cause().hasMessageStartingWith("line 1 is not a token");
    }

    @Test
    void anExistingCheckpointIsMadeOwnerOnlyWhenOpened() throws Exception {
        Path file = Files.writeString(dir.resolve("t.checkpoint.jsonl"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Checkpoint c = Checkpoint.open(file)) {
            c.append(token("a@x.io", 1, 3600));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
