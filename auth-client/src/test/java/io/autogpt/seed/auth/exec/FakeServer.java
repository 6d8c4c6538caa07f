package io.autogpt.seed.auth.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import io.autogpt.seed.auth.policy.Failure;
import org.jspecify.annotations.Nullable;

/**
 * A fake transport in virtual time: each copy sent takes the next scripted answer, which arrives after its latency on
 * the {@link VirtualTimer}, or never (a stall). Records when each copy went out and which were cancelled.
 */
final class FakeServer {
    /** One scripted answer; a null outcome never arrives. */
    record Answer(long latencyNanos, @Nullable Outcome<String> outcome) {
    }

    static final long MS = 1_000_000L;

    static Answer ok(String reply, long ms) {
        return new Answer(ms * MS, Outcome.succeeded(reply));
    }

    static Answer status(int status, long ms) {
        return new Answer(ms * MS, Outcome.failed("HTTP " + status, Failure.ofStatus(status), "HTTP " + status, null));
    }

    static Answer refused(int status, long ms) {
        return new Answer(ms * MS, Outcome.refused("HTTP " + status));
    }

    static Answer stall() {
        return new Answer(-1, null);
    }

    private final VirtualTimer timer;
    private final Deque<Answer> script = new ArrayDeque<>();
    final List<Long> sentAt = new ArrayList<>();
    private final List<Integer> cancelled = new ArrayList<>();
    private int made;

    FakeServer(VirtualTimer timer, Answer... answers) {
        this.timer = timer;
        script.addAll(List.of(answers));
    }

    FakeServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Fresh copies of one request, numbered from 1 in the order they are made. */
    Supplier<Attempt<String>> request() {
        return () -> new Copy(++made);
    }

    /** The numbers of the copies cancelled before they answered, in order. */
    List<Integer> cancelled() {
        return cancelled;
    }

    /** Send times in milliseconds of virtual time. */
    List<Long> sentMillis() {
        return sentAt.stream().map(t -> t / MS).toList();
    }

    private final class Copy implements Attempt<String> {
        private final int number;
        private final CompletableFuture<Outcome<String>> answer = new CompletableFuture<>();

        Copy(int number) {
            this.number = number;
        }

        @Override
        public CompletionStage<Outcome<String>> send() {
            sentAt.add(timer.nanoTime());
            Answer next = script.remove();
            if (next.outcome() != null) {
                timer.after(next.latencyNanos(), () -> answer.complete(next.outcome()));
            }
            return answer;
        }

        @Override
        public void cancel() {
            if (answer.isDone()) {
                return;
            }
            cancelled.add(number);
            // As a real transport does: the aborted request ends as a dropped connection, which must not count.
            answer.complete(Outcome.failed(null, Failure.CONNECTION, "aborted", null));
        }
    }
}
