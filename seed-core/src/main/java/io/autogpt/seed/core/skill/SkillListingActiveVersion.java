package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.table.Table;
import java.util.Objects;

/**
 * Sets {@code "SkillListing"."activeVersionId"} once the listing's versions exist: an update, not a new row.
 *
 * @param id              the listing's id (the key)
 * @param activeVersionId the newest approved version, the one installs get
 */
public record SkillListingActiveVersion(String id, String activeVersionId) {
    public static final Table<SkillListingActiveVersion> TABLE =
            Table.updateOf("SkillListing", SkillListingActiveVersion.class);

    public SkillListingActiveVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activeVersionId, "activeVersionId");
    }
}
