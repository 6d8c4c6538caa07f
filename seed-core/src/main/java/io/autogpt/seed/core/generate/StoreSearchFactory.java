package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.Block;
import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.search.BuilderSearchHistory;
import io.autogpt.seed.core.search.ContentType;
import io.autogpt.seed.core.search.SearchTerms;
import io.autogpt.seed.core.search.StoreEmbeddings;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.store.StoreListingVersion;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes what search reads and logs: the marketplace's embeddings ({@code "UnifiedContentEmbedding"}, one per approved
 * listing version, public, as the platform embeds them: the version's name, sub-heading, description and categories
 * as the searchable text, the first three as metadata, the vector from {@link StoreEmbeddings#seeded()}), the
 * store searches people typed ({@code "SearchTerms"}), and block searches in the builder
 * ({@code "BuilderSearchHistory"}, with the builder's filters). Thread-safe.
 */
final class StoreSearchFactory {
    private static final List<String> FILTERS = List.of("blocks", "integrations", "marketplace_agents", "my_agents");
    /** Blocks people search for in the builder: the catalogue's enabled ones. */
    private static final List<Block> SEARCHABLE = BlockCatalogue.platform().blocks().stream()
            .filter(b -> !b.disabled()).toList();

    private final DatasetShape shape;
    private final ListingFacts listings;
    private final StoreListingVersionFactory versions;
    private final ProfileFactory profiles;

    public StoreSearchFactory(DatasetShape shape) {
        this.shape = shape;
        this.listings = new ListingFacts(shape);
        this.versions = new StoreListingVersionFactory(shape);
        this.profiles = new ProfileFactory(shape);
    }

    /** The embedding of graph (u, g)'s listing version, when it is approved (the store embeds only those). */
    public Optional<UnifiedContentEmbedding> embedding(long u, long g) {
        if (!listings.isApproved(u, g)) {
            return Optional.empty();
        }
        Rng rng = shape.rng("UnifiedContentEmbedding", u, g);
        StoreListingVersion version = versions.create(u, g);
        String text = String.join(" ", version.name(), version.subHeading(), version.description(),
                String.join(" ", version.categories()));
        LocalDateTime created = shape.soonAfter(rng, Objects.requireNonNull(version.reviewedAt()), Duration.ofHours(1));
        return Optional.of(new UnifiedContentEmbedding(shape.id("UnifiedContentEmbedding", u, g), created,
                DatasetShape.between(rng, created, shape.now()), ContentType.STORE_AGENT, version.id(), null,
                StoreEmbeddings.seeded().listing(version.categories(), text, rng.nextLong()), text,
                Json.obj("name", version.name(), "subHeading", version.subHeading(), "categories",
                        version.categories())));
    }

    public List<SearchTerms> searchTerms(long u) {
        int count = shape.storeSearches(u);
        List<SearchTerms> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Rng rng = shape.rng("SearchTerms", u, i);
            String term = term(rng);
            rows.add(new SearchTerms(shape.searchTermId(u, i),
                    DatasetShape.between(rng, shape.userCreatedAt(u), shape.now()), term));
        }
        return rows;
    }

    public List<BuilderSearchHistory> builderSearches(long u) {
        int count = shape.builderSearches(u);
        List<BuilderSearchHistory> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(builderSearch(u, shape.id("BuilderSearchHistory", u, i), shape.rng("BuilderSearchHistory", u, i),
                    shape.userCreatedAt(u), shape.now()));
        }
        return rows;
    }

    /** What a person types in the store's search box, lowercase. */
    static String term(Rng rng) {
        String term = switch (rng.nextInt(3)) {
            case 0 -> rng.pick(AgentVocabulary.STORE_CATEGORIES);
            case 1 -> rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " " + rng.pick(AgentVocabulary.GRAPH_ROLES);
            default -> rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " " + rng.pick(AgentVocabulary.STORE_CATEGORIES);
        };
        return term.toLowerCase(Locale.ROOT);
    }

    /** A block search of user {@code u} in the builder, made between {@code from} and {@code to}. */
    BuilderSearchHistory builderSearch(long u, String id, Rng rng, LocalDateTime from, LocalDateTime to) {
        String query = words(rng.pick(SEARCHABLE).name());
        if (rng.chance(0.4)) {
            query = query.split(" ")[0]; // people often type just the first word
        }
        List<String> filter = new ArrayList<>();
        for (String f : FILTERS) {
            if (rng.chance(0.3)) {
                filter.add(f);
            }
        }
        List<String> byCreator = rng.chance(0.15)
                ? List.of(profiles.username(shape.userInCohort(rng, u))) : List.of();
        LocalDateTime created = DatasetShape.between(rng, from, to);
        return new BuilderSearchHistory(id, shape.userId(u), created, DatasetShape.between(rng, created, to), query,
                filter, byCreator, shape.tenancy().personal(u).organizationId());
    }

    /** {@code AITextGeneratorBlock} → {@code ai text generator}: what a person types for a block. */
    static String words(String blockName) {
        String name = blockName.endsWith("Block") ? blockName.substring(0, blockName.length() - 5) : blockName;
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT).strip();
    }
}
