package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.datafaker.Faker;
import org.jspecify.annotations.Nullable;

/**
 * Makes the one {@code "StoreListingVersion"} of each listing. Images are picsum.photos seeds and videos YouTube
 * links, so the marketplace renders them. created ≤ submitted ≤ reviewed ≤ updated ≤ anchor; only reviewed
 * (approved or rejected) versions have a reviewer. Every version has a {@code submittedAt}, drafts too: the
 * platform stamps it whenever it creates a version, and its {@code StoreSubmission} view (2026-01) declares
 * {@code date_submitted} required, so a NULL there fails the platform's Prisma reads. Not thread-safe; one instance per
 * generating thread.
 */
final class StoreListingVersionFactory {
    private final DatasetShape shape;
    private final ListingFacts facts;
    private final StoreListingFactory listings;
    private final RowFaker faker = new RowFaker();

    public StoreListingVersionFactory(DatasetShape shape) {
        this.shape = shape;
        this.facts = new ListingFacts(shape);
        this.listings = new StoreListingFactory(shape);
    }

    /** When the version was approved or rejected, or null while it is a draft or pending. */
    public @Nullable LocalDateTime reviewedAt(long u, long g) {
        SubmissionStatus status = facts.status(u, g);
        if (status != SubmissionStatus.APPROVED && status != SubmissionStatus.REJECTED) {
            return null;
        }
        Rng rng = shape.rng("time/reviewed", u, g);
        LocalDateTime submitted = submittedAt(u, g);
        return shape.soonAfter(rng, submitted, Duration.ofDays(3));
    }

    /** A draft's is its creation time (never sent for review); the others were sent within hours of it. */
    private LocalDateTime submittedAt(long u, long g) {
        LocalDateTime created = listings.createdAt(u, g);
        if (facts.status(u, g) == SubmissionStatus.DRAFT) {
            return created;
        }
        return shape.soonAfter(shape.rng("time/submitted", u, g), created, Duration.ofHours(6));
    }

    public StoreListingVersion create(long u, long g) {
        Rng rng = shape.rng("StoreListingVersion", u, g);
        Faker f = faker.at(rng);
        SubmissionStatus status = facts.status(u, g);
        LocalDateTime createdAt = listings.createdAt(u, g);
        LocalDateTime submittedAt = submittedAt(u, g);
        LocalDateTime reviewedAt = reviewedAt(u, g);
        LocalDateTime last = reviewedAt != null ? reviewedAt : submittedAt;
        String reviewer = reviewedAt == null ? null : shape.userId(shape.otherUserInCohort(rng, u));
        String name = shape.graphName(u, g);
        List<String> images = new ArrayList<>();
        int imageCount = rng.between(1, 4);
        for (int i = 0; i < imageCount; i++) {
            images.add("https://picsum.photos/seed/" + shape.tag(u) + "g" + g + "i" + i + "/1200/800");
        }
        List<String> categories = new ArrayList<>();
        int categoryCount = rng.between(1, 3);
        for (int i = 0; i < categoryCount; i++) {
            String category = rng.pick(AgentVocabulary.STORE_CATEGORIES);
            if (!categories.contains(category)) {
                categories.add(category);
            }
        }
        String video = rng.chance(0.5) ? "https://www.youtube.com/watch?v=" + rng.pick(AgentVocabulary.YOUTUBE_IDS)
                : null;
        return new StoreListingVersion(shape.listingVersionId(u, g), 1, createdAt,
                DatasetShape.between(rng, last, shape.now()), shape.graphId(u, g), 1, name,
                f.lorem().sentence(rng.between(5, 10)), video, images, f.lorem().paragraph(rng.between(2, 5)),
                categories, status == SubmissionStatus.APPROVED && rng.chance(0.1), false,
                status != SubmissionStatus.REJECTED, shape.listingId(u, g), reviewer,
                reviewer == null ? null : f.lorem().sentence(), null, reviewedAt, "Initial release", status,
                submittedAt, rng.chance(0.3) ? rng.pick(AgentVocabulary.CRONS) : null,
                rng.chance(0.5) ? f.lorem().sentence(12) : null, null, shape.tenancy().graph(u, g).organizationId());
    }
}
