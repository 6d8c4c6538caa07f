package io.autogpt.seed.core.run;

import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.generate.SignUps;
import io.autogpt.seed.core.org.OrgBalance;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.org.OrganizationProfile;
import io.autogpt.seed.core.org.OrganizationSeatAssignment;
import io.autogpt.seed.core.org.Team;
import io.autogpt.seed.core.org.TeamMember;
import io.autogpt.seed.core.port.AdvanceTransaction;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.LoginAccount;
import io.autogpt.seed.core.user.Profile;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.user.UserOnboarding;
import io.autogpt.seed.core.workspace.UserWorkspace;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Writes a day's {@link SignUps} into an advance: their logins first (as the seeder writes logins before users), then
 * their rows parents first, each table only where the target has it. Counts go into the advance's rows by table,
 * logins under {@link LoginAccount#TABLE}.
 */
final class SignUpDay {
    private SignUpDay() {
    }

    /** Writes {@code day}'s sign-ups; returns the rows written (logins not counted). */
    static long write(AdvanceTransaction tx, Map<String, Long> rows, SignUps day) {
        if (day.count() == 0) {
            return 0;
        }
        long logins = tx.copyLogins(day.logins());
        if (logins > 0) {
            rows.merge(LoginAccount.TABLE.name(), logins, Long::sum);
        }
        long n = 0;
        n += write(tx, rows, User.TABLE, day::users);
        n += write(tx, rows, Organization.TABLE, day::organizations);
        n += write(tx, rows, OrganizationProfile.TABLE, day::organizationProfiles);
        n += write(tx, rows, OrgMember.TABLE, day::orgMembers);
        n += write(tx, rows, Team.TABLE, day::teams);
        n += write(tx, rows, TeamMember.TABLE, day::teamMembers);
        n += write(tx, rows, OrganizationSeatAssignment.TABLE, day::seats);
        n += write(tx, rows, OrgBalance.TABLE, day::orgBalances);
        n += write(tx, rows, Profile.TABLE, day::profiles);
        n += write(tx, rows, UserWorkspace.TABLE, day::workspaces);
        n += write(tx, rows, LibraryAgent.TABLE, day::libraryAgents);
        n += write(tx, rows, UserOnboarding.TABLE, day::onboardings);
        n += write(tx, rows, CreditTransaction.TABLE, day::creditTransactions);
        n += write(tx, rows, UserBalance.TABLE, day::balances);
        return n;
    }

    private static <R extends Record> long write(AdvanceTransaction tx, Map<String, Long> rows, Table<R> table,
                                                 Supplier<Stream<R>> made) {
        if (!tx.hasTable(table.name())) {
            return 0;
        }
        long n = tx.write(table, made.get());
        if (n > 0) {
            rows.merge(table.name(), n, Long::sum);
        }
        return n;
    }
}
