package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.LibraryFolder;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a user's {@code "LibraryFolder"} rows: folders at the top of the library and inside each other, at most
 * {@value #MAX_DEPTH} levels deep, with names unique among the user's folders (so unique under any one parent, the
 * platform's key). A folder is made after its parent. Thread-safe.
 */
final class LibraryFolderFactory {
    /** Top level is 0: folders, sub-folders, and sub-sub-folders at most. */
    static final int MAX_DEPTH = 2;

    private final DatasetShape shape;

    public LibraryFolderFactory(DatasetShape shape) {
        this.shape = shape;
    }

    /** The user's folders, in ordinal order: each folder's parent comes before it. */
    public List<LibraryFolder> create(long u) {
        int count = shape.libraryFolders(u);
        LocalDateTime[] createdAt = new LocalDateTime[count];
        int[] depth = new int[count];
        List<LibraryFolder> rows = new ArrayList<>(count);
        // Folders hold library entries, which live in the personal organisation (see LibraryAgentFactory).
        Tenancy.Placement home = shape.tenancy().personal(u);
        for (int f = 0; f < count; f++) {
            createdAt[f] = shape.libraryFolderCreatedAt(u, f);
            int parent = parent(u, f, createdAt, depth);
            depth[f] = parent < 0 ? 0 : depth[parent] + 1;
            Rng rng = shape.rng("LibraryFolder", u, f);
            rows.add(new LibraryFolder(shape.libraryFolderId(u, f), createdAt[f], DatasetShape.between(rng,
                    createdAt[f], shape.now()), shape.userId(u), name(u, f), rng.chance(0.7)
                    ? rng.pick(AgentVocabulary.FOLDER_ICONS) : null, rng.chance(0.7)
                    ? rng.pick(AgentVocabulary.FOLDER_COLORS) : null,
                    parent < 0 ? null : shape.libraryFolderId(u, parent), false, home.organizationId(),
                    home.teamId(), home.visibility()));
        }
        return rows;
    }

    /**
     * The folder {@code f} sits in, or -1 at the top: an earlier folder of the same user that is not at the deepest
     * level, made before {@code f}; the first folder is always at the top. Earlier folders' times and depths are
     * known by then.
     */
    private int parent(long u, int f, LocalDateTime[] createdAt, int[] depth) {
        if (f == 0) {
            return -1;
        }
        Rng rng = shape.rng("LibraryFolder/parent", u, f);
        if (rng.chance(0.5)) {
            return -1;
        }
        int candidate = rng.nextInt(f);
        boolean older = !createdAt[candidate].isAfter(createdAt[f]);
        return older && depth[candidate] < MAX_DEPTH ? candidate : -1;
    }

    /** Distinct per user: consecutive names from a per-user start, numbered once the list runs out. */
    private String name(long u, int f) {
        List<String> names = AgentVocabulary.FOLDER_NAMES;
        int start = shape.rng("LibraryFolder/names", u).nextInt(names.size());
        String name = names.get((start + f) % names.size());
        return f < names.size() ? name : name + " " + (f / names.size() + 1);
    }
}
