package io.autogpt.seed.core.cost;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "PlatformCostLog"} (today's platform): what one block execution on the platform's own
 * (system) credentials cost, as the executor logs it: tokens, the provider's tracking unit and amount, cost in
 * microdollars when the provider reports dollars, and in {@code metadata.credit_cost} the credits the run was charged
 * for it.
 */
public record PlatformCostLog(String id, LocalDateTime createdAt, @Nullable String userId,
                              @Nullable String graphExecId, @Nullable String chatSessionId,
                              @Nullable String nodeExecId, @Nullable String graphId, @Nullable String nodeId,
                              @Nullable String blockId, @Nullable String blockName, String provider,
                              @Nullable String credentialId, @Nullable Long costMicrodollars,
                              @Nullable Integer inputTokens, @Nullable Integer outputTokens,
                              @Nullable Integer cacheReadTokens, @Nullable Integer cacheCreationTokens,
                              @Nullable Integer dataSize, @Nullable Double duration, @Nullable String model,
                              @Nullable String trackingType, @Nullable Double trackingAmount,
                              @Nullable Json metadata) {
    public static final Table<PlatformCostLog> TABLE = Table.insertOf(PlatformCostLog.class);

    public PlatformCostLog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(provider, "provider");
    }
}
