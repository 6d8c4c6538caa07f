package io.autogpt.seed.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.user.Profile;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.user.UserOnboarding;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignUpsTest {
    /** Two cohorts of 20. */
    private static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().toBuilder().users(40).cohortUsers(20).build())
            .withRules(PlatformRules.SEPTEMBER_2026);
    /** A quarter of the users bring someone each day, so a small plan has several sign-ups a day. */
    private static final AdvanceShape BUSY = new AdvanceShape(0.15, new IntRange(1, 3), 0.14, 0.05, 0.02, 0.008,
            0.25, AdvanceShape.StoreDays.standard());

    @Test
    void theSameSeedAndDayGiveTheSameSignUps() {
        assertThat(SignUps.of(PLAN, BUSY, 4).users().toList()).isEqualTo(SignUps.of(PLAN, BUSY, 4).users().toList())
                .isNotEmpty();
        assertThat(SignUps.of(PLAN, BUSY, 4).libraryAgents().toList())
                .isEqualTo(SignUps.of(PLAN, BUSY, 4).libraryAgents().toList()).isNotEmpty();
    }

    @Test
    void signUpsOfDifferentDaysAndSeedsHaveIdsAndEmailsNoOneElseHas() {
        Set<String> seededIds = DatasetAssembly.of(PLAN).userIds().collect(Collectors.toSet());
        Set<String> seededEmails = DatasetAssembly.of(PLAN).rows(User.TABLE).map(User::email)
                .collect(Collectors.toSet());
        List<User> day1 = SignUps.of(PLAN, BUSY, 1).users().toList();
        List<User> day2 = SignUps.of(PLAN, BUSY, 2).users().toList();
        List<User> otherSeed = SignUps.of(new SeedPlan(7, PLAN.now(), PLAN.scale(), 0, 40, PLAN.rules()), BUSY, 1)
                .users().toList();
        Set<String> ids1 = day1.stream().map(User::id).collect(Collectors.toSet());
        assertThat(ids1).isNotEmpty().doesNotContainAnyElementsOf(seededIds)
                .doesNotContainAnyElementsOf(day2.stream().map(User::id).toList())
                .doesNotContainAnyElementsOf(otherSeed.stream().map(User::id).toList());
        assertThat(day1).extracting(User::email).doesNotContainAnyElementsOf(seededEmails)
                .doesNotContainAnyElementsOf(day2.stream().map(User::email).toList())
                .doesNotContainAnyElementsOf(otherSeed.stream().map(User::email).toList())
                .allMatch(e -> e.matches("^[a-z0-9.]+\\.s42n[0-9]+@example\\.com$"));
        assertThat(SignUps.of(PLAN, BUSY, 1).userIds()).containsExactlyElementsOf(day1.stream().map(User::id).toList());
    }

    @Test
    void everythingOfASignUpLiesInsideItsDayAndAfterTheSignUp() {
        SignUps day = SignUps.of(PLAN, BUSY, 3);
        LocalDateTime start = LocalDateTime.parse("2025-06-03T00:00:00");
        LocalDateTime end = LocalDateTime.parse("2025-06-04T00:00:00");
        Map<String, User> users = day.users().collect(Collectors.toMap(User::id, Function.identity()));
        assertThat(users.values()).allSatisfy(u -> {
            assertThat(u.createdAt()).isBetween(start, end);
            assertThat(u.updatedAt()).isBetween(u.createdAt(), end);
            assertThat(u.stripeCustomerId()).isNull();
            assertThat(u.lastBriefingAt()).isNull();
        });
        assertThat(day.profiles()).allSatisfy(p -> assertThat(p.createdAt())
                .isBetween(users.get(p.userId()).createdAt(), end));
        assertThat(day.libraryAgents()).isNotEmpty().allSatisfy(a -> assertThat(a.createdAt())
                .isBetween(users.get(a.userId()).createdAt(), end));
        assertThat(day.onboardings()).hasSize(users.size()).allSatisfy(o -> {
            assertThat(o.createdAt()).isBetween(users.get(o.userId()).createdAt(), end);
            assertThat(o.agentRuns()).isZero();
            assertThat(o.completedSteps()).hasSizeBetween(1, 3);
        });
        assertThat(day.creditTransactions()).allSatisfy(t -> assertThat(t.createdAt()).isBefore(end.plusNanos(1)));
        assertThat(day.organizations()).hasSize(users.size()).allSatisfy(o -> {
            assertThat(o.isPersonal()).isTrue();
            assertThat(o.createdAt()).isEqualTo(users.get(o.bootstrapUserId()).createdAt());
        });
    }

    @Test
    void aSignUpAddsApprovedStoreAgentsThatOthersOfTheReferrersCohortUse() {
        Map<String, Long> ownerOrdinal = DatasetAssembly.of(PLAN).userIds().collect(Collectors.toMap(id -> id,
                id -> (long) DatasetAssembly.of(PLAN).userIds().toList().indexOf(id)));
        Set<String> approvedGraphs = DatasetAssembly.of(PLAN).rows(StoreListingVersion.TABLE)
                .filter(v -> v.submissionStatus().name().equals("APPROVED")).map(StoreListingVersion::agentGraphId)
                .collect(Collectors.toSet());
        Map<String, String> graphOwner = DatasetAssembly.of(PLAN).rows(io.autogpt.seed.core.agent.AgentGraph.TABLE)
                .collect(Collectors.toMap(io.autogpt.seed.core.agent.AgentGraph::id,
                        io.autogpt.seed.core.agent.AgentGraph::userId, (a, b) -> a));
        SignUps day = SignUps.of(PLAN, BUSY, 2);
        Map<String, Long> referrer = day.logins().stream().collect(Collectors.toMap(l -> l.account().id(),
                l -> ownerOrdinal.get(l.referrerId())));
        List<LibraryAgent> library = day.libraryAgents().toList();
        Set<String> usedByOthers = DatasetAssembly.of(PLAN).rows(LibraryAgent.TABLE)
                .filter(a -> !a.isCreatedByUser()).map(LibraryAgent::agentGraphId).collect(Collectors.toSet());
        assertThat(library).isNotEmpty().allSatisfy(a -> {
            assertThat(approvedGraphs).contains(a.agentGraphId());
            assertThat(usedByOthers).as("a store agent others of the cohort use").contains(a.agentGraphId());
            long owner = ownerOrdinal.get(graphOwner.get(a.agentGraphId()));
            assertThat(owner / 20).as("the owner's cohort is the referrer's").isEqualTo(referrer.get(a.userId()) / 20);
            assertThat(a.isCreatedByUser()).isFalse();
            assertThat(a.lastRunAt()).isNull();
        });
        assertThat(library.stream().map(a -> a.userId() + a.agentGraphId())).doesNotHaveDuplicates();
        Set<String> versionIds = DatasetAssembly.of(PLAN).rows(StoreListingVersion.TABLE)
                .filter(v -> v.submissionStatus().name().equals("APPROVED")).map(StoreListingVersion::id)
                .collect(Collectors.toSet());
        assertThat(day.onboardings().map(UserOnboarding::selectedStoreListingVersionId)
                .filter(java.util.Objects::nonNull)).allMatch(versionIds::contains);
    }

    @Test
    void aShardsSignUpsAreThoseOfItsUsersInTheWholeRun() {
        SeedPlan second = PLAN.slice(20, 40);
        List<String> whole = SignUps.of(PLAN, BUSY, 5).userIds();
        List<String> part = SignUps.of(second, BUSY, 5).userIds();
        List<String> first = SignUps.of(PLAN.slice(0, 20), BUSY, 5).userIds();
        assertThat(part).isNotEmpty();
        assertThat(whole).containsExactlyElementsOf(java.util.stream.Stream.concat(first.stream(), part.stream())
                .toList());
        assertThat(SignUps.of(second, BUSY, 5).profiles().map(Profile::userId).toList()).isEqualTo(part);
    }

    @Test
    void noShareNoSignUps() {
        assertThat(SignUps.of(PLAN, new AdvanceShape(0.15, new IntRange(1, 3), 0.14, 0.05, 0.02, 0.008, 0,
                AdvanceShape.StoreDays.standard()), 1)
                .count()).isZero();
        assertThat(AdvanceShape.standard().signUpShare()).isEqualTo(0.02);
        assertThat(SignUps.of(PLAN, BUSY, 1).organizations().map(Organization::id)).doesNotHaveDuplicates();
    }
}
