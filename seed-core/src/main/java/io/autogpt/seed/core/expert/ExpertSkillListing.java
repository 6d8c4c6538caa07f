package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/** A row of {@code "ExpertSkillListing"}: a Skills Hub listing an expert comes with, at a display position. */
public record ExpertSkillListing(String expertId, String skillListingId, int position, LocalDateTime createdAt) {
    public static final Table<ExpertSkillListing> TABLE = Table.insertOf(ExpertSkillListing.class);
    /** The skills the seeded catalogue assigns its expert templates, written where missing. */
    public static final Table<ExpertSkillListing> CATALOGUE = Table.catalogueOf(ExpertSkillListing.class, 2);

    public ExpertSkillListing {
        Objects.requireNonNull(expertId, "expertId");
        Objects.requireNonNull(skillListingId, "skillListingId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
