package io.autogpt.seed.core.port;

import io.autogpt.seed.core.plan.SeedPlan;
import java.util.List;

/**
 * The store's side of one {@code advance} ({@link AdvanceTransaction#store()}): the listings of a slice's users, and
 * the set-based updates a day's reviewers and admins make. New versions and embeddings are written as rows
 * ({@link AdvanceTransaction#write}). Part of its transaction; not thread-safe.
 */
public interface AdvanceStore {
    /** The live (not deleted) listings of {@code slice}'s users that have a version, in listing id order. */
    List<ListingState> listings(SeedPlan slice);

    /**
     * Records {@code verdicts}: each version gets its status, reviewer, comments and review time (a rejected one is
     * no longer available); an approved one becomes its listing's active version, and the listing has an approved
     * version.
     *
     * @return versions decided
     */
    long decide(List<StoreVerdict> verdicts);

    /**
     * Gives each version its new categories and drops its store embedding, which no longer matches its text: the
     * caller writes the new one.
     *
     * @return versions changed
     */
    long recategorise(List<Recategorised> changes);
}
