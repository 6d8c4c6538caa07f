package io.autogpt.seed.core.activity;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "UserAttribution"} (today's platform): where a user came from when they signed up (first
 * landing, referrer, UTM tags, sign-up method), keyed by the user.
 */
public record UserAttribution(String userId, LocalDateTime createdAt, LocalDateTime updatedAt,
                              @Nullable String anonymousId, @Nullable String posthogDistinctId,
                              @Nullable String datafastVisitorId, @Nullable String datafastSessionId,
                              @Nullable String landingPath, @Nullable String referrer, @Nullable String utmSource,
                              @Nullable String utmMedium, @Nullable String utmCampaign,
                              @Nullable String signupMethod) {
    public static final Table<UserAttribution> TABLE = Table.insertOf(UserAttribution.class);

    public UserAttribution {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
