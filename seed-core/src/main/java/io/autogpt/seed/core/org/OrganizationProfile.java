package io.autogpt.seed.core.org;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "OrganizationProfile"}: one per organisation, {@code username} = the organisation's slug. */
public record OrganizationProfile(String organizationId, String username, @Nullable String displayName,
                                  @Nullable String avatarUrl, @Nullable String bio, @Nullable Json socialLinks,
                                  LocalDateTime createdAt, LocalDateTime updatedAt) {
    public static final Table<OrganizationProfile> TABLE = Table.insertOf(OrganizationProfile.class);

    public OrganizationProfile {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
