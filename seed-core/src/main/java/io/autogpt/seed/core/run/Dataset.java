package io.autogpt.seed.core.run;

import io.autogpt.seed.core.generate.DatasetAssembly;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.LoginAccount;
import io.autogpt.seed.core.user.User;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The dataset of one {@link SeedPlan}, as one lazy stream per table, in an order every foreign key allows.
 *
 * <p>Nothing is generated until a stream is consumed, and nothing is kept after: memory stays flat however large
 * the plan. Each stream may be consumed any number of times and gives the same rows each time.
 *
 * <p>Not thread-safe (factories reuse a Datafaker instance); to generate on several threads, give each thread its
 * own {@code Dataset} — of the same plan or of {@linkplain SeedPlan#slice slices} — and the rows are the same.
 */
public final class Dataset {
    /**
     * One table of the dataset and a supplier of its rows.
     *
     * @param table the table written
     * @param rows  a fresh, lazy stream of its rows each call
     */
    public record Step<R extends Record>(Table<R> table, Supplier<Stream<R>> rows) {
    }

    private final SeedPlan plan;
    /** How the rows are made: factories and the skeleton, behind the one public class of {@code generate}. */
    private final DatasetAssembly assembly;

    public Dataset(SeedPlan plan) {
        this.plan = plan;
        this.assembly = DatasetAssembly.of(plan);
    }

    public SeedPlan plan() {
        return plan;
    }

    /**
     * The ids of users {@code [from, to)} of any plan of {@code seed}: a user's id depends on the seed and its
     * ordinal only, so the rows of an earlier run can be found from what the ledger recorded of it.
     */
    public static Stream<String> userIds(long seed, int from, int to) {
        return DatasetAssembly.userIds(seed, from, to);
    }

    /**
     * Every table of the plan's rules in write order: parents before children, the listing update after the
     * versions. Under the early-2026 rules, today's tenancy and trial tables are not among them.
     */
    public List<Step<?>> steps() {
        return assembly.tables().stream().<Step<?>>map(this::step).toList();
    }

    /**
     * The step that gives the plan's users login accounts, one per {@code "User"} row of {@link #steps()} and made
     * from it: not among the steps, since only a run that asks for logins writes it, before the users' rows
     * ({@link SeedRunner#withLoginAccounts()}).
     */
    public Step<LoginAccount> loginAccounts() {
        return new Step<>(LoginAccount.TABLE, () -> rows(User.TABLE).map(LoginAccount::of));
    }

    /**
     * The rows of {@code table}, as {@link #steps()} would write them: a fresh, lazy stream each call.
     *
     * @throws IllegalArgumentException when the dataset has no such table
     */
    public <R extends Record> Stream<R> rows(Table<R> table) {
        return assembly.rows(table);
    }

    /**
     * The ids {@code [from, to)} the {@code "SearchTerms"} rows of users {@code [fromUser, toUser)} of any plan of
     * {@code seed} lie in (that table has no user column): what a reset removes.
     */
    public static long[] searchTermIds(long seed, long fromUser, long toUser) {
        return DatasetAssembly.searchTermIds(seed, fromUser, toUser);
    }

    /** The ids of this plan's users, in ordinal order. */
    public Stream<String> userIds() {
        return assembly.userIds();
    }

    private <R extends Record> Step<R> step(Table<R> table) {
        return new Step<>(table, () -> assembly.rows(table));
    }
}
