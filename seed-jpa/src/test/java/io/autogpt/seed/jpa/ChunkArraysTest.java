package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkArraysTest {
    @Test
    void anArrayHandedBackIsTakenAgainAndOneOfAnotherLengthIsNot() {
        ChunkArrays arrays = new ChunkArrays(8, 2);
        byte[] first = arrays.take();
        assertThat(first).hasSize(8);
        arrays.giveBack(first);
        assertThat(arrays.take()).isSameAs(first);
        byte[] grown = new byte[16];
        arrays.giveBack(grown);
        assertThat(arrays.take()).isNotSameAs(grown).hasSize(8);
    }

    @Test
    void atMostTheKeptNumberWaitsForReuse() {
        ChunkArrays arrays = new ChunkArrays(4, 2);
        List<byte[]> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(arrays.take());
        }
        taken.forEach(arrays::giveBack);
        List<byte[]> again = List.of(arrays.take(), arrays.take(), arrays.take());
        assertThat(again.get(0)).isSameAs(taken.get(0));
        assertThat(again.get(1)).isSameAs(taken.get(1));
        assertThat(again.get(2)).as("the third was left to the collector").isNotSameAs(taken.get(0))
                .isNotSameAs(taken.get(1)).isNotSameAs(taken.get(2));
    }

    @Test
    void aBufferDetachesIntoArraysOfThePoolAndEveryChunkKeepsItsOwnBytes() {
        ChunkArrays arrays = new ChunkArrays(4, 8);
        CopyBuffer buffer = new CopyBuffer(arrays);
        buffer.ascii("abcd");
        byte[] chunk = buffer.detach();
        arrays.giveBack(chunk);
        buffer.ascii("efgh");
        byte[] next = buffer.detach();
        assertThat(next).isNotSameAs(chunk).containsExactly('e', 'f', 'g', 'h');
        assertThat(buffer.array()).as("the detached array, handed back, is taken for what comes next").isSameAs(chunk);
    }
}
