package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.workspace.UserWorkspaceFolder;
import java.util.ArrayList;
import java.util.List;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.workspace.UserWorkspace;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Makes each user's {@code "UserWorkspace"} and the files in it. A file's path is unique in its workspace (the
 * platform's key: the ordinal is part of the name); its storage path is an object key under the workspace and the
 * file's id, as the platform files uploads in cloud storage. Thread-safe.
 */
final class UserWorkspaceFactory {
    /** The object-storage bucket the storage paths name. */
    static final String BUCKET = "autogpt-workspaces";

    private static final List<String> FOLDER_NAMES = List.of("Reports", "Drafts", "Research", "Invoices", "Images",
            "Exports", "Meeting notes", "Archive");
    private static final List<String> ICONS = List.of("folder", "star", "briefcase", "image");

    private final DatasetShape shape;

    public UserWorkspaceFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public UserWorkspace workspace(long u) {
        Rng rng = shape.rng("UserWorkspace", u);
        LocalDateTime createdAt = createdAt(u);
        return new UserWorkspace(shape.workspaceId(u), createdAt, DatasetShape.between(rng, createdAt, shape.now()),
                shape.userId(u));
    }

    public UserWorkspaceFile file(long u, int f) {
        Rng rng = shape.rng("UserWorkspaceFile", u, f);
        AgentVocabulary.FileKind kind = rng.pick(AgentVocabulary.FILE_KINDS);
        String name = kind.base() + "-" + (f + 1) + "." + kind.extension();
        String path = "/" + rng.pick(AgentVocabulary.WORKSPACE_DIRS) + "/" + name;
        String id = shape.id("UserWorkspaceFile", u, f);
        String workspaceId = shape.workspaceId(u);
        LocalDateTime createdAt = DatasetShape.between(rng, createdAt(u), shape.now());
        LocalDateTime updatedAt = DatasetShape.between(rng, createdAt, shape.now());
        boolean deleted = rng.chance(0.05);
        LocalDateTime deletedAt = deleted ? DatasetShape.between(rng, updatedAt, shape.now()) : null;
        Json metadata = rng.chance(0.4) ? Json.obj("source", "copilot", "sessionTool", "write_workspace_file")
                : Json.obj("source", "upload");
        return new UserWorkspaceFile(id, createdAt, deletedAt != null ? deletedAt : updatedAt, workspaceId, name, path,
                "gcs://" + BUCKET + "/workspaces/" + workspaceId + "/" + id + "/" + name, kind.mimeType(),
                rng.between(kind.minBytes(), kind.maxBytes()), rng.chance(0.9) ? rng.hex(64) : null, deleted,
                deletedAt, metadata, folderOf(u, f));
    }

    /** A file's folder on today's platform: a live one for about half the files, from a stream of its own. */
    private @Nullable String folderOf(long u, int f) {
        Rng rng = shape.rng("UserWorkspaceFile/folder", u, f);
        List<UserWorkspaceFolder> live = folders(u).stream().filter(d -> !d.isDeleted()).toList();
        return live.isEmpty() || !rng.chance(0.5) ? null : rng.pick(live).id();
    }

    /**
     * The workspace's folders on today's platform (none before): up to five, each at the root or in an earlier one
     * (so no cycle), named apart from every other folder of the workspace, so apart from their siblings; a folder
     * deleted now and then, with everything under it. Parents come first, as their foreign key needs.
     */
    public List<UserWorkspaceFolder> folders(long u) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            return List.of();
        }
        Rng rng = shape.rng("UserWorkspaceFolder", u);
        int count = rng.between(0, 5);
        int first = rng.nextInt(FOLDER_NAMES.size());
        List<UserWorkspaceFolder> out = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            UserWorkspaceFolder parent = f == 0 || rng.chance(0.5) ? null : out.get(rng.nextInt(f));
            LocalDateTime createdAt = DatasetShape.between(rng, parent == null ? createdAt(u) : parent.createdAt(),
                    shape.now());
            boolean deleted = (parent != null && parent.isDeleted()) || rng.chance(0.05);
            out.add(new UserWorkspaceFolder(shape.id("UserWorkspaceFolder", u, f), createdAt,
                    DatasetShape.between(rng, createdAt, shape.now()), shape.workspaceId(u),
                    FOLDER_NAMES.get((first + f) % FOLDER_NAMES.size()), rng.chance(0.3) ? rng.pick(ICONS) : null,
                    parent == null ? null : parent.id(), deleted));
        }
        return out;
    }

    /** A workspace appears with the user's first use of files: within a month of signing up. */
    private LocalDateTime createdAt(long u) {
        return shape.soonAfter(shape.rng("time/workspace", u), shape.userCreatedAt(u), Duration.ofDays(30));
    }
}
