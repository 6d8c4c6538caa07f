package io.autogpt.seed.cli;

import io.autogpt.seed.auth.http.GoTrueClient;
import io.autogpt.seed.auth.http.GoTrueSettings;
import io.autogpt.seed.core.token.TestUser;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autogpt-seed users}: creates the test users in Supabase Auth, and optionally their platform rows. */
@Command(name = "users", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        header = "Creates test users in Supabase Auth.",
        description = {"Creates test users through the Supabase Auth admin API (email confirmed; existing ones count",
                "as done) and, with --db, their platform \"User\" rows with the same ids. Rerunning changes nothing."})
final class UsersCommand implements Callable<Integer> {
    private static final int PARALLEL = 8;

    private final Map<String, String> env;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SupabaseOptions supabase = new SupabaseOptions();

    @Mixin
    TestUserOptions testUsers = new TestUserOptions();

    @Option(names = "--db", paramLabel = "URL",
            description = "Also create the users' \"User\" rows in this platform database (same ids as in Supabase).")
    @Nullable String db;

    UsersCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<TestUser> users = testUsers.users(env, true);
        GoTrueSettings settings = supabase.settings(env, clock);
        List<GoTrueClient.CreatedUser> results;
        List<TestUser> withIds = new ArrayList<>();
        try (GoTrueClient client = Composition.admin(settings)) {
            results = create(client, users);
            if (db != null) {
                Map<String, String> existing = results.stream().allMatch(GoTrueClient.CreatedUser::created)
                        ? Map.of() : client.userIds();
                for (int i = 0; i < users.size(); i++) {
                    GoTrueClient.CreatedUser r = results.get(i);
                    String id = r.id() != null ? r.id() : existing.get(r.email().toLowerCase(Locale.ROOT));
                    if (id == null) {
                        throw new IllegalStateException("Supabase Auth lists no user " + r.email()
                                + " although it said the email exists");
                    }
                    withIds.add(users.get(i).withUserId(id));
                }
            }
        }
        long created = results.stream().filter(GoTrueClient.CreatedUser::created).count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-15s %,d (%,d created, %,d existed)%n", "auth users", results.size(), created,
                results.size() - created);
        if (db != null) {
            int rows = Composition.userRows(db, clock).save(withIds);
            out.printf("%-15s %,d created, %,d existed, in %s%n", "\"User\" rows", rows, withIds.size() - rows,
                    Composition.redacted(db));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Creates all users, a few at a time; the first refusal stops the rest. */
    private static List<GoTrueClient.CreatedUser> create(GoTrueClient client, List<TestUser> users)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, users.size()));
        try {
            List<Future<GoTrueClient.CreatedUser>> futures = new ArrayList<>();
            for (TestUser user : users) {
                futures.add(pool.submit(() -> client.createUser(user)));
            }
            List<GoTrueClient.CreatedUser> results = new ArrayList<>();
            for (Future<GoTrueClient.CreatedUser> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
