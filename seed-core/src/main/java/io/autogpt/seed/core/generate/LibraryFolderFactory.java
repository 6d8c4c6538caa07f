package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.LibraryFolder;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Makes a user's {@code "LibraryFolder"} rows: folders at the top of the library and inside each other, at most
 * {@value #MAX_DEPTH} levels deep, with names unique among the user's folders (so unique under any one parent, the
 * platform's key). A folder is made after its parent. Thread-safe.
 */
public final class LibraryFolderFactory {
    /** Top level is 0: folders, sub-folders, and sub-sub-folders at most. */
    static final int MAX_DEPTH = 2;

    private final DatasetShape shape;

    public LibraryFolderFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public LibraryFolder create(long u, int f) {
        Rng rng = shape.rng("LibraryFolder", u, f);
        Integer parent = parent(u, f);
        LocalDateTime createdAt = shape.libraryFolderCreatedAt(u, f);
        return new LibraryFolder(shape.libraryFolderId(u, f), createdAt, DatasetShape.between(rng, createdAt,
                shape.now()), shape.userId(u), name(u, f), rng.chance(0.7) ? rng.pick(AgentVocabulary.FOLDER_ICONS)
                : null, rng.chance(0.7) ? rng.pick(AgentVocabulary.FOLDER_COLORS) : null,
                parent == null ? null : shape.libraryFolderId(u, parent), false);
    }

    /**
     * The folder {@code f} sits in, or null at the top: an earlier folder of the same user that is not at the
     * deepest level, made before {@code f}; the first folder is always at the top.
     */
    Integer parent(long u, int f) {
        if (f == 0) {
            return null;
        }
        Rng rng = shape.rng("LibraryFolder/parent", u, f);
        if (rng.chance(0.5)) {
            return null;
        }
        int candidate = rng.nextInt(f);
        boolean older = !shape.libraryFolderCreatedAt(u, candidate).isAfter(shape.libraryFolderCreatedAt(u, f));
        return older && depth(u, candidate) < MAX_DEPTH ? candidate : null;
    }

    int depth(long u, int f) {
        int depth = 0;
        for (Integer p = parent(u, f); p != null; p = parent(u, p)) {
            depth++;
        }
        return depth;
    }

    /** Distinct per user: consecutive names from a per-user start, numbered once the list runs out. */
    private String name(long u, int f) {
        List<String> names = AgentVocabulary.FOLDER_NAMES;
        int start = shape.rng("LibraryFolder/names", u).nextInt(names.size());
        String name = names.get((start + f) % names.size());
        return f < names.size() ? name : name + " " + (f / names.size() + 1);
    }
}
