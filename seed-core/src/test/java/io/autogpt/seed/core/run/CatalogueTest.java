package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.expert.Expert;
import io.autogpt.seed.core.expert.ExpertSkillListing;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.skill.CatalogueActivation;
import io.autogpt.seed.core.skill.CatalogueRelease;
import io.autogpt.seed.core.skill.CatalogueReleaseVersion;
import io.autogpt.seed.core.skill.SkillListing;
import io.autogpt.seed.core.skill.SkillListingFile;
import io.autogpt.seed.core.skill.SkillListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.testing.Canonical;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The marketplace catalogue is one per platform: every seed and slice makes the same rows, shaped as upstream's
 * publisher makes a release. The rows of a fixed anchor are pinned; a change to a pin changes the data.
 */
class CatalogueTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final List<Table<?>> TABLES = List.of(SkillListing.CATALOGUE, SkillListingVersion.CATALOGUE,
            SkillListingFile.CATALOGUE, Expert.CATALOGUE, ExpertSkillListing.CATALOGUE, CatalogueRelease.TABLE,
            CatalogueReleaseVersion.TABLE, CatalogueActivation.TABLE);

    private static Dataset data(long seed, int users) {
        return new Dataset(SeedPlan.of(seed, NOW, ScaleProfile.original().withUsers(users))
                .withRules(PlatformRules.SEPTEMBER_2026));
    }

    private static Map<String, String> hashes(Dataset data) {
        Map<String, String> out = new TreeMap<>();
        for (Table<?> table : TABLES) {
            out.put(table.label(), hash(data, table));
        }
        return out;
    }

    private static <R extends Record> String hash(Dataset data, Table<R> table) {
        return Canonical.sha256(table, data.rows(table)).substring(0, 16);
    }

    @Test
    void everySeedAndSliceMakesTheSameCatalogue() {
        Map<String, String> pinned = hashes(data(7, 40));
        assertThat(pinned).isEqualTo(Map.of("CatalogueActivation", "4cdc9e68f0ad5f10",
                "CatalogueRelease", "9d88e187e51b36ac", "CatalogueReleaseVersion", "21c87dc4df79c23b",
                "Expert (catalogue)", "1c476a90263d4fb9", "ExpertSkillListing (catalogue)", "284f6233b7253d99",
                "SkillListing (catalogue)", "b4aeea6b7af7d77f", "SkillListingFile (catalogue)", "dc857e2a66da6c4c",
                "SkillListingVersion (catalogue)", "714ac5307be833da"));
        assertThat(hashes(data(8, 5))).isEqualTo(pinned);
        Dataset slice = new Dataset(SeedPlan.of(7, NOW, ScaleProfile.original().withUsers(300))
                .withRules(PlatformRules.SEPTEMBER_2026).slice(100, 200));
        assertThat(hashes(slice)).isEqualTo(pinned);
    }

    @Test
    void earlierRulesHaveNoCatalogue() {
        Dataset early = new Dataset(SeedPlan.of(7, NOW, ScaleProfile.original().withUsers(5))
                .withRules(PlatformRules.values()[0]));
        List<Table<?>> written = early.steps().stream().<Table<?>>map(Dataset.Step::table).toList();
        assertThat(written).doesNotContainAnyElementsOf(TABLES);
    }

    @Test
    void theReleaseIsShapedAsUpstreamsPublisherMakesIt() throws Exception {
        Dataset data = data(7, 5);
        CatalogueRelease release = data.rows(CatalogueRelease.TABLE).findFirst().orElseThrow();
        // id = sha256 of canonical {"manifest_sha256", "revision"}; the manifest hash is of the manifest's text.
        assertThat(release.manifestSha256()).isEqualTo(sha256(release.manifest().text()));
        assertThat(release.id()).isEqualTo(sha256("{\"manifest_sha256\":\"" + release.manifestSha256()
                + "\",\"revision\":\"" + release.revision() + "\"}"));
        assertThat(release.revision()).matches("[0-9a-f]{40}");

        List<SkillListingVersion> versions = data.rows(SkillListingVersion.CATALOGUE).toList();
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.submissionStatus()).isEqualTo(SubmissionStatus.APPROVED);
            assertThat(v.cataloguePackageSha256()).matches("[0-9a-f]{64}");
            assertThat(release.snapshot().text()).contains("\"version_id\":\"" + v.id() + "\"");
        });
        assertThat(data.rows(CatalogueReleaseVersion.TABLE).map(CatalogueReleaseVersion::versionId))
                .containsExactlyInAnyOrderElementsOf(versions.stream().map(SkillListingVersion::id).toList());
        assertThat(data.rows(SkillListing.CATALOGUE)).allSatisfy(l -> {
            assertThat(l.owningUserId()).isNull();
            assertThat(release.snapshot().text()).contains("\"listing_id\":\"" + l.id() + "\"");
        });
        // Templates are archived until the activation shows them, and the snapshot assigns exactly their skills.
        Map<String, List<String>> assigned = data.rows(ExpertSkillListing.CATALOGUE).collect(Collectors.groupingBy(
                ExpertSkillListing::expertId, TreeMap::new, Collectors.mapping(ExpertSkillListing::skillListingId,
                        Collectors.toList())));
        assertThat(data.rows(Expert.CATALOGUE)).allSatisfy(e -> {
            assertThat(e.isTemplate()).isTrue();
            assertThat(e.isArchived()).isTrue();
            assertThat(release.snapshot().text()).contains("\"expert_id\":\"" + e.id() + "\",\"is_archived\":false,"
                    + "\"skills\":[\"" + String.join("\",\"", assigned.get(e.id())) + "\"]");
        });
        CatalogueActivation activation = data.rows(CatalogueActivation.TABLE).findFirst().orElseThrow();
        assertThat(activation.releaseId()).isEqualTo(release.id());
        assertThat(activation.snapshot()).isEqualTo(release.snapshot());
        assertThat(activation.generation()).isEqualTo(1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
