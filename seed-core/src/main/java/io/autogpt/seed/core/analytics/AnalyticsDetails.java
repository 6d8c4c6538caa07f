package io.autogpt.seed.core.analytics;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AnalyticsDetails"}: a structured analytics event for a user. */
public record AnalyticsDetails(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                               String type, @Nullable Json data, @Nullable String dataIndex) {
    public static final Table<AnalyticsDetails> TABLE = Table.insertOf(AnalyticsDetails.class);

    public AnalyticsDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
    }
}
