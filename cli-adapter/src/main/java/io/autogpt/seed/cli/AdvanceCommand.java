package io.autogpt.seed.cli;

import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.run.AdvanceReport;
import io.autogpt.seed.core.run.AdvanceRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autogpt-seed advance}: makes days pass on a seeded database, deterministically. */
@Command(name = "advance", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        header = "Makes days pass on a seeded database.",
        description = {"Adds each day after the seeded dataset's current anchor: runs with their node executions,",
                "credit usage, top-ups and grants, store reviews, new store versions and their reviews, new",
                "categories, chats and searches, new sign-ups; runs left going on an earlier day finish. Each",
                "day is a pure function of (seed, day): --days 7 gives the rows of seven --days 1. One transaction;",
                "a day already reached changes nothing; seed --reset removes the advanced days (and their sign-ups)",
                "too."})
final class AdvanceCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", description = "Add N days after the current anchor.")
    Integer days;

    @Option(names = "--to", paramLabel = "INSTANT", description = {"Advance to the last whole day ending at or before",
            "INSTANT (ISO-8601, e.g. 2025-06-08T00:00:00Z); days are counted from the seeded --now."})
    String to;

    @Mixin
    DatabaseOptions target;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Only the users of shard I of N (as seed's --shard); each shard advances its own users.")
    String shard;

    @Option(names = "--active-share", paramLabel = "P",
            description = "Share of users who run agents on a day. Default: 0.15.")
    Double activeShare;

    @Option(names = "--runs-per-active-user", paramLabel = "RANGE",
            description = "Runs an active user starts that day, e.g. 1..3. Default: 1..3.")
    String runsPerActiveUser;

    @Option(names = "--review-share", paramLabel = "P",
            description = "Share of users who review a store agent of their cohort on a day. Default: 0.14.")
    Double reviewShare;

    @Option(names = "--top-up-share", paramLabel = "P", description = "Share of users who top up on a day. Default: 0.05.")
    Double topUpShare;

    @Option(names = "--grant-share", paramLabel = "P", description = "Share of users granted credit on a day. Default: 0.02.")
    Double grantShare;

    @Option(names = "--feature-share", paramLabel = "P",
            description = "Share of approved store versions featured or unfeatured on a day. Default: 0.008.")
    Double featureShare;

    @Option(names = "--sign-up-share", paramLabel = "P",
            description = "Share of users who bring a new user (a sign-up) on a day. Default: 0.02.")
    Double signUpShare;

    @Option(names = "--submit-share", paramLabel = "P",
            description = "Share of store listings whose owner submits a new version on a day. Default: 0.01.")
    Double submitShare;

    @Option(names = "--decide-share", paramLabel = "P",
            description = "Share of versions waiting for review that are decided on a day. Default: 0.33.")
    Double decideShare;

    @Option(names = "--approve-share", paramLabel = "P",
            description = "Share of decided versions approved (the rest rejected). Default: 0.8.")
    Double approveShare;

    @Option(names = "--category-share", paramLabel = "P",
            description = "Share of live listings whose categories change on a day. Default: 0.008.")
    Double categoryShare;

    @Option(names = "--chat-share", paramLabel = "P",
            description = "Share of a day's active users who chat with CoPilot. Default: 0.33.")
    Double chatShare;

    @Option(names = "--search-share", paramLabel = "P",
            description = "Share of a day's active users who search the store, and the builder. Default: 0.5.")
    Double searchShare;

    AdvanceCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if ((days == null) == (to == null)) {
            throw new UsageException("give either --days N or --to INSTANT");
        }
        long seed = target.seed();
        AdvanceRunner.Until until = days != null
                ? UsageException.of("--days", () -> AdvanceRunner.Until.days(days))
                : AdvanceRunner.Until.to(instant());
        AdvanceShape shape = UsageException.of(this::shape);
        int[] part = shard == null ? null : shard();
        Composition.AdvanceTarget database = Composition.advancing(target.url(env), target.schema);
        AdvanceReport report = UsageException.of(() -> new AdvanceRunner(database.port(), clock)
                .advance(seed, until, shape, part));
        print(report, database.description());
        return ExitCodes.OK;
    }

    private AdvanceShape shape() {
        AdvanceShape base = AdvanceShape.standard();
        return new AdvanceShape(activeShare != null ? activeShare : base.activeShare(),
                runsPerActiveUser != null ? IntRange.parse(runsPerActiveUser) : base.runsPerActiveUser(),
                reviewShare != null ? reviewShare : base.reviewShare(),
                topUpShare != null ? topUpShare : base.topUpShare(),
                grantShare != null ? grantShare : base.grantShare(),
                featureShare != null ? featureShare : base.featureShare(),
                signUpShare != null ? signUpShare : base.signUpShare(), store(base.store()));
    }

    private AdvanceShape.StoreDays store(AdvanceShape.StoreDays base) {
        return new AdvanceShape.StoreDays(submitShare != null ? submitShare : base.submitShare(),
                decideShare != null ? decideShare : base.decideShare(),
                approveShare != null ? approveShare : base.approveShare(),
                categoryShare != null ? categoryShare : base.categoryShare(),
                chatShare != null ? chatShare : base.chatShare(),
                searchShare != null ? searchShare : base.searchShare());
    }

    private Instant instant() {
        try {
            return Instant.parse(to);
        } catch (DateTimeParseException e) {
            throw new UsageException("--to must be an ISO-8601 instant like 2025-06-08T00:00:00Z, got '" + to + "'");
        }
    }

    private int[] shard() {
        String[] parts = shard.split("/", -1);
        try {
            int index = Integer.parseInt(parts[0].trim());
            int count = Integer.parseInt(parts[1].trim());
            if (parts.length != 2 || count < 1 || index < 0 || index >= count) {
                throw new NumberFormatException();
            }
            return new int[] {index, count};
        } catch (RuntimeException e) {
            throw new UsageException("--shard must be I/N with 0 <= I < N, e.g. 0/4, got '" + shard + "'");
        }
    }

    private void print(AdvanceReport report, String description) {
        PrintWriter out = spec.commandLine().getOut();
        for (AdvanceReport.SliceDays s : report.slices()) {
            String users = "users " + s.fromUser() + ".." + (s.toUser() - 1);
            if (s.daysAfter() == s.daysBefore()) {
                out.println("already advanced: seed " + report.seed() + " (" + users + ") is at " + s.anchor()
                        + "Z (day " + s.daysAfter() + "); nothing changed");
            } else {
                out.println("advanced seed " + report.seed() + " (" + users + ") in " + description + ": day "
                        + s.daysBefore() + " → " + s.daysAfter() + ", anchor " + s.seeded().plusDays(s.daysBefore())
                        + "Z → " + s.anchor() + "Z");
            }
        }
        if (!report.alreadyThere()) {
            out.printf("%-36s %12s%n", "table", "rows");
            report.rows().forEach((table, n) -> out.printf("%-36s %,12d%n", table, n));
            out.printf("%-36s %,12d%n", "total", report.totalRows());
            AdvanceReport.StoreMoves store = report.store();
            out.printf("sign-ups: %,d; runs finished from earlier days: %,d; balances updated: %,d; store versions "
                    + "approved: %,d, rejected: %,d, re-categorised: %,d, (un)featured: %,d; %.2f s (one transaction)%n",
                    report.signUps(), report.finished(), report.balances(), store.approved(), store.rejected(),
                    store.recategorised(), report.featured(), report.elapsed().toNanos() / 1e9);
        }
        out.flush();
    }
}
