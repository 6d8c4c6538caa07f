package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.chat.ChatLinkedShare;
import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.SharedChatFile;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.SharedExecutionFile;
import io.autogpt.seed.core.execution.SharedVia;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.workspace.UserWorkspace;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Today's chat sharing: links and allowed files name only what their chat or run names, of the same user. */
class ChatSharingTest {
    private static final SeedPlan PLAN = SeedPlan.of(5, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(120)).withRules(PlatformRules.SEPTEMBER_2026);
    private static final Dataset DATA = new Dataset(PLAN);

    private static final Map<String, ChatSession> CHATS = DATA.rows(ChatSession.TABLE)
            .collect(Collectors.toMap(ChatSession::id, Function.identity()));
    private static final Map<String, AgentGraphExecution> RUNS = DATA.rows(AgentGraphExecution.TABLE)
            .collect(Collectors.toMap(AgentGraphExecution::id, Function.identity()));

    @Test
    void aLinkJoinsAChatSharedWithItsRunsToASharedRunOfItsUserThatItNames() {
        java.util.List<ChatLinkedShare> links = DATA.rows(ChatLinkedShare.TABLE).toList();
        assertThat(links).isNotEmpty();
        Map<String, String> text = DATA.rows(ChatMessage.TABLE).filter(m -> m.content() != null)
                .collect(Collectors.groupingBy(ChatMessage::sessionId,
                        Collectors.mapping(ChatMessage::content, Collectors.joining("\n"))));
        for (ChatLinkedShare link : links) {
            ChatSession chat = CHATS.get(link.sessionId());
            AgentGraphExecution run = RUNS.get(link.executionId());
            assertThat(chat.autoShareExecutions()).isTrue();
            assertThat(run.userId()).isEqualTo(chat.userId());
            assertThat(run.isShared()).isTrue();
            assertThat(text.get(chat.id())).contains("\"execution_id\":\"" + run.id() + "\"");
        }
        Set<String> linked = links.stream().map(ChatLinkedShare::executionId).collect(Collectors.toSet());
        assertThat(RUNS.values().stream().filter(r -> r.sharedVia() == SharedVia.CHAT_LINK)).isNotEmpty()
                .allMatch(r -> linked.contains(r.id()));
        assertThat(links.stream().map(ChatLinkedShare::id).distinct()).hasSize(links.size());
    }

    @Test
    void allowedFilesAreLiveFilesOfTheOwnerUnderTheCurrentToken() {
        Map<String, String> ownerOfWorkspace = DATA.rows(UserWorkspace.TABLE)
                .collect(Collectors.toMap(UserWorkspace::id, UserWorkspace::userId));
        Map<String, UserWorkspaceFile> files = DATA.rows(UserWorkspaceFile.TABLE)
                .collect(Collectors.toMap(UserWorkspaceFile::id, Function.identity()));
        java.util.List<SharedChatFile> chatFiles = DATA.rows(SharedChatFile.TABLE).toList();
        java.util.List<SharedExecutionFile> runFiles = DATA.rows(SharedExecutionFile.TABLE).toList();
        assertThat(chatFiles).isNotEmpty();
        assertThat(runFiles).isNotEmpty();
        for (SharedChatFile s : chatFiles) {
            ChatSession chat = CHATS.get(s.sessionId());
            UserWorkspaceFile file = files.get(s.fileId());
            assertThat(s.shareToken()).isEqualTo(chat.shareToken());
            assertThat(file.isDeleted()).isFalse();
            assertThat(ownerOfWorkspace.get(file.workspaceId())).isEqualTo(chat.userId());
        }
        for (SharedExecutionFile s : runFiles) {
            AgentGraphExecution run = RUNS.get(s.executionId());
            UserWorkspaceFile file = files.get(s.fileId());
            assertThat(s.shareToken()).isEqualTo(run.shareToken());
            assertThat(file.isDeleted()).isFalse();
            assertThat(ownerOfWorkspace.get(file.workspaceId())).isEqualTo(run.userId());
        }
    }

    @Test
    void earlierRulesShareNothingThroughChats() {
        Dataset early = new Dataset(PLAN.withRules(PlatformRules.EARLY_2026));
        assertThat(early.rows(ChatMessage.TABLE).map(ChatMessage::content)
                .filter(c -> c != null && (c.contains("execution_id") || c.contains("[Attached files]")))).isEmpty();
        assertThat(early.steps().stream().map(s -> s.table().label()))
                .doesNotContain("ChatLinkedShare", "SharedChatFile", "SharedExecutionFile");
    }
}
