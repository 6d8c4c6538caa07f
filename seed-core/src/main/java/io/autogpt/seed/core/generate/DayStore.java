package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.ListedVersion;
import io.autogpt.seed.core.port.ListingState;
import io.autogpt.seed.core.port.Recategorised;
import io.autogpt.seed.core.port.StoreVerdict;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import io.autogpt.seed.core.search.ContentType;
import io.autogpt.seed.core.search.StoreEmbeddings;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.store.StoreListingReview;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What happens in the store on day {@code d} of {@code advance} beyond user reviews and flags: the store's reviewers
 * decide versions that waited since before the day (approved ones become their listing's active version, with the
 * store embedding the platform makes on approval; rejected ones are no longer available), owners submit new versions
 * of listings with nothing waiting (version number one above the latest, listing the owner's active graph version,
 * the latest version's content, {@code PENDING}), and the admins re-categorise a few live listings' active versions
 * (re-embedded). Owners are told of each decision as the seeder tells them ({@link #verdictNotices}).
 *
 * <p>Each listing draws from a stream keyed by its id and the day, so a listing's day does not depend on the others,
 * and seven days one at a time give the rows of a week at once: the {@link State}, read from the target, learns every
 * change. Ids are drawn from ({@code table/advance/<id>}, day) paths no seeded row uses. Call {@link #verdicts},
 * {@link #submissions} and {@link #recategorisations} once each, in that order; the rest report on them.
 *
 * <p>Not thread-safe.
 */
public final class DayStore {
    private static final List<String> CHANGES = List.of("Faster runs and clearer error messages",
            "Supports more input formats", "New output block and updated instructions", "Fixes a crash on empty input",
            "Updated screenshots and description", "Uses the latest model");
    /** A version waits for its review at least this long. */
    private static final Duration REVIEW_WAIT = Duration.ofHours(12);

    private final SeedPlan plan;
    private final AdvanceShape.StoreDays shape;
    private final int day;
    private final DatasetShape dataset;
    private final LocalDateTime start;
    private final LocalDateTime anchor;
    private final UserFactory users;
    private final TodaysNotices notices;
    private final NotificationFactory decisions;
    private final RowFaker faker = new RowFaker();
    /** The day's decided versions, as they are now, with their listing. */
    private final List<ListingState> decided = new ArrayList<>();
    private final List<ListingState> recategorised = new ArrayList<>();
    /** The reviewer of each version decided today, by version id. */
    private final Map<String, Long> reviewers = new HashMap<>();
    /** Today's first approvals of listings that had none, with the review each gets (by version id). */
    private final Map<String, StoreListingReview> firstReviews = new TreeMap<>();

    private DayStore(SeedPlan plan, AdvanceShape advance, int day) {
        if (day < 1) {
            throw new IllegalArgumentException("days are numbered from 1, got " + day);
        }
        this.plan = plan;
        this.shape = advance.store();
        this.day = day;
        this.dataset = new DatasetShape(plan);
        this.start = plan.now().plusDays(day - 1L);
        this.anchor = plan.now().plusDays(day);
        this.users = new UserFactory(dataset);
        this.notices = new TodaysNotices(dataset);
        this.decisions = new NotificationFactory(dataset);
    }

    /** The store's day {@code day} for {@code plan}'s users, at {@code advance}'s volume. */
    public static DayStore of(SeedPlan plan, AdvanceShape advance, int day) {
        return new DayStore(plan, advance, day);
    }

    /** When the day begins: the anchor before it. */
    public LocalDateTime start() {
        return start;
    }

    /** The day's anchor: nothing it makes lies after it. */
    public LocalDateTime anchor() {
        return anchor;
    }

    private Rng rng(String what, String listingId) {
        return dataset.rng("advance/store/" + what + "/", listingId, day);
    }

    /**
     * The day's decisions on versions submitted at least half a day before the day began: each waiting version is
     * decided with the shape's decide share, approved with its approve share, at a moment of the day, by another
     * user of the owner's cohort (as the seeder picks reviewers). {@code state} learns them.
     */
    public List<StoreVerdict> verdicts(State state) {
        List<StoreVerdict> out = new ArrayList<>();
        for (Map.Entry<String, ListingState> e : state.listings.entrySet()) {
            ListingState l = e.getValue();
            StoreListingVersion v = l.latest();
            LocalDateTime submitted = v.submittedAt();
            if (v.submissionStatus() != SubmissionStatus.PENDING || submitted == null
                    || submitted.plus(REVIEW_WAIT).isAfter(start)) {
                continue;
            }
            Rng rng = rng("decide", l.listingId());
            if (!rng.chance(shape.decideShare())) {
                continue;
            }
            long owner = state.ordinal(l.ownerId());
            boolean approved = rng.chance(shape.approveShare());
            long reviewerOrdinal = dataset.otherUserInCohort(rng, owner);
            String reviewer = dataset.userId(reviewerOrdinal);
            reviewers.put(v.id(), reviewerOrdinal);
            LocalDateTime at = DatasetShape.between(rng, start, anchor.minusMinutes(1));
            String comments = faker.at(rng).lorem().sentence();
            StoreListingVersion now = new StoreListingVersion(v.id(), v.version(), v.createdAt(), latest(v.updatedAt(), at),
                    v.agentGraphId(), v.agentGraphVersion(), v.name(), v.subHeading(), v.videoUrl(), v.imageUrls(),
                    v.description(), v.categories(), v.isFeatured(), v.isDeleted(), approved, v.storeListingId(),
                    reviewer, comments, v.internalComments(), at, v.changesSummary(),
                    approved ? SubmissionStatus.APPROVED : SubmissionStatus.REJECTED, v.submittedAt(),
                    v.recommendedScheduleCron(), v.instructions(), v.agentOutputDemoUrl(), v.organizationId());
            ListingState after = new ListingState(l.listingId(), l.ownerId(), l.slug(), now,
                    approved ? now : l.active(), l.graphVersion());
            e.setValue(after);
            decided.add(after);
            out.add(new StoreVerdict(v.id(), l.listingId(), approved, reviewer, at, comments));
            if (approved && l.active() == null) {
                firstReviews.put(v.id(), firstReview(owner, v.id(), at));
            }
        }
        return out;
    }

    /**
     * The day's new versions: owners of listings whose latest version was decided before today submit a new one with
     * the submit share, created and submitted at one moment of the day. {@code state} learns them.
     */
    public Stream<StoreListingVersion> submissions(State state) {
        Set<String> today = decidedToday();
        List<StoreListingVersion> out = new ArrayList<>();
        for (Map.Entry<String, ListingState> e : state.listings.entrySet()) {
            ListingState l = e.getValue();
            StoreListingVersion v = l.latest();
            boolean decidedBefore = v.submissionStatus() == SubmissionStatus.APPROVED
                    || v.submissionStatus() == SubmissionStatus.REJECTED;
            if (!decidedBefore || today.contains(l.listingId())) {
                continue;
            }
            Rng rng = rng("submit", l.listingId());
            if (!rng.chance(shape.submitShare())) {
                continue;
            }
            LocalDateTime at = DatasetShape.between(rng, start, anchor.minusMinutes(1));
            StoreListingVersion next = new StoreListingVersion(dataset.id("StoreListingVersion/advance/",
                    l.listingId(), day), v.version() + 1, at, at, v.agentGraphId(), l.graphVersion(), v.name(),
                    v.subHeading(), v.videoUrl(), v.imageUrls(), v.description(), v.categories(), false, false, true,
                    v.storeListingId(), null, null, null, null, rng.pick(CHANGES), SubmissionStatus.PENDING, at,
                    v.recommendedScheduleCron(), v.instructions(), v.agentOutputDemoUrl(), v.organizationId());
            e.setValue(new ListingState(l.listingId(), l.ownerId(), l.slug(), next, l.active(), l.graphVersion()));
            out.add(next);
        }
        return out.stream();
    }

    /** The listings whose versions were decided today. */
    private Set<String> decidedToday() {
        Set<String> today = new HashSet<>();
        decided.forEach(l -> today.add(l.listingId()));
        return today;
    }

    /**
     * The day's new categories: the active versions of live listings not decided today change categories with the
     * category share (one to three of the store's, never the same set), at a moment of the day. {@code state} learns
     * them.
     */
    public List<Recategorised> recategorisations(State state) {
        Set<String> today = decidedToday();
        List<Recategorised> out = new ArrayList<>();
        for (Map.Entry<String, ListingState> e : state.listings.entrySet()) {
            ListingState l = e.getValue();
            StoreListingVersion a = l.active();
            if (a == null || today.contains(l.listingId())) {
                continue;
            }
            Rng rng = rng("categories", l.listingId());
            if (!rng.chance(shape.categoryShare())) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            int n = rng.between(1, 3);
            for (int i = 0; i < n || categories.equals(a.categories()) && i < n + 20; i++) {
                String c = rng.pick(AgentVocabulary.STORE_CATEGORIES);
                if (!categories.contains(c)) {
                    categories.add(c);
                }
            }
            LocalDateTime at = DatasetShape.between(rng, start, anchor.minusMinutes(1));
            StoreListingVersion now = new StoreListingVersion(a.id(), a.version(), a.createdAt(),
                    latest(a.updatedAt(), at), a.agentGraphId(), a.agentGraphVersion(), a.name(), a.subHeading(),
                    a.videoUrl(), a.imageUrls(), a.description(), categories, a.isFeatured(), a.isDeleted(),
                    a.isAvailable(), a.storeListingId(), a.reviewerId(), a.reviewComments(), a.internalComments(),
                    a.reviewedAt(), a.changesSummary(), a.submissionStatus(), a.submittedAt(),
                    a.recommendedScheduleCron(), a.instructions(), a.agentOutputDemoUrl(), a.organizationId());
            ListingState after = new ListingState(l.listingId(), l.ownerId(), l.slug(),
                    l.latest().id().equals(a.id()) ? now : l.latest(), now, l.graphVersion());
            e.setValue(after);
            recategorised.add(after);
            out.add(new Recategorised(a.id(), categories, at));
        }
        return out;
    }

    /**
     * The store embeddings the platform makes that day (where the seeder makes them): one for each version approved
     * today, within an hour of its approval, and a new one for each re-categorised version, made within an hour of
     * the change. Never after the day's anchor.
     */
    public Stream<UnifiedContentEmbedding> embeddings() {
        List<UnifiedContentEmbedding> out = new ArrayList<>();
        for (ListingState l : decided) {
            if (l.latest().submissionStatus() == SubmissionStatus.APPROVED) {
                out.add(embedding(l.latest(), Objects.requireNonNull(l.latest().reviewedAt())));
            }
        }
        for (ListingState l : recategorised) {
            StoreListingVersion a = Objects.requireNonNull(l.active());
            out.add(embedding(a, a.updatedAt()));
        }
        return out.stream();
    }

    private UnifiedContentEmbedding embedding(StoreListingVersion v, LocalDateTime after) {
        Rng rng = rng("embedding", v.id());
        String text = String.join(" ", v.name(), v.subHeading(), v.description(), String.join(" ", v.categories()));
        LocalDateTime soon = after.plusHours(1);
        LocalDateTime created = DatasetShape.between(rng, after, soon.isAfter(anchor) ? anchor : soon);
        return new UnifiedContentEmbedding(dataset.id("UnifiedContentEmbedding/advance/", v.id(), day), created,
                created, ContentType.STORE_AGENT, v.id(), null,
                StoreEmbeddings.seeded().listing(v.categories(), text, rng.nextLong()), text,
                Json.obj("name", v.name(), "subHeading", v.subHeading(), "categories", v.categories()));
    }

    /**
     * The review each listing approved today for the first time gets that day, by another user of the owner's cohort
     * after the approval: the seeder reviews every approved listing at least once, and the platform's Prisma model of
     * its {@code mv_review_stats} view requires the average rating, which a listing without reviews lacks.
     */
    public Stream<StoreListingReview> firstReviews() {
        return firstReviews.values().stream();
    }

    private StoreListingReview firstReview(long owner, String versionId, LocalDateTime approvedAt) {
        Rng rng = rng("first-review", versionId);
        long reviewer = dataset.otherUserInCohort(rng, owner);
        LocalDateTime created = DatasetShape.between(rng, approvedAt, anchor);
        int score = rng.chance(0.7) ? rng.between(4, 5) : rng.between(1, 3);
        String comment = rng.chance(0.8) ? faker.at(rng).lorem().sentence(rng.between(6, 18)) : null;
        return new StoreListingReview(dataset.id("StoreListingReview/advance/first/", versionId, day), created,
                DatasetShape.between(rng, created, anchor), versionId, dataset.userId(reviewer), score, comment);
    }

    /** The versions approved today, for users to review from now on (with today's first reviewers). */
    public List<ListedVersion> approved() {
        return decided.stream().filter(l -> l.latest().submissionStatus() == SubmissionStatus.APPROVED)
                .map(l -> {
                    StoreListingReview first = firstReviews.get(l.latest().id());
                    return new ListedVersion(l.latest().id(), l.ownerId(),
                            Objects.requireNonNull(l.latest().reviewedAt()),
                            first == null ? Set.of() : Set.of(first.reviewByUserId()));
                })
                .toList();
    }

    /**
     * What owners are told of the day's decisions: on today's platform, owners who keep verdicts on get a
     * {@code VERDICT} (as {@link TodaysNotices} makes them); before it, every owner an {@code AGENT_APPROVED} or
     * {@code AGENT_REJECTED} notice (as {@link NotificationFactory} makes them). Each goes to the owner's batch of its
     * type (the seeder's id for it), within half an hour of the review, never after the day's anchor.
     */
    public List<NotificationEvent> verdictNotices(State state) {
        boolean today = plan.rules().atLeast(PlatformRules.SEPTEMBER_2026);
        List<NotificationEvent> out = new ArrayList<>();
        for (ListingState l : decided) {
            long owner = state.ordinal(l.ownerId());
            StoreListingVersion v = l.latest();
            long reviewer = Objects.requireNonNull(reviewers.get(v.id()));
            Rng rng = rng("verdict", v.id());
            String id = dataset.id("NotificationEvent/advance/verdict/", v.id(), day);
            if (today) {
                if (!users.create(owner).notifyOnStoreVerdict()) {
                    continue;
                }
                TodaysNotices.Notice n = notices.verdict(owner, v, reviewer, l.slug(), rng, anchor);
                out.add(new NotificationEvent(id, n.at(), n.at(), batchId(owner, NotificationType.VERDICT),
                        NotificationType.VERDICT, Json.of(n.data())));
            } else {
                NotificationType type = v.submissionStatus() == SubmissionStatus.APPROVED
                        ? NotificationType.AGENT_APPROVED : NotificationType.AGENT_REJECTED;
                LocalDateTime reviewed = Objects.requireNonNull(v.reviewedAt());
                LocalDateTime soon = reviewed.plusMinutes(30);
                LocalDateTime at = DatasetShape.between(rng, reviewed, soon.isAfter(anchor) ? anchor : soon);
                out.add(new NotificationEvent(id, at, at, batchId(owner, type), type,
                        Json.of(decisions.decision(v, reviewer))));
            }
        }
        return out;
    }

    /** The batches {@code events} go to, each spanning its events. */
    public List<UserNotificationBatch> verdictBatches(State state, List<NotificationEvent> events) {
        Map<String, LocalDateTime[]> spans = new TreeMap<>();
        Map<String, Long> owners = new HashMap<>();
        Map<String, NotificationType> types = new HashMap<>();
        for (ListingState l : decided) {
            long owner = state.ordinal(l.ownerId());
            for (NotificationType type : List.of(NotificationType.VERDICT, NotificationType.AGENT_APPROVED,
                    NotificationType.AGENT_REJECTED)) {
                owners.put(batchId(owner, type), owner);
            }
        }
        for (NotificationEvent e : events) {
            String batch = Objects.requireNonNull(e.userNotificationBatchId());
            types.put(batch, e.type());
            spans.merge(batch, new LocalDateTime[] {e.createdAt(), e.createdAt()}, (a, b) -> new LocalDateTime[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        List<UserNotificationBatch> out = new ArrayList<>();
        spans.forEach((batch, span) -> {
            long u = Objects.requireNonNull(owners.get(batch));
            Tenancy.Placement home = dataset.tenancy().personal(u);
            out.add(new UserNotificationBatch(batch, span[0], span[1], dataset.userId(u),
                    Objects.requireNonNull(types.get(batch)), home.organizationId(), home.teamId()));
        });
        return out;
    }

    /** The id the seeder gives user {@code u}'s batch of {@code type} ({@link NotificationFactory}'s). */
    private String batchId(long u, NotificationType type) {
        return dataset.id("UserNotificationBatch", u, type.ordinal());
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The store's listings of one slice as the days of one advance change them, read from the target once. Mutable.
     */
    public static final class State {
        /** By listing id, in id order. */
        private final Map<String, ListingState> listings = new TreeMap<>();
        private final Map<String, Long> ordinals = new HashMap<>();

        private State(SeedPlan plan, List<ListingState> held) {
            DatasetShape shape = new DatasetShape(plan);
            for (long u = plan.fromUser(); u < plan.toUser(); u++) {
                ordinals.put(shape.userId(u), u);
            }
            held.stream().sorted(Comparator.comparing(ListingState::listingId))
                    .filter(l -> ordinals.containsKey(l.ownerId()))
                    .forEach(l -> listings.put(l.listingId(), l));
        }

        /** The listings of {@code plan}'s users as the target holds them (others' are left alone). */
        public static State of(SeedPlan plan, List<ListingState> held) {
            return new State(plan, held);
        }

        /** The ordinal of one of the slice's users. */
        long ordinal(String userId) {
            Long u = ordinals.get(userId);
            if (u == null) {
                throw new IllegalStateException("user " + userId + " is not one of the advanced slice's users");
            }
            return u;
        }

        /** The listing as it stands. */
        public @Nullable ListingState listing(String listingId) {
            return listings.get(listingId);
        }
    }
}
