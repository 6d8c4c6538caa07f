package io.autogpt.seed.core.analytics;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "AnalyticsMetrics"}: a named numeric measurement for a user. */
public record AnalyticsMetrics(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String analyticMetric,
                               double value, @Nullable String dataString, String userId) {
    public static final Table<AnalyticsMetrics> TABLE = Table.insert("AnalyticsMetrics", AnalyticsMetrics.class)
            .text("id", AnalyticsMetrics::id).timestamp("createdAt", AnalyticsMetrics::createdAt)
            .timestamp("updatedAt", AnalyticsMetrics::updatedAt)
            .text("analyticMetric", AnalyticsMetrics::analyticMetric).decimal("value", AnalyticsMetrics::value)
            .nullableText("dataString", AnalyticsMetrics::dataString).text("userId", AnalyticsMetrics::userId)
            .build();

    public AnalyticsMetrics {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(analyticMetric, "analyticMetric");
        Objects.requireNonNull(userId, "userId");
    }
}
