package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.expert.Expert;
import io.autogpt.seed.core.expert.ExpertCredential;
import io.autogpt.seed.core.expert.ExpertPauseEvent;
import io.autogpt.seed.core.expert.ExpertPod;
import io.autogpt.seed.core.expert.ExpertRoutine;
import io.autogpt.seed.core.expert.ExpertSkillListing;
import io.autogpt.seed.core.expert.ExpertWorkflow;
import io.autogpt.seed.core.integration.IntegrationWebhook;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.skill.SkillListing;
import io.autogpt.seed.core.skill.SkillListingActiveVersion;
import io.autogpt.seed.core.skill.SkillListingFile;
import io.autogpt.seed.core.skill.SkillListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.testing.Canonical;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Today's experts and Skills Hub: every row hangs off one user and names that user's objects only; the rows of a
 * fixed plan are pinned. A change to a pin changes the data: update it in the same commit and say so.
 */
class ExpertsTest {
    private static final SeedPlan PLAN = SeedPlan.of(7, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(40)).withRules(PlatformRules.SEPTEMBER_2026);
    private static final Dataset DATA = new Dataset(PLAN);
    private static final List<Table<?>> TABLES = List.of(SkillListing.TABLE, SkillListingVersion.TABLE,
            SkillListingFile.TABLE, SkillListingActiveVersion.TABLE, ExpertPod.TABLE, Expert.TABLE,
            ExpertWorkflow.TABLE, ExpertRoutine.TABLE, ExpertSkillListing.TABLE, ExpertCredential.TABLE,
            ExpertPauseEvent.TABLE);
    private static final Map<String, Expert> EXPERTS = DATA.rows(Expert.TABLE)
            .collect(Collectors.toMap(Expert::id, Function.identity()));

    static Map<String, String> hashes() {
        Map<String, String> out = new TreeMap<>();
        for (Table<?> table : TABLES) {
            out.put(table.label(), hash(table));
        }
        return out;
    }

    private static <R extends Record> String hash(Table<R> table) {
        return Canonical.sha256(table, DATA.rows(table)).substring(0, 16);
    }

    @Test
    void tablesHashAsPinned() {
        Map<String, String> expected = new TreeMap<>();
        GOLDEN.lines().map(l -> l.split("=")).forEach(kv -> expected.put(kv[0], kv[1]));
        assertThat(hashes()).as("golden hashes (print ExpertsTest.hashes() to update)").isEqualTo(expected);
        for (Table<?> table : TABLES) {
            assertThat(DATA.rows(table).count()).as(table.label() + " holds rows, so its pin pins something")
                    .isPositive();
        }
    }

    @Test
    void earlierRulesHaveNoneOfTheseTables() {
        Dataset early = new Dataset(PLAN.withRules(PlatformRules.EARLY_2026));
        assertThat(early.steps().stream().<Object>map(s -> s.table()).toList()).doesNotContainAnyElementsOf(List.<Object>copyOf(TABLES));
    }

    @Test
    void whatHangsOffAnExpertIsItsOwners() {
        Map<String, LibraryAgent> agents = DATA.rows(LibraryAgent.TABLE)
                .collect(Collectors.toMap(LibraryAgent::id, Function.identity()));
        for (ExpertWorkflow w : DATA.rows(ExpertWorkflow.TABLE).toList()) {
            Expert x = EXPERTS.get(w.expertId());
            LibraryAgent a = agents.get(w.libraryAgentId());
            assertThat(a.userId()).isEqualTo(x.ownerUserId());
            assertThat(w.createdAt()).isAfterOrEqualTo(x.createdAt()).isAfterOrEqualTo(a.createdAt());
        }
        Set<String> ownersCredentials = DATA.rows(IntegrationWebhook.TABLE)
                .map(h -> h.userId() + "/" + h.credentialsId() + "/" + h.provider()).collect(Collectors.toSet());
        assertThat(DATA.rows(ExpertCredential.TABLE).toList()).isNotEmpty().allSatisfy(c -> assertThat(
                ownersCredentials).contains(EXPERTS.get(c.expertId()).ownerUserId() + "/" + c.credentialId() + "/"
                + c.provider()));
        Map<String, SkillListing> listings = DATA.rows(SkillListing.TABLE)
                .collect(Collectors.toMap(SkillListing::id, Function.identity()));
        assertThat(DATA.rows(ExpertSkillListing.TABLE).toList()).isNotEmpty().allSatisfy(s -> assertThat(
                listings.get(s.skillListingId()).owningUserId()).isEqualTo(EXPERTS.get(s.expertId()).ownerUserId()));
        Map<String, ExpertPod> pods = DATA.rows(ExpertPod.TABLE)
                .collect(Collectors.toMap(ExpertPod::id, Function.identity()));
        assertThat(EXPERTS.values().stream().filter(x -> x.podId() != null).toList()).isNotEmpty()
                .allSatisfy(x -> assertThat(pods.get(x.podId()).userId()).isEqualTo(x.ownerUserId()));
    }

    @Test
    void everyRoutineHasExactlyOneOwnerAndBothKindsOccur() {
        List<ExpertRoutine> routines = DATA.rows(ExpertRoutine.TABLE).toList();
        assertThat(routines).allSatisfy(r -> assertThat(r.expertId() == null).isNotEqualTo(r.userId() == null));
        assertThat(routines).anyMatch(r -> r.expertId() != null).anyMatch(r -> r.userId() != null)
                .anyMatch(r -> r.runAt() != null).anyMatch(r -> !r.scheduleIds().isEmpty());
    }

    @Test
    void aListingShowsItsNewestApprovedVersion() {
        Map<String, String> active = DATA.rows(SkillListingActiveVersion.TABLE)
                .collect(Collectors.toMap(SkillListingActiveVersion::id, SkillListingActiveVersion::activeVersionId));
        Map<String, List<SkillListingVersion>> versions = DATA.rows(SkillListingVersion.TABLE)
                .collect(Collectors.groupingBy(SkillListingVersion::skillListingId));
        for (SkillListing l : DATA.rows(SkillListing.TABLE).toList()) {
            String newestApproved = versions.get(l.id()).stream()
                    .filter(v -> v.submissionStatus() == SubmissionStatus.APPROVED)
                    .max(java.util.Comparator.comparingInt(SkillListingVersion::version))
                    .map(SkillListingVersion::id).orElse(null);
            assertThat(active.get(l.id())).isEqualTo(newestApproved);
            assertThat(l.hasApprovedVersion()).isEqualTo(newestApproved != null);
        }
    }

    @Test
    void pausedSchedulesMatchTheOpenPause() {
        Map<String, List<ExpertPauseEvent>> pauses = DATA.rows(ExpertPauseEvent.TABLE)
                .collect(Collectors.groupingBy(ExpertPauseEvent::expertId));
        assertThat(pauses).isNotEmpty();
        for (Expert x : EXPERTS.values()) {
            List<ExpertPauseEvent> open = pauses.getOrDefault(x.id(), List.of()).stream()
                    .filter(p -> p.clearedAt() == null).toList();
            assertThat(open).hasSizeLessThanOrEqualTo(1);
            assertThat(x.schedulesPausedAt()).isEqualTo(open.isEmpty() ? null : open.get(0).createdAt());
        }
    }

    private static final String GOLDEN = """
            Expert=6266b157d2df0b98
            ExpertCredential=760da7486f312d5e
            ExpertPauseEvent=9fabaff2ebfe4ff8
            ExpertPod=c9799d46c88995d2
            ExpertRoutine=ca3916991c6c30fb
            ExpertSkillListing=69a1bfec5943f013
            ExpertWorkflow=00d560483603c63d
            SkillListing=71026a1268d71543
            SkillListing (update activeVersionId)=a130760e42de770c
            SkillListingFile=70d95cab99171799
            SkillListingVersion=a5a229cae82f5501""";
}
