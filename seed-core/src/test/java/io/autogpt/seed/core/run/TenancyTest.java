package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.integration.IntegrationWebhook;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.Team;
import io.autogpt.seed.core.org.TeamMember;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.testing.InMemoryDatasetStore;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Today's tenancy, as the platform's keys and its code's rules have it. */
class TenancyTest {
    private static final SeedPlan PLAN = SeedPlan.of(11, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(150).withCohortUsers(50)).withRules(PlatformRules.SEPTEMBER_2026);
    private static final Dataset DATA = new Dataset(PLAN);

    @Test
    void everyTeamAResourceNamesExists() {
        Set<String> teams = DATA.rows(Team.TABLE).map(Team::id).collect(Collectors.toSet());
        assertThat(DATA.rows(IntegrationWebhook.TABLE).map(IntegrationWebhook::teamId)
                .filter(java.util.Objects::nonNull)).allMatch(teams::contains);
    }

    @Test
    void theDatasetLoadsUnderTheKeysOfToday() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        SeedReport report = new SeedRunner(store, SeedProgress.NONE).run(PLAN, false);
        assertThat(report.outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        assertThat(store.rows("Organization")).hasSizeGreaterThan(150);
    }

    @Test
    void everyTeamMemberIsAMemberOfTheTeamsOrganisation() {
        Set<String> members = DATA.rows(OrgMember.TABLE).map(m -> m.orgId() + "/" + m.userId())
                .collect(Collectors.toSet());
        java.util.Map<String, String> orgOfTeam = DATA.rows(Team.TABLE)
                .collect(Collectors.toMap(Team::id, Team::orgId));
        assertThat(DATA.rows(TeamMember.TABLE).map(m -> orgOfTeam.get(m.teamId()) + "/" + m.userId()))
                .allMatch(members::contains);
    }
}
