package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupted writer still waits for its COPY producer before it cancels the COPY. */
class JoinTest {
    @Test
    void anInterruptedCallerWaitsForTheProducerThenKeepsItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                // Ignores its own interrupt for a while, as a producer inside a blocking put may.
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        Thread.currentThread().interrupt();
        new Thread(() -> {
            sleep(200);
            release.countDown();
        }).start();
        CopyStream.joinUninterruptibly(producer);
        assertThat(producer.isAlive()).as("producer ended before join returned").isFalse();
        assertThat(Thread.interrupted()).as("interrupt restored").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
