package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes a user's {@code "LibraryAgent"} rows: the user's first graph (if any), then graphs of users of the same
 * cohort, each graph at
 * most once per user (the platform's unique key). {@code isCreatedByUser} is true exactly for the user's own graphs,
 * and the creator is the graph owner's profile. Thread-safe.
 */
final class LibraryAgentFactory {
    /** Draws per wanted entry before settling for fewer (when few graphs exist at all). */
    private static final int TRIES_PER_ENTRY = 8;

    private final DatasetShape shape;
    private final ExecutionTimelines timelines;
    private final StoreListingVersionFactory versions;

    public LibraryAgentFactory(DatasetShape shape) {
        this.shape = shape;
        this.timelines = new ExecutionTimelines(shape);
        this.versions = new StoreListingVersionFactory(shape);
    }

    public List<LibraryAgent> create(long u) {
        List<long[]> graphs = graphs(u);
        List<LibraryAgent> rows = new ArrayList<>(graphs.size());
        // One entry per user and graph across all organisations: the platform files it under the personal one
        // and its Default team, as it does when a store agent is added.
        Tenancy.Placement home = shape.tenancy().personal(u);
        for (int i = 0; i < graphs.size(); i++) {
            long owner = graphs.get(i)[0];
            long g = graphs.get(i)[1];
            Rng rng = shape.rng("LibraryAgent", u, i);
            Integer folder = folder(u, i);
            LocalDateTime createdAt = addedAt(rng, u, owner, g, folder);
            boolean archived = rng.chance(0.05);
            StoreListingVersion listed = listedVersion(u, owner, g);
            rows.add(new LibraryAgent(shape.id("LibraryAgent", u, i), createdAt,
                    DatasetShape.between(rng, createdAt, shape.now()), shape.userId(u), shape.graphId(owner, g), 1,
                    rng.chance(0.2), owner == u, archived, false, owner == u, shape.profileId(owner),
                    "https://picsum.photos/seed/" + shape.tag(owner) + "g" + g + "/400/300",
                    Json.obj("sensitive_action_safe_mode", false, "human_in_the_loop_safe_mode", true),
                    folder == null ? null : shape.libraryFolderId(u, folder), lastRunAt(u, i, owner, g, createdAt),
                    listed == null ? null : listed.name(), listed == null ? null : listed.description(), false,
                    home.organizationId(),
                    home.teamId(), home.visibility()));
        }
        return rows;
    }

    /**
     * Entry {@code i} of a user's library as other rows name it, without the rest of its row.
     *
     * @param owner     the graph's owner
     * @param g         the graph's ordinal among the owner's
     * @param id        the entry's id
     * @param createdAt when it was added
     */
    record Entry(long owner, long g, String id, LocalDateTime createdAt) {
    }

    /**
     * User {@code u}'s entries as {@link #create} makes them, id and time only: what experts install as workflows,
     * without the snapshots and last runs a whole row costs.
     */
    List<Entry> entries(long u) {
        List<long[]> graphs = graphs(u);
        List<Entry> entries = new ArrayList<>(graphs.size());
        for (int i = 0; i < graphs.size(); i++) {
            long owner = graphs.get(i)[0];
            long g = graphs.get(i)[1];
            LocalDateTime createdAt = addedAt(shape.rng("LibraryAgent", u, i), u, owner, g, folder(u, i));
            entries.add(new Entry(owner, g, shape.id("LibraryAgent", u, i), createdAt));
        }
        return entries;
    }

    /**
     * User {@code u}'s runs of the other users' graphs in their library (today's platform only: a store agent added
     * to a library is run there, and only such runs count on the marketplace). Every such entry has at least one run,
     * none before the entry was added. In entry order, then run order.
     */
    public List<Run> runsOfOthersGraphs(long u) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            return List.of();
        }
        List<long[]> graphs = graphs(u);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            long owner = graphs.get(i)[0];
            long g = graphs.get(i)[1];
            if (owner != u) {
                LocalDateTime added = addedAt(shape.rng("LibraryAgent", u, i), u, owner, g, folder(u, i));
                for (int k = 0; k < shape.runsOfLibraryEntry(u, i); k++) {
                    runs.add(new Run(u, owner, g, i, k, added));
                }
            }
        }
        return runs;
    }

    /** The graphs of user {@code u}'s entries, as (owner, graph) in entry order. */
    List<long[]> graphs(long u) {
        int wanted = shape.libraryAgents(u);
        Rng pick = shape.rng("library/graphs", u);
        List<long[]> graphs = new ArrayList<>(wanted);
        if (wanted > 0 && shape.graphs(u) > 0) {
            graphs.add(new long[] {u, 0});
        }
        for (int tries = 0; graphs.size() < wanted && tries < wanted * TRIES_PER_ENTRY; tries++) {
            long owner = shape.userInCohort(pick, u);
            int count = shape.graphs(owner);
            if (count == 0) {
                continue;
            }
            long[] candidate = {owner, pick.nextInt(count)};
            if (graphs.stream().noneMatch(c -> c[0] == candidate[0] && c[1] == candidate[1])) {
                graphs.add(candidate);
            }
        }
        return graphs;
    }

    /**
     * The folder entry {@code i} is filed in, or null. About half of a user's entries are filed, each after its
     * folder exists (a stream of its own keeps the other values as they were before folders existed).
     */
    private @Nullable Integer folder(long u, int i) {
        Rng filing = shape.rng("LibraryAgent/folder", u, i);
        int folders = shape.libraryFolders(u);
        return folders > 0 && filing.chance(0.5) ? filing.nextInt(folders) : null;
    }

    /** When the entry was added: the first draw of its row's stream {@code rng}, after user, graph and folder. */
    private LocalDateTime addedAt(Rng rng, long u, long owner, long g, @Nullable Integer folder) {
        LocalDateTime after = max(shape.userCreatedAt(u), shape.graphCreatedAt(owner, g));
        if (folder != null) {
            after = max(after, shape.libraryFolderCreatedAt(u, folder));
        }
        return DatasetShape.between(rng, after, shape.now());
    }

    /**
     * When the user last ran the graph (today's platform moves it forward on each run): the newest of the user's runs
     * of it, their own graph's or the one they added. Not a trigger agent's entry, so never hidden.
     */
    private @Nullable LocalDateTime lastRunAt(long u, int i, long owner, long g, LocalDateTime added) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            return null;
        }
        int runs = owner == u ? shape.executions(u, g) : shape.runsOfLibraryEntry(u, i);
        LocalDateTime last = null;
        for (int k = 0; k < runs; k++) {
            Run run = owner == u ? shape.run(u, g, k) : new Run(u, owner, g, i, k, added);
            LocalDateTime at = timelines.of(run).createdAt();
            last = last == null || at.isAfter(last) ? at : last;
        }
        return last;
    }

    /**
     * The store version whose title and description today's platform snapshots when an agent is added from the store;
     * null for the user's own graph and under earlier rules.
     */
    private @Nullable StoreListingVersion listedVersion(long u, long owner, long g) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026) || owner == u) {
            return null;
        }
        return versions.create(owner, g);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
