package io.autogpt.seed.cli;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.run.SeedReport;
import java.io.PrintWriter;
import java.util.List;

/** The table printed at the end of a run: rows, seconds and rows per second for each table and in all. */
final class Summary {
    private final PrintWriter out;

    Summary(PrintWriter out) {
        this.out = out;
    }

    void print(SeedReport report, SeedPlan plan, String description) {
        // The run's first line names the schema version the target matched, so a wrong target shows at once.
        String version = report.target().schemaVersion();
        String target = version.isEmpty() ? description : description + ", schema version " + version;
        // Users as --slice and --range write them: both ends inclusive.
        String what = "seed " + plan.seed() + " (users " + plan.fromUser() + ".." + (plan.toUser() - 1) + " of "
                + plan.scale().users() + ", anchor " + plan.now() + "Z)";
        if (report.outcome() == SeedReport.Outcome.ALREADY_SEEDED) {
            RecordedRun earlier = report.earlier().get(0);
            String when = earlier.now().equals(plan.now()) ? "" : " (written with anchor " + earlier.now() + "Z)";
            out.println("already seeded: " + what + " is in " + target + when
                    + "; nothing changed (use --reset to reseed)");
            out.flush();
            return;
        }
        out.println((report.outcome() == SeedReport.Outcome.RESEEDED ? "reseeded " : "seeded ") + what + " into "
                + target);
        if (report.outcome() == SeedReport.Outcome.RESEEDED) {
            out.printf("removed %,d rows of %d earlier run%s%n", report.removedRows(), report.earlier().size(),
                    report.earlier().size() == 1 ? "" : "s");
            // What every run shares is written where missing and never removed: say which, so nobody looks for it.
            List<String> shared = report.tables().stream().filter(t -> t.path().startsWith("where "))
                    .map(SeedReport.TableReport::table).toList();
            if (!shared.isEmpty()) {
                out.println("kept the rows every run shares: " + String.join(", ", shared)
                        + (shared.stream().anyMatch(t -> t.startsWith("Catalogue"))
                        ? " (the marketplace catalogue: the platform lets no release be removed)" : ""));
            }
        }
        out.printf("%-44s %12s %9s %12s  %s%n", "table", "rows", "seconds", "rows/s", "path");
        for (SeedReport.TableReport t : report.tables()) {
            row(t.table(), t.rows(), t.elapsed().toNanos() / 1e9, t.path());
        }
        // Commit includes building the indexes and foreign keys of tables loaded bare.
        row("total (with commit)", report.totalRows(), report.elapsed().toNanos() / 1e9, "");
        out.flush();
    }

    private void row(String label, long rows, double seconds, String path) {
        out.println(String.format("%-44s %,12d %9.2f %,12.0f  %s", label, rows, seconds,
                seconds > 0 ? rows / seconds : 0, path).stripTrailing());
    }
}
