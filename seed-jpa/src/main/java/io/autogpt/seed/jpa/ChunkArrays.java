package io.autogpt.seed.jpa;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The arrays a COPY's encoded rows travel in, handed back once sent and taken again for the next chunk.
 *
 * <p>A chunk waits in the pipeline's queue for as long as the server is behind, up to tens of megabytes of them,
 * and each young collection copied the waiting ones, then promoted them to die in the old generation, until a full
 * collection cleared it. At scale 20 that was 107 young collections of 10–40 ms while the queue was full, and two full
 * ones, all stopping the generator. Kept and reused, the arrays settle in the old generation once and hold no
 * references, so a young collection passes over them.
 */
final class ChunkArrays {
    private final int length;
    private final BlockingQueue<byte[]> free;

    /** Arrays of {@code length} bytes; at most {@code kept} are kept for reuse, the rest left to the collector. */
    ChunkArrays(int length, int kept) {
        this.length = length;
        this.free = new ArrayBlockingQueue<>(kept);
    }

    /** An array of the pool's length: one handed back, else a new one. Its contents are whatever they were. */
    byte[] take() {
        byte[] array = free.poll();
        return array != null ? array : new byte[length];
    }

    /** Hands {@code array} back once nothing reads it any more; one of another length (grown for a long row) is not kept. */
    void giveBack(byte[] array) {
        if (array.length == length) {
            free.offer(array);
        }
    }
}
