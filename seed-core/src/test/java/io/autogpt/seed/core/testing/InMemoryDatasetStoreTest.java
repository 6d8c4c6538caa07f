package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.port.WriteDatasetPort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The in-memory store keeps the contract PostgreSQL keeps (it-tests runs the same test against PostgreSQL). */
class InMemoryDatasetStoreTest extends DatasetStoreContract {
    private InMemoryDatasetStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryDatasetStore();
    }

    @Override
    protected WriteDatasetPort port() {
        return store;
    }

    @Override
    protected Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        store.counts().forEach((t, n) -> out.put(t, n.longValue()));
        return out;
    }
}
