package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.workspace.UserWorkspace;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Makes each user's {@code "UserWorkspace"} and the files in it. A file's path is unique in its workspace (the
 * platform's key: the ordinal is part of the name); its storage path is an object key under the workspace and the
 * file's id, as the platform files uploads in cloud storage. Thread-safe.
 */
public final class UserWorkspaceFactory {
    /** The object-storage bucket the storage paths name. */
    static final String BUCKET = "autogpt-workspaces";

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
        return new UserWorkspaceFile(id, createdAt, deleted ? deletedAt : updatedAt, workspaceId, name, path,
                "gcs://" + BUCKET + "/workspaces/" + workspaceId + "/" + id + "/" + name, kind.mimeType(),
                rng.between(kind.minBytes(), kind.maxBytes()), rng.chance(0.9) ? rng.hex(64) : null, deleted,
                deletedAt, metadata);
    }

    /** A workspace appears with the user's first use of files: within a month of signing up. */
    private LocalDateTime createdAt(long u) {
        return shape.soonAfter(shape.rng("time/workspace", u), shape.userCreatedAt(u), Duration.ofDays(30));
    }
}
