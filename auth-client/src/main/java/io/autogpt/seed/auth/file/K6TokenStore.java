package io.autogpt.seed.auth.file;

import io.autogpt.seed.core.port.SaveTokensPort;
import io.autogpt.seed.core.token.IssuedToken;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Tokens for k6 load tests: saved as they arrive in a {@link Checkpoint}, and at the end written as the k6 module and
 * JSON data file ({@link TokenFiles}), after which the checkpoint goes. An unfinished run is a checkpoint that is
 * still there.
 */
public final class K6TokenStore implements SaveTokensPort {
    private final TokenFiles.Paths paths;

    /** The store whose module is {@code paths.module()}, its data file and checkpoint beside it. */
    public K6TokenStore(TokenFiles.Paths paths) {
        this.paths = paths;
    }

    /** Where the module, the data file and the checkpoint are. */
    public TokenFiles.Paths paths() {
        return paths;
    }

    @Override
    public Optional<List<IssuedToken>> unfinished() {
        List<IssuedToken> saved = Checkpoint.read(paths.checkpoint());
        return Files.exists(paths.checkpoint()) ? Optional.of(saved) : Optional.empty();
    }

    @Override
    public Arrivals open() {
        return Checkpoint.open(paths.checkpoint());
    }

    @Override
    public void finish(List<IssuedToken> tokens) {
        TokenFiles.write(paths, tokens);
        Checkpoint.delete(paths.checkpoint());
    }
}
