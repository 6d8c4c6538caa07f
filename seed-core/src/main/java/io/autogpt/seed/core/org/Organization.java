package io.autogpt.seed.core.org;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "Organization"}: a user's personal organisation ({@code isPersonal}, one live one per
 * {@code bootstrapUserId}) or a shared one. {@code slug} is unique across the database.
 */
public record Organization(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String name, String slug,
                           @Nullable String avatarUrl, @Nullable String description, boolean isPersonal,
                           Json settings, @Nullable String stripeCustomerId, @Nullable String stripeSubscriptionId,
                           @Nullable Json topUpConfig, @Nullable LocalDateTime archivedAt,
                           @Nullable LocalDateTime deletedAt, @Nullable String bootstrapUserId) {
    public static final Table<Organization> TABLE = Table.insertOf(Organization.class);

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(settings, "settings");
    }
}
