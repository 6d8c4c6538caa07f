package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.auth.file.Checkpoint;
import io.autogpt.seed.auth.file.K6TokenStore;
import io.autogpt.seed.auth.file.TokenFiles;
import io.autogpt.seed.auth.mint.TokenMint;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.run.MakeTokens;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUsers;
import io.autogpt.seed.core.token.TokenJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedder makes k6 tokens through the Java API alone: the use case, a token port and the k6 store; no CLI. */
class MakeTokensEmbeddedTest {
    private static final String SECRET = "embedded-jwt-secret-at-least-32-bytes-long!";

    @TempDir
    Path dir;

    @Test
    void makesTokensResumingAnUnfinishedRunAndWritesTheK6Files() throws Exception {
        Clock clock = Clock.systemUTC();
        TokenMint mint = TokenMint.withSecret(SECRET.getBytes(StandardCharsets.UTF_8), "test",
                new TokenMint.Settings("supabase", Duration.ofHours(1), clock));
        List<TokenJob> jobs = TokenJob.roundRobin(TestUsers.numbered("embed{n}@example.com", new IntRange(1, 4),
                null), 10);
        TokenFiles.Paths paths = TokenFiles.Paths.of(dir.resolve("k6/tokens.js"));
        Files.createDirectories(paths.module().getParent());
        // An earlier run stopped after one token.
        IssuedToken first = mint.issue(jobs.get(0).user(), 1);
        try (Checkpoint checkpoint = Checkpoint.open(paths.checkpoint())) {
            checkpoint.append(first);
        }

        List<IssuedToken> tokens = new MakeTokens(new K6TokenStore(paths), clock).make(jobs, mint, 2);

        assertThat(tokens).hasSize(10).first().isEqualTo(first);
        assertThat(tokens).extracting(IssuedToken::key).containsExactlyElementsOf(
                jobs.stream().map(TokenJob::key).toList());
        List<TokenFilesRead.Entry> written = TokenFilesRead.data(paths.module());
        assertThat(written).extracting(TokenFilesRead.Entry::token)
                .containsExactlyElementsOf(tokens.stream().map(IssuedToken::token).toList());
        assertThat(written).allMatch(e -> TokenFilesRead.validFor(e.token(), e.userId(), SECRET));
        assertThat(Files.readString(paths.module())).contains("export const PRE_AUTHENTICATED_TOKENS = ");
        assertThat(paths.checkpoint()).as("a finished run leaves no checkpoint").doesNotExist();
    }
}
