package io.autogpt.seed.core.port;

import io.autogpt.seed.core.token.IssuedToken;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the tokens a run makes: each as it arrives, so a run that stopped can be resumed without asking for them
 * again, and all of them at the end in their final form (for k6: a module and a JSON data file).
 *
 * <p>Used by one run at a time.
 */
public interface SaveTokensPort {
    /**
     * What an earlier run that did not finish saved, in the order the tokens arrived, expired ones included; empty
     * when no run is unfinished. An unfinished run may have saved no token at all.
     *
     * @throws java.io.UncheckedIOException when what was saved cannot be read
     */
    Optional<List<IssuedToken>> unfinished();

    /** Opens the store for tokens as they arrive; the caller closes what it returns. */
    Arrivals open();

    /**
     * Saves every token of the run, in job order, in its final form, and forgets what arrived before (the run is
     * finished: nothing is left to resume).
     *
     * @param tokens at least one
     */
    void finish(List<IssuedToken> tokens);

    /** Tokens saved as they arrive; owned by the caller of {@link #open()}, who closes it. */
    interface Arrivals extends AutoCloseable {
        /** Saves one token before returning; called from one thread at a time. */
        void save(IssuedToken token);

        @Override
        void close();
    }
}
