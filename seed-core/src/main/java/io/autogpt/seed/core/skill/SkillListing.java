package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "SkillListing"}: a creator's Skills Hub listing (owner and their personal organisation), with a
 * globally unique slug. {@code activeVersionId} is written as null and set afterwards
 * ({@link SkillListingActiveVersion}): the listing and its versions name each other. {@code hasApprovedVersion} says whether one of its versions was approved.
 */
public record SkillListing(String id, LocalDateTime createdAt, LocalDateTime updatedAt, boolean isDeleted,
                           boolean hasApprovedVersion, String slug, @Nullable String activeVersionId, int installCount, @Nullable String owningUserId,
                           @Nullable String owningOrgId) {
    public static final Table<SkillListing> TABLE = Table.insertOf(SkillListing.class);
    /** The the platform's own listings of the seeded catalogue (no owner), written where missing. */
    public static final Table<SkillListing> CATALOGUE = Table.catalogueOf(SkillListing.class, 1);

    public SkillListing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(slug, "slug");
        if (activeVersionId != null) {
            throw new IllegalArgumentException("skill listing " + id + ": its active version is set once it exists");
        }
    }
}
