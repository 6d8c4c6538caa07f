package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.table.Bytes;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "SkillListingFile"}: one file beside a version's SKILL.md (which the version itself holds),
 * snapshotted with it: a POSIX path relative to the skill's folder, unique per version, its bytes in the row, and
 * their size and SHA-256, as the platform records them.
 */
public record SkillListingFile(String id, LocalDateTime createdAt, String skillListingVersionId, String relativePath,
                               int sizeBytes, String sha256, @Nullable String mimeType, boolean isExecutable,
                               Bytes content) {
    public static final Table<SkillListingFile> TABLE = Table.insertOf(SkillListingFile.class);
    /** The the files of the seeded catalogue's packages, written where missing. */
    public static final Table<SkillListingFile> CATALOGUE = Table.catalogueOf(SkillListingFile.class, 1);

    public SkillListingFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(skillListingVersionId, "skillListingVersionId");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(content, "content");
        if (sizeBytes != content.size() || !sha256.equals(content.sha256())) {
            throw new IllegalArgumentException("skill file " + id + ": size and hash are those of its bytes");
        }
        if (relativePath.startsWith("/") || relativePath.equals("SKILL.md") || relativePath.contains("..")) {
            throw new IllegalArgumentException("skill file " + id + ": a relative path beside SKILL.md");
        }
    }
}
