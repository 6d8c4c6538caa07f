package io.autogpt.seed.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.ListingState;
import io.autogpt.seed.core.port.Recategorised;
import io.autogpt.seed.core.port.StoreVerdict;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.store.StoreListing;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DayStoreTest {
    private static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().toBuilder().users(40).build()).withRules(PlatformRules.SEPTEMBER_2026);
    /** Every waiting version decided, half approved; many submissions and new categories. */
    private static final AdvanceShape BUSY = new AdvanceShape(0.8, new IntRange(1, 3), 0.5, 0.3, 0.2, 0.1,
            AdvanceShape.STANDARD_SIGN_UP_SHARE, new AdvanceShape.StoreDays(0.5, 1.0, 0.5, 0.3, 0.5, 0.5));

    /** The seeded listings, as a target holding the seed reads them. */
    private static List<ListingState> seeded(SeedPlan plan) {
        DatasetAssembly seed = DatasetAssembly.of(plan);
        Map<String, StoreListingVersion> versions = seed.rows(StoreListingVersion.TABLE)
                .collect(Collectors.toMap(StoreListingVersion::storeListingId, Function.identity()));
        return seed.rows(StoreListing.TABLE).map(l -> {
            StoreListingVersion v = Objects.requireNonNull(versions.get(l.id()));
            return new ListingState(l.id(), l.owningUserId(), l.slug(), v,
                    v.submissionStatus() == SubmissionStatus.APPROVED ? v : null, 1);
        }).toList();
    }

    @Test
    void waitingVersionsAreDecidedAndApprovedOnesBecomeActive() {
        List<ListingState> held = seeded(PLAN);
        DayStore.State state = DayStore.State.of(PLAN, held);
        DayStore day = DayStore.of(PLAN, BUSY, 1);
        List<StoreVerdict> verdicts = day.verdicts(state);
        long waiting = held.stream().filter(l -> l.latest().submissionStatus() == SubmissionStatus.PENDING).count();
        assertThat(verdicts).hasSize((int) waiting).isNotEmpty();
        assertThat(verdicts).extracting(StoreVerdict::approved).contains(true, false);
        for (StoreVerdict v : verdicts) {
            ListingState now = Objects.requireNonNull(state.listing(v.listingId()));
            assertThat(now.latest().id()).isEqualTo(v.versionId());
            assertThat(v.reviewedAt()).isBetween(day.start(), day.anchor());
            assertThat(v.reviewerId()).isNotEqualTo(now.ownerId());
            assertThat(now.latest().isAvailable()).isEqualTo(v.approved());
            if (v.approved()) {
                assertThat(Objects.requireNonNull(now.active()).id()).isEqualTo(v.versionId());
            }
        }
        Set<String> approved = verdicts.stream().filter(StoreVerdict::approved).map(StoreVerdict::versionId)
                .collect(Collectors.toSet());
        assertThat(day.approved()).extracting(a -> a.versionId()).containsExactlyInAnyOrderElementsOf(approved);
        // A listing approved for the first time is reviewed that day, so its rating exists; the seeded waiting
        // versions all belong to listings without an approved one.
        Map<String, StoreVerdict> byVersion = verdicts.stream()
                .collect(Collectors.toMap(StoreVerdict::versionId, Function.identity()));
        List<io.autogpt.seed.core.store.StoreListingReview> first = day.firstReviews().toList();
        assertThat(first).extracting(r -> r.storeListingVersionId()).containsExactlyInAnyOrderElementsOf(approved);
        assertThat(first).allSatisfy(r -> {
            StoreVerdict v = byVersion.get(r.storeListingVersionId());
            assertThat(r.createdAt()).isAfterOrEqualTo(v.reviewedAt()).isBeforeOrEqualTo(day.anchor());
            assertThat(r.reviewByUserId()).isNotEqualTo(Objects.requireNonNull(state.listing(v.listingId())).ownerId());
        });
        assertThat(day.approved()).allSatisfy(a -> assertThat(a.reviewers()).hasSize(1));
    }

    @Test
    void aNewVersionFollowsTheLatestWaitsAndIsNotDecidedTheSameDay() {
        DayStore.State state = DayStore.State.of(PLAN, seeded(PLAN));
        DayStore day = DayStore.of(PLAN, BUSY, 1);
        Set<String> decided = day.verdicts(state).stream().map(StoreVerdict::listingId).collect(Collectors.toSet());
        Set<String> seededIds = DatasetAssembly.of(PLAN).rows(StoreListingVersion.TABLE).map(StoreListingVersion::id)
                .collect(Collectors.toSet());
        List<StoreListingVersion> submitted = day.submissions(state).toList();
        assertThat(submitted).isNotEmpty().allSatisfy(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.submissionStatus()).isEqualTo(SubmissionStatus.PENDING);
            assertThat(v.reviewerId()).isNull();
            assertThat(v.submittedAt()).isEqualTo(v.createdAt()).isBetween(day.start(), day.anchor());
            assertThat(seededIds).doesNotContain(v.id());
            assertThat(decided).doesNotContain(v.storeListingId());
            assertThat(Objects.requireNonNull(state.listing(v.storeListingId())).latest()).isEqualTo(v);
        });
        // Submitted during day 1, so less than half a day before day 2 began for some: those wait.
        DayStore next = DayStore.of(PLAN, BUSY, 2);
        Set<String> decidedNext = next.verdicts(state).stream().map(StoreVerdict::versionId).collect(Collectors.toSet());
        submitted.stream().filter(v -> Objects.requireNonNull(v.submittedAt()).isAfter(next.start().minusHours(12)))
                .forEach(v -> assertThat(decidedNext).doesNotContain(v.id()));
    }

    @Test
    void newCategoriesDifferAndTheVersionIsReembeddedWithThem() {
        DayStore.State state = DayStore.State.of(PLAN, seeded(PLAN));
        DayStore day = DayStore.of(PLAN, BUSY, 3);
        day.verdicts(state);
        day.submissions(state).toList();
        Map<String, List<String>> before = seeded(PLAN).stream().filter(l -> l.active() != null)
                .collect(Collectors.toMap(l -> l.active().id(), l -> l.active().categories()));
        List<Recategorised> changed = day.recategorisations(state);
        assertThat(changed).isNotEmpty().allSatisfy(c -> {
            assertThat(c.categories()).isNotEmpty().isNotEqualTo(before.get(c.versionId()));
            assertThat(c.at()).isBetween(day.start(), day.anchor());
        });
        Map<String, UnifiedContentEmbedding> embeddings = day.embeddings()
                .collect(Collectors.toMap(UnifiedContentEmbedding::contentId, Function.identity()));
        assertThat(embeddings).hasSize(changed.size() + day.approved().size());
        for (Recategorised c : changed) {
            UnifiedContentEmbedding e = embeddings.get(c.versionId());
            assertThat(e.searchableText()).endsWith(String.join(" ", c.categories()));
            assertThat(e.createdAt()).isAfterOrEqualTo(c.at()).isBeforeOrEqualTo(day.anchor());
        }
    }

    @Test
    void theSameDayOfTheSameStoreIsTheSameRows() {
        DayStore.State a = DayStore.State.of(PLAN, seeded(PLAN));
        DayStore.State b = DayStore.State.of(PLAN, seeded(PLAN));
        assertThat(DayStore.of(PLAN, BUSY, 2).verdicts(a)).isEqualTo(DayStore.of(PLAN, BUSY, 2).verdicts(b));
        DayStore x = DayStore.of(PLAN, BUSY, 3);
        DayStore y = DayStore.of(PLAN, BUSY, 3);
        x.verdicts(a);
        y.verdicts(b);
        assertThat(x.submissions(a).toList()).isEqualTo(y.submissions(b).toList());
        assertThat(x.embeddings().toList()).isEqualTo(y.embeddings().toList());
    }

    @Test
    void ownersAreToldOfEachDecisionInTheirBatchOfItsType() {
        DayStore.State state = DayStore.State.of(PLAN, seeded(PLAN));
        DayStore day = DayStore.of(PLAN, BUSY, 1);
        List<StoreVerdict> verdicts = day.verdicts(state);
        List<NotificationEvent> told = day.verdictNotices(state);
        UserFactory users = new UserFactory(new DatasetShape(PLAN));
        DatasetShape shape = new DatasetShape(PLAN);
        long expected = verdicts.stream().filter(v -> {
            String owner = Objects.requireNonNull(state.listing(v.listingId())).ownerId();
            for (long u = 0; u < 40; u++) {
                if (shape.userId(u).equals(owner)) {
                    return users.create(u).notifyOnStoreVerdict();
                }
            }
            return false;
        }).count();
        assertThat(told).hasSize((int) expected).isNotEmpty().allSatisfy(v -> {
            assertThat(v.type()).isEqualTo(NotificationType.VERDICT);
            assertThat(v.createdAt()).isBetween(day.start(), day.anchor());
        });
        assertThat(day.verdictBatches(state, told)).allSatisfy(b -> assertThat(told).anySatisfy(v -> {
            assertThat(v.userNotificationBatchId()).isEqualTo(b.id());
            assertThat(v.createdAt()).isBetween(b.createdAt(), b.updatedAt());
        }));
        SeedPlan early = PLAN.withRules(PlatformRules.EARLY_2026);
        DayStore.State old = DayStore.State.of(early, seeded(early));
        DayStore earlyDay = DayStore.of(early, BUSY, 1);
        List<StoreVerdict> earlyVerdicts = earlyDay.verdicts(old);
        // Before today's platform every owner is told, with the decision's own type.
        assertThat(earlyDay.verdictNotices(old)).extracting(NotificationEvent::type)
                .containsExactlyElementsOf(earlyVerdicts.stream().map(v -> v.approved() ? NotificationType.AGENT_APPROVED
                        : NotificationType.AGENT_REJECTED).toList());
    }
}
