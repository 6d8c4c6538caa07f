package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.chat.ChatLinkedShare;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.SharedChatFile;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.SharedExecutionFile;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes what today's platform keeps about shared chats and runs: {@code "ChatLinkedShare"} (the runs a chat shared
 * with its runs names), {@code "SharedChatFile"} (the live workspace files a shared chat names) and
 * {@code "SharedExecutionFile"} (the live workspace file a shared run returned). Every row is derived from the chat's
 * messages, the run's outputs and the owner's workspace, so it names the same user's objects only; under earlier
 * rules chats are never shared and name nothing, and runs return no file: no rows. Thread-safe.
 */
final class SharingFactory {
    private final DatasetShape shape;
    private final ChatFactory chats;
    private final AgentGraphExecutionFactory runs;
    private final ExecutionTimelines timelines;
    private final UserWorkspaceFactory workspaces;
    private final RunFiles files;

    public SharingFactory(DatasetShape shape) {
        this.shape = shape;
        this.chats = new ChatFactory(shape);
        this.runs = new AgentGraphExecutionFactory(shape);
        this.timelines = new ExecutionTimelines(shape);
        this.workspaces = new UserWorkspaceFactory(shape);
        this.files = new RunFiles(shape);
    }

    /**
     * The runs chat (u, c) shares along with it: each run its tool messages name, when the chat is shared with
     * {@code autoShareExecutions}. Linked when the chat was shared, or when the run started if that was later.
     */
    public List<ChatLinkedShare> linkedShares(long u, long c) {
        ChatSession chat = chats.session(u, c);
        if (!chat.autoShareExecutions()) {
            return List.of();
        }
        List<ChatLinkedShare> out = new ArrayList<>();
        for (ChatFactory.NamedRun run : chats.namedRuns(u, c)) {
            LocalDateTime started = timelines.of(u, run.g(), run.e()).createdAt();
            out.add(new ChatLinkedShare(shape.id("ChatLinkedShare", u, c, out.size()),
                    later(Objects.requireNonNull(chat.sharedAt()), started),
                    chat.id(), shape.graphExecutionId(u, run.g(), run.e())));
        }
        return out;
    }

    /**
     * The files the public page of chat (u, c) may serve: each live workspace file its messages name, under the
     * chat's token, allowed when the chat was shared or when the file was named after that.
     */
    public List<SharedChatFile> chatFiles(long u, long c) {
        ChatSession chat = chats.session(u, c);
        if (!chat.isShared()) {
            return List.of();
        }
        List<SharedChatFile> out = new ArrayList<>();
        for (ChatFactory.NamedFile named : chats.namedFiles(u, c)) {
            UserWorkspaceFile file = workspaces.file(u, named.f());
            if (!file.isDeleted()) {
                out.add(new SharedChatFile(shape.id("SharedChatFile", u, c, named.f()),
                        later(Objects.requireNonNull(chat.sharedAt()), named.at()), chat.id(), file.id(),
                        Objects.requireNonNull(chat.shareToken())));
            }
        }
        return out;
    }

    /**
     * The file the public page of run {@code of} may serve: the live workspace file it returned, when the run is
     * shared (by its owner or a chat), under the run's token, allowed once it was both shared and finished.
     */
    public Optional<SharedExecutionFile> runFile(Run of, ExecutionTimeline timeline) {
        if (of.ofOthersGraph()) {
            return Optional.empty(); // only runs of the user's own graphs return the user's files
        }
        long u = of.owner();
        long g = of.g();
        long e = of.k();
        // The share first: it rules out most runs, and needs no row.
        if (!runs.isShared(of, timeline)) {
            return Optional.empty();
        }
        Optional<UserWorkspaceFile> file = files.returned(u, g, e, timeline).filter(f -> !f.isDeleted());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        AgentGraphExecution run = runs.create(of, timeline);
        return Optional.of(new SharedExecutionFile(shape.id("SharedExecutionFile", u, g, e),
                later(Objects.requireNonNull(run.sharedAt()), Objects.requireNonNull(timeline.endedAt())), run.id(),
                file.get().id(), Objects.requireNonNull(run.shareToken())));
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
