package io.autogpt.seed.core.analytics;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AnalyticsMetrics"}: a named numeric measurement for a user. */
public record AnalyticsMetrics(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String analyticMetric,
                               double value, @Nullable String dataString, String userId) {
    public static final Table<AnalyticsMetrics> TABLE = Table.insertOf(AnalyticsMetrics.class);

    public AnalyticsMetrics {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(analyticMetric, "analyticMetric");
        Objects.requireNonNull(userId, "userId");
    }
}
