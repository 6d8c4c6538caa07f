package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.agent.AgentGraph;
import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs of graphs added from the store: today's marketplace counts only runs by users other than the graph's owner,
 * so library users run what they added; the early rules have no such runs.
 */
class StoreRunsTest {
    private static final SeedPlan EARLY = SeedPlan.of(5, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(80).withCohortUsers(40));
    private static final Dataset TODAY = new Dataset(EARLY.withRules(PlatformRules.SEPTEMBER_2026));

    @Test
    void underTheEarlyRulesEveryRunIsItsOwnersAndEveryEntryNeverRan() {
        Dataset early = new Dataset(EARLY);
        Map<String, String> owner = owners(early);
        assertThat(early.rows(AgentGraphExecution.TABLE))
                .allMatch(e -> e.userId().equals(owner.get(e.agentGraphId())));
        assertThat(early.rows(LibraryAgent.TABLE)).allMatch(a -> a.lastRunAt() == null);
    }

    @Test
    void everyEntryOfAnotherUsersGraphIsRunByItsUserAfterItWasAdded() {
        Map<String, String> owner = owners(TODAY);
        Map<String, LibraryAgent> entries = TODAY.rows(LibraryAgent.TABLE)
                .collect(Collectors.toMap(a -> a.userId() + "/" + a.agentGraphId(), Function.identity()));
        Set<String> ran = TODAY.rows(AgentGraphExecution.TABLE)
                .filter(e -> !e.userId().equals(owner.get(e.agentGraphId())))
                .peek(e -> assertThat(entries.get(e.userId() + "/" + e.agentGraphId()))
                        .as("the runner's library entry of the graph").isNotNull()
                        .satisfies(a -> assertThat(e.createdAt()).isAfterOrEqualTo(a.createdAt())))
                .map(e -> e.userId() + "/" + e.agentGraphId()).collect(Collectors.toSet());
        Set<String> borrowed = entries.values().stream().filter(a -> !a.isCreatedByUser())
                .map(a -> a.userId() + "/" + a.agentGraphId()).collect(Collectors.toSet());
        assertThat(borrowed).isNotEmpty();
        assertThat(ran).isEqualTo(borrowed);
    }

    @Test
    void runIdsOfBothStreamsNeverCollide() {
        assertThat(TODAY.rows(AgentGraphExecution.TABLE).map(AgentGraphExecution::id))
                .doesNotHaveDuplicates();
    }

    private static Map<String, String> owners(Dataset data) {
        return data.rows(AgentGraph.TABLE).collect(Collectors.toMap(AgentGraph::id, AgentGraph::userId));
    }
}
