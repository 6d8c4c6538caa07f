package io.autogpt.seed.auth.exec;

import java.util.concurrent.CompletionStage;

/**
 * One copy of a request, made fresh for every try and every hedge so the same object is never sent twice. The
 * protocol client makes it; the {@link RequestExecutor} decides when it goes out and whether it is cancelled.
 *
 * @param <R> the protocol's answer (an HTTP reply, say)
 */
public interface Attempt<R> {
    /**
     * Sends the request once, after the executor's gate admitted it. A blocking transport sends and reads the answer
     * here and returns a completed stage (the executor runs hedged copies on threads of their own); an asynchronous
     * one returns at once and completes the stage later. A failure to get an answer (timeout, dropped connection) is
     * an {@link Outcome}, not an exception: an exception is a bug and reaches the executor's caller.
     */
    CompletionStage<Outcome<R>> send();

    /**
     * Aborts the request wherever it is (waiting, on the wire, answered), from any thread; whatever it answers
     * afterwards is ignored.
     */
    void cancel();
}
